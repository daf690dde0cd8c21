package io.camunda.zeebe.process.test.engine.db;

import java.nio.ByteBuffer;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a scan of {@link SeekingInMemoryDb} sees: the committed entries from its first key to the end of that key's column
 * family, read in place, overlaid with the transaction's pending writes and deletes as they were when the scan began
 * (copied: a visitor may write while it scans). Only {@link #tailMap} and {@link #entrySet} are used, by the test
 * engine's {@link InMemoryDbIterator}; the rest of {@link SortedMap} is not offered.
 */
final class StateView extends AbstractMap<Bytes, Bytes> implements SortedMap<Bytes, Bytes> {

  /** Every stored key starts with its column family's ordinal as eight big-endian bytes. */
  private static final int FAMILY_PREFIX = Long.BYTES;

  private final NavigableMap<Bytes, Bytes> committed;
  private final NavigableMap<Bytes, Bytes> written;
  private final Set<Bytes> deleted;
  private final Bytes from;
  private final Bytes to;
  private final NavigableMap<Bytes, Bytes> pendingWrites;
  /** The transaction's deletes within the scan's range, in key order. */
  private final List<Bytes> pendingDeletes;

  StateView(NavigableMap<Bytes, Bytes> committed, NavigableMap<Bytes, Bytes> written, Set<Bytes> deleted) {
    this(committed, written, deleted, null);
  }

  private StateView(NavigableMap<Bytes, Bytes> committed, NavigableMap<Bytes, Bytes> written, Set<Bytes> deleted, Bytes from) {
    this.committed = committed;
    this.written = written;
    this.deleted = deleted;
    this.from = from;
    this.to = from == null ? null : endOfFamily(from);
    // the state of the scan's start; the test engine seeks at once, so the unsought view copies nothing
    this.pendingWrites = from == null ? null : new TreeMap<>(range(written));
    this.pendingDeletes = from == null || deleted.isEmpty() ? List.of()
        : deleted.stream().filter(key -> key.compareTo(from) >= 0 && (to == null || key.compareTo(to) < 0)).sorted().toList();
  }

  /** The first key past {@code key}'s column family, or null if there is none to bound by. */
  static Bytes endOfFamily(Bytes key) {
    byte[] bytes = key.toBytes();
    if (bytes.length < FAMILY_PREFIX) {
      return null;
    }
    long family = ByteBuffer.wrap(bytes, 0, FAMILY_PREFIX).getLong();
    return Bytes.fromByteArray(ByteBuffer.allocate(FAMILY_PREFIX).putLong(family + 1).array());
  }

  private NavigableMap<Bytes, Bytes> range(NavigableMap<Bytes, Bytes> map) {
    return to == null ? map.tailMap(from, true) : map.subMap(from, true, to, false);
  }

  @Override
  public SortedMap<Bytes, Bytes> tailMap(Bytes fromKey) {
    return new StateView(committed, written, deleted, fromKey);
  }

  @Override
  public Set<Entry<Bytes, Bytes>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<Entry<Bytes, Bytes>> iterator() {
        if (from == null) {
          return tailMap(Bytes.empty()).entrySet().iterator();
        }
        return new Merged(range(committed).entrySet().iterator(), pendingWrites.entrySet().iterator(), pendingDeletes.iterator());
      }

      @Override
      public int size() {
        int size = 0;
        for (Iterator<Entry<Bytes, Bytes>> i = iterator(); i.hasNext(); i.next()) {
          size++;
        }
        return size;
      }
    };
  }

  @Override
  public Comparator<? super Bytes> comparator() {
    return null;
  }

  @Override
  public SortedMap<Bytes, Bytes> subMap(Bytes fromKey, Bytes toKey) {
    throw new UnsupportedOperationException();
  }

  @Override
  public SortedMap<Bytes, Bytes> headMap(Bytes toKey) {
    throw new UnsupportedOperationException();
  }

  @Override
  public Bytes firstKey() {
    throw new UnsupportedOperationException();
  }

  @Override
  public Bytes lastKey() {
    throw new UnsupportedOperationException();
  }

  /**
   * Two sorted streams as one: a pending write wins over the committed value of its key; deleted keys are left out. The
   * deletes are a third sorted stream walked alongside the committed one: the test engine's prefix scans walk on to the
   * end of the column family, and hashing every key they pass to look it up among the deletes took a fifth of the
   * engine's time in a long simulation.
   */
  private static final class Merged implements Iterator<Entry<Bytes, Bytes>> {
    private final Iterator<Entry<Bytes, Bytes>> committed;
    private final Iterator<Entry<Bytes, Bytes>> pending;
    private final Iterator<Bytes> deletes;
    private Entry<Bytes, Bytes> nextCommitted;
    private Entry<Bytes, Bytes> nextPending;
    private Bytes nextDelete;

    Merged(Iterator<Entry<Bytes, Bytes>> committed, Iterator<Entry<Bytes, Bytes>> pending, Iterator<Bytes> deletes) {
      this.committed = committed;
      this.pending = pending;
      this.deletes = deletes;
      nextDelete = deletes.hasNext() ? deletes.next() : null;
      advanceCommitted();
      nextPending = pending.hasNext() ? pending.next() : null;
    }

    private void advanceCommitted() {
      nextCommitted = null;
      while (committed.hasNext()) {
        Entry<Bytes, Bytes> entry = committed.next();
        if (!deleted(entry.getKey())) {
          nextCommitted = entry;
          return;
        }
      }
    }

    /** Keys come in ascending order, so a delete behind the current key is behind every later one too. */
    private boolean deleted(Bytes key) {
      while (nextDelete != null && nextDelete.compareTo(key) < 0) {
        nextDelete = deletes.hasNext() ? deletes.next() : null;
      }
      return nextDelete != null && nextDelete.compareTo(key) == 0;
    }

    @Override
    public boolean hasNext() {
      return nextCommitted != null || nextPending != null;
    }

    @Override
    public Entry<Bytes, Bytes> next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      int order = nextPending == null ? -1 : nextCommitted == null ? 1 : nextCommitted.getKey().compareTo(nextPending.getKey());
      Entry<Bytes, Bytes> result;
      if (order < 0) {
        result = nextCommitted;
        advanceCommitted();
      } else {
        result = nextPending;
        nextPending = pending.hasNext() ? pending.next() : null;
        if (order == 0) {
          advanceCommitted();
        }
      }
      return result;
    }
  }
}
