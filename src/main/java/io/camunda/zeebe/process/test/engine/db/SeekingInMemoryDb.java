package io.camunda.zeebe.process.test.engine.db;

import io.camunda.zeebe.db.ColumnFamily;
import io.camunda.zeebe.db.DbKey;
import io.camunda.zeebe.db.DbValue;
import io.camunda.zeebe.db.TransactionContext;
import io.camunda.zeebe.db.TransactionOperation;
import io.camunda.zeebe.db.ZeebeDb;
import io.camunda.zeebe.db.ZeebeDbInconsistentException;
import io.camunda.zeebe.db.ZeebeDbTransaction;
import io.camunda.zeebe.db.impl.DbNil;
import io.camunda.zeebe.protocol.EnumValue;
import io.camunda.zeebe.protocol.ScopedColumnFamily;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.File;
import java.util.HashSet;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The test engine's in-memory state store (its column families, keys and values are the test engine's own), with one
 * change: a scan no longer copies the whole state.
 *
 * <p>Why: zeebe-process-test-engine 8.8's transaction copies every committed entry into a new sorted map at each scan of
 * a column family, and its column family then walks that copy from the scan's first key to the end of the state. The
 * engine scans at nearly every command, so a command cost in proportion to everything the engine held; with a few
 * hundred collection loops open that was most of the engine's time. Here a scan reads the committed map in place, from
 * its first key to the end of its column family, merged with a copy of the transaction's own pending writes: the same
 * entries in the same order, since a context's committed entries change only when a transaction commits and a
 * transaction never commits in the middle of one of its own scans. (Another context, the batch-operation actor's on its
 * own thread, may commit meanwhile; the concurrent map lets its scans and the stream processor's overlap safely.) This
 * class lives in the test engine's package because those parts are package-private; {@code SeekingEngineFactory} wires
 * it in. Embedded mode and tests only, never production's engine.
 */
public final class SeekingInMemoryDb<C extends Enum<? extends EnumValue> & EnumValue & ScopedColumnFamily> implements ZeebeDb<C> {

  /**
   * Shared by every context (the stream processor's, the batch-operation actor's): concurrent, as the test engine's
   * unsynchronised map was not, and failed with ConcurrentModificationException under load.
   */
  private final ConcurrentSkipListMap<Bytes, Bytes> committed = new ConcurrentSkipListMap<>();

  @Override
  public <K extends DbKey, V extends DbValue> ColumnFamily<K, V> createColumnFamily(C columnFamily, TransactionContext context,
                                                                                   K key, V value) {
    return new InMemoryDbColumnFamily<>(columnFamily, context, key, value);
  }

  @Override
  public void createSnapshot(File snapshotDir) {
    throw new IllegalStateException("No snapshots supported");
  }

  @Override
  public Optional<String> getProperty(String propertyName) {
    return Optional.empty();
  }

  @Override
  public TransactionContext createContext() {
    return new Context(new Transaction(committed));
  }

  @Override
  public boolean isEmpty(C columnFamily, TransactionContext context) {
    return createColumnFamily(columnFamily, context, DbNullKey.INSTANCE, DbNil.INSTANCE).isEmpty();
  }

  @Override
  public MeterRegistry getMeterRegistry() {
    return new SimpleMeterRegistry();
  }

  @Override
  public void close() {
    committed.clear();
  }

  /** Runs an operation in the open transaction, or in a new one committed after it (rolled back if it fails). */
  private static final class Context implements TransactionContext {
    private final Transaction transaction;

    Context(Transaction transaction) {
      this.transaction = transaction;
    }

    @Override
    public void runInTransaction(TransactionOperation operation) {
      try {
        if (transaction.open) {
          operation.run();
        } else {
          transaction.begin();
          try {
            operation.run();
            transaction.commit();
          } catch (Exception e) {
            transaction.rollback();
            throw e;
          }
        }
      } catch (ZeebeDbInconsistentException e) {
        throw e;
      } catch (Exception e) {
        throw new RuntimeException("Unexpected error occurred during zeebe db transaction operation.", e);
      }
    }

    @Override
    public ZeebeDbTransaction getCurrentTransaction() {
      if (!transaction.open) {
        transaction.begin();
      }
      return transaction;
    }
  }

  /** Writes kept aside until commit: values put, keys deleted (a key is in at most one of the two). */
  static final class Transaction implements ZeebeDbTransaction, InMemoryDbState {
    private final NavigableMap<Bytes, Bytes> committed;
    private final TreeMap<Bytes, Bytes> written = new TreeMap<>();
    private final Set<Bytes> deleted = new HashSet<>();
    private boolean open;

    Transaction(NavigableMap<Bytes, Bytes> committed) {
      this.committed = committed;
    }

    void begin() {
      rollback();
      open = true;
    }

    @Override
    public void run(TransactionOperation operation) throws Exception {
      operation.run();
    }

    @Override
    public void commit() {
      open = false;
      committed.putAll(written);
      deleted.forEach(committed::remove);
      written.clear();
      deleted.clear();
    }

    @Override
    public void rollback() {
      open = false;
      written.clear();
      deleted.clear();
    }

    @Override
    public void put(FullyQualifiedKey key, DbValue value) {
      Bytes bytes = key.getKeyBytes();
      deleted.remove(bytes);
      written.put(bytes, Bytes.fromDbValue(value));
    }

    @Override
    public byte[] get(FullyQualifiedKey key) {
      Bytes bytes = key.getKeyBytes();
      if (isDeleted(bytes)) {
        return null;
      }
      Bytes value = written.get(bytes);
      if (value == null) {
        value = committed.get(bytes);
      }
      return value == null ? null : value.toBytes();
    }

    @Override
    public void delete(FullyQualifiedKey key) {
      Bytes bytes = key.getKeyBytes();
      written.remove(bytes);
      deleted.add(bytes);
    }

    @Override
    public boolean contains(FullyQualifiedKey key) {
      Bytes bytes = key.getKeyBytes();
      return !isDeleted(bytes) && (written.containsKey(bytes) || committed.containsKey(bytes));
    }

    /** Every read of the engine asks; an empty set would still hash the key to answer. */
    private boolean isDeleted(Bytes bytes) {
      return !deleted.isEmpty() && deleted.contains(bytes);
    }

    @Override
    public InMemoryDbIterator newIterator() {
      return new InMemoryDbIterator(new StateView(committed, written, deleted));
    }
  }
}
