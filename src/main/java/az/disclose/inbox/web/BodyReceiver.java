package az.disclose.inbox.web;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.io.Content;

/**
 * Receives a request body onto disk in bounded time and memory: chunks go straight to a file (or
 * nowhere), a pause longer than {@code idle} or a body taking longer than {@code total} ends the
 * receipt with {@link TimedOut}, and more than {@code limit} bytes with {@link TooLarge}.
 */
final class BodyReceiver {
  private BodyReceiver() {}

  /** The body did not arrive in time. */
  static final class TimedOut extends IOException {
    private static final long serialVersionUID = 1L;

    TimedOut(String message) {
      super(message);
    }
  }

  /** The body could not be written to its file (a full disk, an I/O error): nothing was stored. */
  static final class NotStored extends IOException {
    private static final long serialVersionUID = 1L;

    NotStored(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** The body is longer than the limit. */
  static final class TooLarge extends IOException {
    private static final long serialVersionUID = 1L;

    TooLarge(String message) {
      super(message);
    }
  }

  /**
   * Writes the body of {@code source} to {@code file} (null: drops it) and returns its length.
   *
   * @throws TimedOut a pause over {@code idle} or a receipt over {@code total}
   * @throws TooLarge more than {@code limit} bytes
   * @throws NotStored the file could not be written (the disk is full, say)
   * @throws IOException the client went away, or the file could not be written
   */
  static long receive(Content.Source source, Path file, long limit, Duration idle, Duration total)
      throws IOException, InterruptedException {
    try (FileChannel out = file == null ? null : FileChannel.open(file, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING)) {
      return receive(source, limit, idle, total, bytes -> {
        if (out != null) {
          try {
            while (bytes.hasRemaining()) {
              out.write(bytes);
            }
          } catch (IOException e) {
            throw new NotStored("the body could not be written to " + file + ": " + e.getMessage(), e);
          }
        }
      });
    }
  }

  /**
   * Receives a body of at most {@code limit} bytes into memory, with the same time-outs; for small
   * bodies of a known length, where a file would cost more than the bytes (see {@code
   * SubmitEndpoint.IN_MEMORY_BODY_MAX}).
   */
  static byte[] receiveInMemory(Content.Source source, int limit, Duration idle, Duration total)
      throws IOException, InterruptedException {
    byte[] body = new byte[limit];
    int[] at = {0};
    long length = receive(source, limit, idle, total, bytes -> {
      int n = bytes.remaining();
      bytes.get(body, at[0], n);
      at[0] += n;
    });
    return length == limit ? body : java.util.Arrays.copyOf(body, (int) length);
  }

  /** Where received bytes go. */
  @FunctionalInterface
  private interface Sink {
    void accept(ByteBuffer bytes) throws IOException;
  }

  private static long receive(Content.Source source, long limit, Duration idle, Duration total, Sink sink)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + total.toNanos();
    long received = 0;
    while (true) {
      Content.Chunk chunk = source.read();
      if (chunk == null) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new TimedOut("the body took longer than " + total.toSeconds() + " s");
        }
        boolean idleFirst = idle.toNanos() <= left;
        CompletableFuture<Void> ready = new CompletableFuture<>();
        source.demand(() -> ready.complete(null));
        try {
          ready.get(Math.min(idle.toNanos(), left), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
          throw new TimedOut(idleFirst
              ? "no body bytes for " + idle.toSeconds() + " s"
              : "the body took longer than " + total.toSeconds() + " s");
        } catch (ExecutionException e) {
          throw new IOException("reading the body failed", e.getCause());
        }
        continue;
      }
      try {
        if (Content.Chunk.isFailure(chunk)) {
          Throwable failure = chunk.getFailure();
          if (!chunk.isLast() || failure instanceof TimeoutException) {
            throw new TimedOut("no body bytes for the connection's idle time-out");
          }
          throw new IOException("the body could not be read: " + failure, failure);
        }
        ByteBuffer bytes = chunk.getByteBuffer();
        received += bytes.remaining();
        if (received > limit) {
          throw new TooLarge("the body is over " + limit + " bytes");
        }
        sink.accept(bytes);
        if (chunk.isLast()) {
          return received;
        }
      } finally {
        chunk.release();
      }
    }
  }
}
