package io.camunda.zeebe.process.test.engine.db;

import io.camunda.zeebe.db.ColumnFamily;
import io.camunda.zeebe.db.DbKey;
import io.camunda.zeebe.db.DbValue;
import io.camunda.zeebe.db.KeyValuePairVisitor;
import io.camunda.zeebe.protocol.ColumnFamilyScope;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.agrona.ExpandableArrayBuffer;

/**
 * The test engine's column family, with its prefix scans ended where the prefix's keys end. Its own scan walks on from
 * the prefix to the end of the column family, passing over every later key: looking up the variables of one scope
 * passed the variables of every scope created after it, so each step of an old collection loop cost in proportion to
 * everything started since (most of the engine's time in a long simulation). Here a prefix scan is a scan from the
 * prefix (the store's keys sort as bytes, and every key holding the prefix starts with its bytes) that stops at the
 * first key past them; everything else is the test engine's.
 */
final class PrefixBoundScans<K extends DbKey, V extends DbValue> implements ColumnFamily<K, V> {

  private final ColumnFamily<K, V> family;
  // the engine's actor thread scans, and the batch-operation actor's on its own: a buffer per thread
  private static final ThreadLocal<ExpandableArrayBuffer> KEY = ThreadLocal.withInitial(ExpandableArrayBuffer::new);

  PrefixBoundScans(ColumnFamily<K, V> family) {
    this.family = family;
  }

  @Override
  public void whileEqualPrefix(DbKey prefix, BiConsumer<K, V> visitor) {
    scan(prefix, null, (key, value) -> {
      visitor.accept(key, value);
      return true;
    });
  }

  @Override
  public void whileEqualPrefix(DbKey prefix, KeyValuePairVisitor<K, V> visitor) {
    scan(prefix, null, visitor);
  }

  @Override
  public void whileEqualPrefix(DbKey prefix, K startAt, KeyValuePairVisitor<K, V> visitor) {
    scan(prefix, startAt, visitor);
  }

  @Override
  public long countEqualPrefix(DbKey prefix) {
    long[] count = {0};
    scan(prefix, null, (key, value) -> {
      count[0]++;
      return true;
    });
    return count[0];
  }

  /**
   * From {@code startAt} (or the prefix itself) on, the keys holding the prefix, until the visitor says stop. A start
   * outside the prefix's keys is walked from until they come and stop coming, as the test engine does.
   */
  @SuppressWarnings("unchecked")
  private void scan(DbKey prefix, K startAt, KeyValuePairVisitor<K, V> visitor) {
    byte[] wanted = bytes(prefix);
    boolean startsInside = startAt == null || holds(startAt, wanted);
    boolean[] seen = {false};
    // the start is only written out as bytes to seek by, so the prefix can stand in for a key of the family's type
    family.whileTrue(startAt == null ? (K) prefix : startAt, (key, value) -> {
      if (holds(key, wanted)) {
        seen[0] = true;
        return visitor.visit(key, value);
      }
      return !(startsInside || seen[0]);
    });
  }

  private static byte[] bytes(DbKey key) {
    ExpandableArrayBuffer buffer = KEY.get();
    int length = key.write(buffer, 0);
    byte[] bytes = new byte[length];
    buffer.getBytes(0, bytes);
    return bytes;
  }

  private static boolean holds(DbKey key, byte[] prefix) {
    ExpandableArrayBuffer buffer = KEY.get();
    int length = key.write(buffer, 0);
    if (length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (buffer.getByte(i) != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  @Override
  public void insert(K key, V value) {
    family.insert(key, value);
  }

  @Override
  public void update(K key, V value) {
    family.update(key, value);
  }

  @Override
  public void upsert(K key, V value) {
    family.upsert(key, value);
  }

  @Override
  public V get(K key) {
    return family.get(key);
  }

  @Override
  public V get(K key, Supplier<V> valueSupplier) {
    return family.get(key, valueSupplier);
  }

  @Override
  public void forEach(Consumer<V> consumer) {
    family.forEach(consumer);
  }

  @Override
  public void forEach(BiConsumer<K, V> consumer) {
    family.forEach(consumer);
  }

  @Override
  public void whileTrue(K startAtKey, KeyValuePairVisitor<K, V> visitor) {
    family.whileTrue(startAtKey, visitor);
  }

  @Override
  public void whileTrue(KeyValuePairVisitor<K, V> visitor) {
    family.whileTrue(visitor);
  }

  @Override
  public void deleteExisting(K key) {
    family.deleteExisting(key);
  }

  @Override
  public void deleteIfExists(K key) {
    family.deleteIfExists(key);
  }

  @Override
  public boolean exists(K key) {
    return family.exists(key);
  }

  @Override
  public boolean isEmpty() {
    return family.isEmpty();
  }

  @Override
  public long count() {
    return family.count();
  }

  @Override
  public ColumnFamilyScope partitionScope() {
    return family.partitionScope();
  }
}
