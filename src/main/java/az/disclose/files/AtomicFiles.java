package az.disclose.files;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Replacing a file so that a reader (a web server, the build, another process) sees either the
 * old file or the new one, never half of it: the bytes go to a temporary file beside it, which is
 * then renamed over it. The temporary file's name, {@code .<name>.<pid>.<thread>.tmp}, is this
 * writer's own and ends in {@code .tmp}, which `disclose serve`'s watcher ignores; it is removed if
 * anything fails. Its permissions are the usual ones for a new file (the site is served by others).
 */
public final class AtomicFiles {
  private AtomicFiles() {}

  /** What is written into the temporary file. */
  @FunctionalInterface
  public interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  /** Replaces {@code file} (its directory must exist) by {@code bytes}. */
  public static void write(Path file, byte[] bytes) throws IOException {
    replace(file, tmp -> Files.write(tmp, bytes));
  }

  /** Replaces {@code file} (its directory must exist) by what {@code content} writes, buffered. */
  public static void write(Path file, Content content) throws IOException {
    replace(file, tmp -> {
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
        content.writeTo(out);
      }
    });
  }

  private interface TempWriter {
    void write(Path tmp) throws IOException;
  }

  private static void replace(Path file, TempWriter writer) throws IOException {
    Path tmp = file.resolveSibling("." + file.getFileName() + "." + ProcessHandle.current().pid() + "."
        + Thread.currentThread().getId() + ".tmp");
    try {
      writer.write(tmp);
      try {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
