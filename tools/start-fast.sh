#!/bin/sh
# Settle in embedded mode, started the quick way: from the jar unpacked into target/app (no jars inside the jar to
# read classes from), with C1 only (the JIT's C2 mostly costs start-up CPU on a small machine) and a JDK AOT cache
# (JDK 25+: the classes of the first start already loaded and linked). The first start from a jar with a given JDK
# records the cache: it runs Settle until the demo company is loaded (at most 10 minutes), stops it and writes
# target/app/settle-<JDK build>.aot; every later start reads it. A new jar (./mvnw package) is unpacked again and gets
# a fresh cache. For embedded mode only: with a database configured, the recording would load the demo company into it.
# Arguments are Settle's: tools/start-fast.sh --server.port=8088
set -eu
cd "$(dirname "$0")/.."

java_major() { "$1" -version 2>&1 | sed -n 's/.* version "\([0-9]*\).*/\1/p' | head -n 1; }
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
if [ -z "$(java_major "$JAVA")" ] || [ "$(java_major "$JAVA")" -lt 25 ]; then
  for jdk in $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV); do
    v=$(java_major "${jdk}bin/java")
    if [ -n "$v" ] && [ "$v" -ge 25 ]; then JAVA="${jdk}bin/java"; break; fi
  done
fi
echo "Java: $JAVA ($("$JAVA" -version 2>&1 | head -n 1))"

JAR=$(ls -t target/settle-*.jar 2>/dev/null | head -n 1 || true)
if [ -z "$JAR" ]; then
  ./mvnw -B -q package -DskipTests
  JAR=$(ls -t target/settle-*.jar | head -n 1)
fi
APP=target/app
UNPACKED="$APP/$(basename "$JAR")"
if [ ! -f "$UNPACKED" ] || [ "$JAR" -nt "$UNPACKED" ]; then
  rm -rf "$APP"
  "$JAVA" -Djarmode=tools -jar "$JAR" extract --destination "$APP" >/dev/null
  touch "$UNPACKED"
fi

FLAGS="-XX:TieredStopAtLevel=1"
V=$(java_major "$JAVA")
if [ -n "$V" ] && [ "$V" -ge 25 ]; then
  # a cache fits only the JDK that wrote it: one per JDK build
  CACHE="$APP/settle-$("$JAVA" -version 2>&1 | sed -n 's/.*(build \([^)]*\)).*/\1/p' | head -n 1 | tr -c 'A-Za-z0-9.+\n' '_').aot"
  if [ ! -f "$CACHE" ]; then
    echo "First start from this jar with this JDK: recording the AOT cache (Settle starts, loads the demo company, stops)"
    LOG="$APP/aot-training.log"
    "$JAVA" $FLAGS -XX:AOTCacheOutput="$CACHE" -jar "$UNPACKED" --server.port=0 --settle.demo-data=true >"$LOG" 2>&1 &
    PID=$!
    trap 'kill "$PID" 2>/dev/null || true' INT TERM EXIT
    waited=0
    until grep -q -e "Demo company loaded" -e "Customers exist already" -e "APPLICATION FAILED TO START" \
        -e "Application run failed" "$LOG" 2>/dev/null; do
      if ! kill -0 "$PID" 2>/dev/null || [ "$waited" -ge 600 ]; then break; fi
      sleep 1
      waited=$((waited + 1))
    done
    kill "$PID" 2>/dev/null || true
    wait "$PID" 2>/dev/null || true
    trap - INT TERM EXIT
    [ -f "$CACHE" ] || echo "No AOT cache was written (see $LOG); starting without one"
  fi
  if [ -f "$CACHE" ]; then FLAGS="$FLAGS -XX:AOTCache=$CACHE -Xlog:aot*=error"; fi
fi
exec "$JAVA" $FLAGS -jar "$UNPACKED" "$@"
