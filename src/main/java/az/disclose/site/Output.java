package az.disclose.site;

import az.disclose.files.AtomicFiles;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * The output directory. A file is rewritten only when its bytes change (so a web server, rsync or
 * a browser cache sees only real changes), each write is atomic (temporary file, then rename), and
 * after a successful build every file that the build did not produce is removed (of the files of
 * the previous build alone, when it was opened with their list). Thread-safe.
 *
 * <p>The directory is owned by disclose: it must be new, empty, or carry the marker file {@value
 * #MARKER} from an earlier build, so that a mistyped {@code --out} never deletes someone's files.
 */
public final class Output {
  public static final String MARKER = ".disclose-output";

  private final Path root;
  /** The directory was empty when opened: no file needs comparing, nothing can be stale. */
  private final boolean fresh;
  private final Map<String, Path> written = new ConcurrentHashMap<>();
  private final AtomicInteger changed = new AtomicInteger();
  private final AtomicInteger unchanged = new AtomicInteger();
  /** Directories known to exist, so that each is created (or checked) once per build. */
  private final Set<Path> directories = ConcurrentHashMap.newKeySet();
  /** Files written (new or changed) by this build, relative to the root. */
  private final Queue<String> changedFiles = new ConcurrentLinkedQueue<>();
  /**
   * The files the previous build of this process produced (relative paths), trusted to be still
   * there; null when not known, and then the directory itself is asked.
   */
  private final Set<String> known;

  private Output(Path root, boolean fresh, Set<String> known) {
    this.root = root;
    this.fresh = fresh;
    this.known = known;
  }

  /**
   * Refuses an output directory a build must not write to, before anything is created (the build's
   * lock and cache live in {@code .disclose-cache} beside it): the root of the file system, the home
   * directory, the content or theme directory, a directory that holds either (a build deletes what
   * it did not produce) or one inside either (the site would become its own input), something that
   * is not a directory, and a non-empty directory without the marker {@value #MARKER}. Links in
   * the paths are resolved first, so that no other spelling of these gets through.
   */
  public static void checkTarget(Path out, Path contentDir, Path themeDir) throws IOException {
    Path o = real(out);
    if (o.getParent() == null) {
      throw refused(out, "is the root of the file system");
    }
    String home = System.getProperty("user.home");
    if (home != null && !home.isEmpty() && o.equals(real(Path.of(home)))) {
      throw refused(out, "is the home directory");
    }
    for (Path input : List.of(contentDir, themeDir)) {
      Path i = real(input);
      if (i.startsWith(o)) {
        throw refused(out, o.equals(i) ? "is the input directory " + input : "holds the input directory " + input
            + ", and a build deletes the files it did not produce");
      }
      if (o.startsWith(i)) {
        throw refused(out, "is inside the input directory " + input + ", so the site would become its own input");
      }
    }
    if (Files.exists(out) && !Files.isDirectory(out)) {
      throw new IOException("output " + out + " exists and is not a directory; choose another --out");
    }
    if (Files.isDirectory(out) && !Files.exists(out.resolve(MARKER))) {
      boolean empty;
      try (Stream<Path> s = Files.list(out)) {
        empty = s.findAny().isEmpty();
      }
      if (!empty) {
        throw notOurs(out);
      }
    }
  }

  private static IOException refused(Path out, String why) {
    return new IOException("output directory " + out + " " + why + "; refusing to write there (a build deletes every file in it "
        + "that it did not produce, and keeps its cache beside it). Choose an empty or new --out directory, e.g. --out site.");
  }

  private static IOException notOurs(Path root) {
    return new IOException("output directory " + root + " is not empty and was not made by disclose (no "
        + MARKER + " in it); refusing to write there, because a build deletes files it did not produce. "
        + "Choose an empty or new --out directory.");
  }

  /**
   * {@code p} absolute, with its links resolved as far as it exists (the rest, not yet created,
   * normalized onto that).
   */
  private static Path real(Path p) throws IOException {
    Path abs = p.toAbsolutePath().normalize();
    Path existing = abs;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      return abs;
    }
    return existing.toRealPath().resolve(existing.relativize(abs).toString()).normalize();
  }

  /** Opens (creating when needed) the output directory; refuses a non-empty directory that is not ours. */
  public static Output open(Path root) throws IOException {
    return open(root, null);
  }

  /**
   * Opens the output directory of a long-running process, whose previous build produced {@code
   * previousOutputs} (relative paths) there: {@link #keep} trusts that list instead of asking the
   * file system, and {@link #removeStale} removes what the list holds and this build did not
   * produce, without walking the directory. Null: not known, as {@link #open(Path)}.
   */
  public static Output open(Path root, Collection<String> previousOutputs) throws IOException {
    Path dir = root.toAbsolutePath().normalize();
    boolean fresh = true;
    if (Files.exists(dir)) {
      if (!Files.isDirectory(dir)) {
        throw new IOException("output " + root + " exists and is not a directory; choose another --out");
      }
      boolean empty;
      try (Stream<Path> s = Files.list(dir)) {
        empty = s.findAny().isEmpty();
      }
      fresh = empty;
      if (!empty && !Files.exists(dir.resolve(MARKER))) {
        throw notOurs(root);
      }
    }
    Files.createDirectories(dir);
    Path marker = dir.resolve(MARKER);
    if (!Files.exists(marker)) {
      Files.writeString(marker, "This directory is written by disclose; files not produced by a build are deleted.\n");
    }
    // An emptied directory (someone removed the site) holds none of them: nothing to trust.
    return new Output(dir, fresh, previousOutputs == null || fresh ? null : Set.copyOf(previousOutputs));
  }

  public Path root() {
    return root;
  }

  /** Maps a site path ({@code /news/x/}, {@code /feed.xml}) to its file under the output directory. */
  public Path fileFor(String sitePath) {
    String rel = sitePath.startsWith("/") ? sitePath.substring(1) : sitePath;
    if (rel.isEmpty() || rel.endsWith("/")) {
      rel = rel + "index.html";
    }
    Path file = root.resolve(rel).normalize();
    if (!file.startsWith(root)) {
      throw new IllegalArgumentException("site path escapes the output directory: " + sitePath);
    }
    return file;
  }

  /** Writes {@code bytes} at {@code sitePath} unless the file already holds exactly these bytes. */
  public void write(String sitePath, byte[] bytes) throws IOException {
    Path file = fileFor(sitePath);
    Path previous = written.putIfAbsent(root.relativize(file).toString(), file);
    if (previous != null) {
      throw new IOException("two outputs of this build would be written to the same file " + root.relativize(file) + " (" + sitePath + ")");
    }
    boolean exists = false;
    if (!fresh) {
      java.io.File existing = file.toFile();
      // length() is 0 for a missing file and throws nothing: no exception per new file.
      long length = existing.length();
      exists = length > 0 || existing.exists();
      if (exists && length == bytes.length && Arrays.equals(Files.readAllBytes(file), bytes)) {
        unchanged.incrementAndGet();
        return;
      }
    }
    Path parent = file.getParent();
    if (!directories.contains(parent)) {
      Files.createDirectories(parent);
      directories.add(parent);
    }
    if (!exists) {
      // A new file: nobody can be reading an older version of it.
      Files.write(file, bytes);
    } else {
      // A changed file: replace it atomically so that a web server never serves half of it.
      AtomicFiles.write(file, bytes);
    }
    changed.incrementAndGet();
    changedFiles.add(root.relativize(file).toString());
  }

  /**
   * Marks a file as produced by this build without writing it: its inputs are unchanged since the
   * build that wrote it (see {@link BuildCache}). Returns false when the file is missing, so the
   * caller renders it after all.
   */
  public boolean keep(String sitePath) {
    Path file = fileFor(sitePath);
    String rel = root.relativize(file).toString();
    if (known != null ? !known.contains(rel) : !Files.isRegularFile(file)) {
      return false;
    }
    written.putIfAbsent(rel, file);
    unchanged.incrementAndGet();
    return true;
  }

  /**
   * Counts a file of the previous build (see {@link #open(Path, Collection)}) as produced by this
   * one too, unless this build wrote it: for a build that redid only some pages.
   */
  public void keepFile(String relativePath) {
    if (known == null || !known.contains(relativePath)) {
      throw new IllegalStateException(relativePath + " is not a file of the previous build");
    }
    if (written.putIfAbsent(relativePath, root.resolve(relativePath)) == null) {
      unchanged.incrementAndGet();
    }
  }

  /**
   * Whether {@code outDir} is an output directory of ours that still holds every file of an
   * earlier build (checked in parallel).
   */
  static boolean stillThere(Path outDir, List<String> relativePaths) {
    Path dir = outDir.toAbsolutePath().normalize();
    // java.io.File: one stat per file, with no path parsing or attribute object (11,000 files).
    String root = dir.toString() + java.io.File.separator;
    return !relativePaths.isEmpty() && Files.exists(dir.resolve(MARKER))
        && relativePaths.parallelStream().allMatch(rel -> new java.io.File(root + rel).isFile());
  }

  /** Whether this build has produced the file at {@code relativePath} (e.g. {@code news/x/index.html}). */
  public boolean produced(String relativePath) {
    return written.containsKey(relativePath);
  }

  public Set<String> producedFiles() {
    return Set.copyOf(written.keySet());
  }

  /** Deletes every file (and then every empty directory) this build did not produce; returns them. */
  public List<String> removeStale() throws IOException {
    List<String> removed = new ArrayList<>();
    if (fresh) {
      return removed;
    }
    if (known != null) {
      return removeStaleKnown();
    }
    // One pass, one attribute read per entry: a directory is deleted on the way back up when
    // nothing is left in it (counted during the walk, not listed again: 10,000 page directories).
    Deque<int[]> left = new ArrayDeque<>();
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
        left.push(new int[1]);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        String rel = root.relativize(file).toString();
        if (rel.equals(MARKER) || written.containsKey(rel)) {
          left.peek()[0]++;
        } else {
          Files.delete(file);
          removed.add(rel);
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
        if (failure != null) {
          throw failure;
        }
        boolean empty = left.pop()[0] == 0;
        if (dir.equals(root)) {
          return FileVisitResult.CONTINUE;
        }
        if (empty) {
          Files.delete(dir);
        } else {
          left.peek()[0]++;
        }
        return FileVisitResult.CONTINUE;
      }
    });
    removed.sort(null);
    return removed;
  }

  /** {@link #removeStale} when the previous build's files are known: no walk of the directory. */
  private List<String> removeStaleKnown() throws IOException {
    List<String> removed = new ArrayList<>();
    for (String rel : known) {
      if (!written.containsKey(rel)) {
        Path file = root.resolve(rel);
        Files.deleteIfExists(file);
        removed.add(rel);
        // Its directories too, as far up as they are now empty.
        for (Path d = file.getParent(); d != null && !d.equals(root) && d.startsWith(root); d = d.getParent()) {
          try (Stream<Path> s = Files.list(d)) {
            if (s.findAny().isPresent()) {
              break;
            }
          } catch (java.nio.file.NoSuchFileException e) {
            continue;
          }
          Files.delete(d);
        }
      }
    }
    removed.sort(null);
    return removed;
  }

  /** The files this build wrote because they were new or their bytes changed (relative paths, sorted). */
  public List<String> changedFiles() {
    return changedFiles.stream().sorted().toList();
  }

  public int changedCount() {
    return changed.get();
  }

  public int unchangedCount() {
    return unchanged.get();
  }
}
