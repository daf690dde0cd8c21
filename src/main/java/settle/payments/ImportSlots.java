package settle.payments;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How many statements are read and stored at once. A 10 MB file takes a core for seconds and tens
 * of megabytes while it is read; without a limit, a handful of parallel uploads exhausts the heap.
 * A caller waits for a slot for a while, then is told to retry.
 */
@Component
class ImportSlots {

  private final Semaphore slots;
  private final int size;
  private final Duration patience;

  ImportSlots(@Value("${settle.cash-application.parallel-imports:2}") int size,
              @Value("${settle.cash-application.import-slot-wait:10s}") Duration patience) {
    this.slots = new Semaphore(size, true);
    this.size = size;
    this.patience = patience;
  }

  <T> T run(Supplier<T> work) {
    try {
      if (!slots.tryAcquire(patience.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new ImportsBusyException(size, patience, patience);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ImportsBusyException(size, patience, patience);
    }
    try {
      return work.get();
    } finally {
      slots.release();
    }
  }
}
