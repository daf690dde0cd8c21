package io.camunda.zeebe.process.test.engine.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.zeebe.db.ColumnFamily;
import io.camunda.zeebe.db.TransactionContext;
import io.camunda.zeebe.db.ZeebeDb;
import io.camunda.zeebe.db.impl.DbCompositeKey;
import io.camunda.zeebe.db.impl.DbLong;
import io.camunda.zeebe.protocol.ZbColumnFamilies;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The seeking store against the test engine's own store, step for step: the same random writes, deletes, failed
 * transactions and scans (prefix scans, scans from a key, counts, scans that write and delete as they go, scans inside
 * a transaction that has written) must see the same entries in the same order.
 */
class SeekingInMemoryDbTest {

  /** Three neighbouring column families, so a scan that ran past its own would see its neighbour's entries. */
  private static final ZbColumnFamilies[] FAMILIES = {ZbColumnFamilies.values()[3], ZbColumnFamilies.values()[4],
      ZbColumnFamilies.values()[5]};

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void everyScanSeesWhatTheTestEnginesStoreSees(long seed) {
    Store theirs = new Store(new InMemoryDbFactory<ZbColumnFamilies>().createDb());
    Store ours = new Store(new SeekingInMemoryDb<>());
    List<String> theirTrace = theirs.play(new Random(seed));
    List<String> ourTrace = ours.play(new Random(seed));

    assertThat(theirTrace).hasSizeGreaterThan(1_000);
    assertThat(ourTrace).isEqualTo(theirTrace);
  }

  @Test
  void aFailedTransactionLeavesNothingBehind() {
    Store store = new Store(new SeekingInMemoryDb<>());
    store.put(0, 1, 1, 10);

    assertThatThrownBy(() -> store.context.runInTransaction(() -> {
      store.put(0, 1, 2, 20);
      store.delete(0, 1, 1);
      throw new IllegalStateException("the command failed");
    })).hasRootCauseMessage("the command failed");

    assertThat(store.prefix(0, 1)).containsExactly("1/1=10");
  }

  /** One store with three column families of (long, long) keys and long values, and the moves the test makes on it. */
  private static final class Store {
    private final TransactionContext context;
    private final List<ColumnFamily<DbCompositeKey<DbLong, DbLong>, DbLong>> families = new ArrayList<>();
    private final List<DbCompositeKey<DbLong, DbLong>> keys = new ArrayList<>();
    private final List<DbLong> values = new ArrayList<>();
    private final DbLong prefix = new DbLong();

    Store(ZeebeDb<ZbColumnFamilies> db) {
      context = db.createContext();
      for (ZbColumnFamilies family : FAMILIES) {
        DbCompositeKey<DbLong, DbLong> key = new DbCompositeKey<>(new DbLong(), new DbLong());
        DbLong value = new DbLong();
        families.add(db.createColumnFamily(family, context, key, value));
        keys.add(key);
        values.add(value);
      }
    }

    List<String> play(Random random) {
      List<String> trace = new ArrayList<>();
      for (int round = 0; round < 400; round++) {
        boolean fails = random.nextInt(10) == 0;
        int moves = 1 + random.nextInt(6);
        try {
          context.runInTransaction(() -> {
            for (int m = 0; m < moves; m++) {
              move(random, trace);
            }
            if (fails) {
              throw new IllegalStateException("rolled back");
            }
          });
        } catch (RuntimeException e) {
          trace.add("failed: " + e.getCause().getMessage());
        }
        // and outside any transaction, as the engine's readers do
        trace.add("count " + families.get(random.nextInt(3)).count());
      }
      for (int f = 0; f < 3; f++) {
        for (long p = 0; p < 5; p++) {
          trace.add("final " + f + " " + prefix(f, p));
        }
      }
      return trace;
    }

    private void move(Random random, List<String> trace) {
      int f = random.nextInt(3);
      long first = random.nextInt(5);
      long second = random.nextInt(8);
      switch (random.nextInt(12)) {
        case 0, 1, 2 -> put(f, first, second, random.nextInt(1000));
        case 3 -> delete(f, first, second);
        case 4 -> trace.add("prefix " + prefix(f, first));
        case 5 -> {
          int limit = 1 + random.nextInt(6);
          List<String> seen = new ArrayList<>();
          key(f, first, second);
          families.get(f).whileTrue(keys.get(f), (k, v) -> {
            seen.add(entry(k, v));
            return seen.size() < limit;
          });
          trace.add("from " + seen);
        }
        case 6 -> {
          // a scan that deletes what it visits and writes ahead of itself: it still sees the state it started from
          List<String> seen = new ArrayList<>();
          prefix.wrapLong(first);
          families.get(f).whileEqualPrefix(prefix, (k, v) -> {
            seen.add(entry(k, v));
            long visited = k.second().getValue();
            DbCompositeKey<DbLong, DbLong> other = new DbCompositeKey<>(new DbLong(), new DbLong());
            other.first().wrapLong(first);
            other.second().wrapLong(visited);
            families.get(f).deleteIfExists(other);
            other.second().wrapLong(visited + 1);
            DbLong value = new DbLong();
            value.wrapLong(visited * 7);
            families.get(f).upsert(other, value);
          });
          trace.add("rewrite " + seen);
        }
        case 7 -> {
          prefix.wrapLong(first);
          trace.add("countPrefix " + families.get(f).countEqualPrefix(prefix) + " empty " + families.get(f).isEmpty());
        }
        case 9 -> {
          // a prefix scan that stops when its visitor says so
          int limit = 1 + random.nextInt(4);
          List<String> seen = new ArrayList<>();
          prefix.wrapLong(first);
          families.get(f).whileEqualPrefix(prefix, (k, v) -> {
            seen.add(entry(k, v));
            return seen.size() < limit;
          });
          trace.add("prefixUpTo " + limit + " " + seen);
        }
        case 10 -> {
          // from a key within the prefix or, now and then, before or after its keys
          List<String> seen = new ArrayList<>();
          prefix.wrapLong(first);
          key(f, random.nextInt(4) == 0 ? random.nextInt(5) : first, second);
          families.get(f).whileEqualPrefix(prefix, keys.get(f), (k, v) -> {
            seen.add(entry(k, v));
            return true;
          });
          trace.add("prefixFrom " + seen);
        }
        case 8 -> {
          key(f, first, second);
          DbLong value = families.get(f).get(keys.get(f));
          trace.add("get " + (value == null ? null : value.getValue()) + " exists " + families.get(f).exists(keys.get(f)));
        }
        default -> {
          List<String> seen = new ArrayList<>();
          families.get(f).forEach((k, v) -> {
            seen.add(entry(k, v));
          });
          trace.add("all " + seen);
        }
      }
    }

    void put(int f, long first, long second, long value) {
      key(f, first, second);
      values.get(f).wrapLong(value);
      families.get(f).upsert(keys.get(f), values.get(f));
    }

    void delete(int f, long first, long second) {
      key(f, first, second);
      families.get(f).deleteIfExists(keys.get(f));
    }

    List<String> prefix(int f, long first) {
      List<String> seen = new ArrayList<>();
      prefix.wrapLong(first);
      families.get(f).whileEqualPrefix(prefix, (k, v) -> {
        seen.add(entry(k, v));
      });
      return seen;
    }

    private void key(int f, long first, long second) {
      keys.get(f).first().wrapLong(first);
      keys.get(f).second().wrapLong(second);
    }

    private static String entry(DbCompositeKey<DbLong, DbLong> key, DbLong value) {
      return key.first().getValue() + "/" + key.second().getValue() + "=" + value.getValue();
    }
  }
}
