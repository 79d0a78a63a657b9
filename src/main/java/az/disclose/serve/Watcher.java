package az.disclose.serve;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Watches directory trees and calls {@code onChange} once per burst of changes (events closer
 * together than {@code quiet} are one burst), with the paths that changed in it: files, or a
 * directory when what changed under it is not known (a new directory, or lost events). Runs on the
 * calling thread until interrupted.
 */
public final class Watcher {
  private final List<Path> roots;
  private final Duration quiet;
  private final Consumer<Set<Path>> onChange;
  private final Set<Path> ignored;

  public Watcher(List<Path> roots, Duration quiet, Consumer<Set<Path>> onChange) {
    this(roots, quiet, onChange, Set.of());
  }

  /** {@code ignored}: files whose changes are not changes (e.g. written by the build itself). */
  public Watcher(List<Path> roots, Duration quiet, Consumer<Set<Path>> onChange, Set<Path> ignored) {
    this.roots = List.copyOf(roots);
    this.quiet = quiet;
    this.onChange = onChange;
    this.ignored = ignored.stream().map(p -> p.toAbsolutePath().normalize()).collect(java.util.stream.Collectors.toUnmodifiableSet());
  }

  public void run() throws IOException, InterruptedException {
    try (WatchService ws = FileSystems.getDefault().newWatchService()) {
      for (Path root : roots) {
        register(ws, root);
      }
      while (!Thread.currentThread().isInterrupted()) {
        WatchKey key = ws.take();
        Set<Path> changed = new LinkedHashSet<>();
        drain(ws, key, changed);
        WatchKey more;
        while ((more = ws.poll(quiet.toMillis(), TimeUnit.MILLISECONDS)) != null) {
          drain(ws, more, changed);
        }
        if (!changed.isEmpty()) {
          onChange.accept(Set.copyOf(changed));
        }
      }
    }
  }

  private void drain(WatchService ws, WatchKey key, Set<Path> changed) throws IOException {
    Path dir = (Path) key.watchable();
    for (var event : key.pollEvents()) {
      if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
        changed.add(dir.toAbsolutePath().normalize()); // events were lost: something under it changed
        continue;
      }
      Path child = dir.resolve((Path) event.context());
      Path normal = child.toAbsolutePath().normalize();
      // Temporary files (atomic writes, editors' swap files) are not content.
      if (ignored.contains(normal) || normal.getFileName().toString().endsWith(".tmp")) {
        continue;
      }
      changed.add(normal);
      // A link is reported as what changed (the build refuses it), never followed into.
      if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
        register(ws, child);
      }
    }
    key.reset();
  }

  /**
   * Watches {@code root} and every directory under it. The root may be a link (where the
   * administrator keeps the content); nothing under it is followed.
   */
  private static void register(WatchService ws, Path root) throws IOException {
    if (!Files.isDirectory(root)) {
      return;
    }
    watch(ws, root);
    try (Stream<Path> children = Files.list(root)) {
      for (Path child : (Iterable<Path>) children::iterator) {
        if (Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
          try (Stream<Path> dirs = Files.walk(child)) {
            for (Path d : (Iterable<Path>) dirs.filter(d -> Files.isDirectory(d, LinkOption.NOFOLLOW_LINKS))::iterator) {
              watch(ws, d);
            }
          }
        }
      }
    }
  }

  private static void watch(WatchService ws, Path dir) throws IOException {
    dir.register(ws, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_DELETE);
  }
}
