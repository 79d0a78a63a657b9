package az.disclose.site;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One build at a time per output directory, across processes: `disclose serve` rebuilding on a
 * change or on its schedule, and a `disclose build` someone runs beside it. Each reads the last
 * build's cache and the publication ledger and writes them back, and sweeps the directory of files
 * it did not produce; two at once could leave a cache that does not describe the site, delete a
 * page the other just wrote, or lose a first publication from the ledger.
 *
 * <p>An operating-system lock ({@link FileChannel#lock()}) on a file beside the build cache
 * ({@code .disclose-cache/<name>.lock}): released when the build ends, and by the operating system
 * when a process dies, so a crashed build never blocks the next. The lock file itself stays.
 */
final class BuildLock implements AutoCloseable {
  private final FileChannel channel;
  private final FileLock lock;

  private BuildLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /** The lock file of builds into {@code outDir}. */
  static Path fileFor(Path outDir) {
    Path cache = BuildCache.fileFor(outDir);
    String name = cache.getFileName().toString();
    return cache.resolveSibling(name.substring(0, name.length() - ".bin".length()) + ".lock");
  }

  /**
   * Takes the lock of builds into {@code outDir}, waiting for another process's build to end;
   * {@code waiting} runs first when it must wait.
   */
  static BuildLock acquire(Path outDir, Runnable waiting) throws IOException {
    Path file = fileFor(outDir);
    Files.createDirectories(file.getParent());
    FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    try {
      FileLock lock = channel.tryLock();
      if (lock == null) {
        waiting.run();
        lock = channel.lock();
      }
      return new BuildLock(channel, lock);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  @Override
  public void close() throws IOException {
    try {
      lock.release();
    } finally {
      channel.close();
    }
  }
}
