package io.carmint.client;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** The future of an asynchronous upload, against the thread running it. */
class AsyncUploadsTest {
  /**
   * A cancel interrupts the upload's thread, which then fails at once; if it completed the future with that failure
   * before the cancel did, {@code cancel} returned false although it had stopped the upload (seen once in 300 runs
   * of UploadFaultsTest on a loaded machine). Many short races here: every cancel must return true and leave the
   * future cancelled.
   */
  @Test
  void aCancelThatStopsTheUploadAlwaysReturnsTrueAndCancelsTheFuture() throws InterruptedException {
    for (int i = 0; i < 2000; i++) {
      CountDownLatch running = new CountDownLatch(1);
      CompletableFuture<String> upload = AsyncUploads.run(task -> new Thread(task).start(), job -> {
        running.countDown();
        while (true) {
          job.check(); // throws as soon as the cancel has marked the job
          Thread.onSpinWait();
        }
      });
      running.await();
      assertTrue(upload.cancel(true), "race " + i);
      assertTrue(upload.isCancelled(), "race " + i);
      assertThrows(CancellationException.class, upload::join);
    }
  }
}
