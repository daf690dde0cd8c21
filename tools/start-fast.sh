#!/bin/sh
# Settle in embedded mode, started the quick way: from the jar unpacked into target/app (no jars inside the jar to
# read classes from), with C1 only (the JIT's C2 mostly costs start-up CPU on a small machine) and a JDK AOT cache
# (JDK 25+: the classes of the first start already loaded and linked). The first start without a cache records one:
# it runs Settle until the demo company is loaded, stops it and writes target/app/settle.aot (a minute or two);
# every later start reads it. A new jar (./mvnw package) is unpacked again and gets a fresh cache.
# Arguments are Settle's: tools/start-fast.sh --server.port=8088
set -eu
cd "$(dirname "$0")/.."

java_major() { "$1" -version 2>&1 | sed -n 's/.* version "\([0-9]*\).*/\1/p' | head -n 1; }
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
if [ "$(java_major "$JAVA")" -lt 25 ] 2>/dev/null || [ -z "$(java_major "$JAVA")" ]; then
  for jdk in $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV); do
    if [ "$(java_major "${jdk}bin/java")" -ge 25 ] 2>/dev/null; then JAVA="${jdk}bin/java"; break; fi
  done
fi

JAR=$(ls target/settle-*.jar 2>/dev/null | grep -v original | head -n 1 || true)
if [ -z "$JAR" ]; then
  ./mvnw -B -q package -DskipTests
  JAR=$(ls target/settle-*.jar | grep -v original | head -n 1)
fi
APP=target/app
if [ ! -f "$APP/$(basename "$JAR")" ] || [ "$JAR" -nt "$APP/$(basename "$JAR")" ]; then
  rm -rf "$APP"
  "$JAVA" -Djarmode=tools -jar "$JAR" extract --destination "$APP" >/dev/null
  touch "$APP/$(basename "$JAR")"
fi

FLAGS="-XX:TieredStopAtLevel=1"
if [ "$(java_major "$JAVA")" -ge 25 ] 2>/dev/null; then
  if [ ! -f "$APP/settle.aot" ]; then
    echo "First start from this jar: recording the AOT cache (Settle starts, loads the demo company and stops)"
    LOG="$APP/aot-training.log"
    "$JAVA" $FLAGS -XX:AOTCacheOutput="$APP/settle.aot" -jar "$APP/$(basename "$JAR")" --server.port=0 >"$LOG" 2>&1 &
    PID=$!
    until grep -q "Demo company loaded\|APPLICATION FAILED TO START" "$LOG" 2>/dev/null; do
      if ! kill -0 "$PID" 2>/dev/null; then break; fi
      sleep 1
    done
    kill "$PID" 2>/dev/null || true
    wait "$PID" 2>/dev/null || true
    [ -f "$APP/settle.aot" ] || echo "No AOT cache was written (see $LOG); starting without one"
  fi
  [ -f "$APP/settle.aot" ] && FLAGS="$FLAGS -XX:AOTCache=$APP/settle.aot -Xlog:aot*=error"
fi
exec "$JAVA" $FLAGS -jar "$APP/$(basename "$JAR")" "$@"
