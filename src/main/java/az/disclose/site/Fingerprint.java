package az.disclose.site;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A digest of every input of a build except the news files (which the {@link BuildCache} tracks
 * one by one): the theme, the settings, the data, pages, documents and files, and the program
 * itself. Equal fingerprints mean that everything a news page shows around its own text is
 * unchanged.
 */
final class Fingerprint {
  /** Files larger than this (published PDFs, say) count by size and time rather than bytes. */
  static final long HASHED_BYTES_LIMIT = 1 << 20;

  /** How much of a file that was small when walked is read to digest it (it may have grown since). */
  private static final az.disclose.files.InputFiles.Limit DIGESTED =
      new az.disclose.files.InputFiles.Limit(64 * az.disclose.files.InputFiles.MIB, "a digested file");

  private Fingerprint() {}

  /**
   * What the walk of the inputs found: the digest, every symbolic link under the two trees (never
   * followed, never digested; the build refuses them), and the size of every file larger than
   * {@link #HASHED_BYTES_LIMIT} (to check against the limits of the settings before any is read),
   * as paths under the roots given.
   */
  record Inputs(String digest, List<Path> symbolicLinks, Map<Path, Long> largeFiles) {}

  /**
   * @param newsDir not digested (tracked file by file by the cache), nor walked
   * @param apart files not digested: the ledger (the build itself writes it), data only their own
   *     pages show (the request statistics), which the builder tracks apart
   */
  static Inputs of(Path contentDir, Path themeDir, Path newsDir, Set<Path> apart) throws IOException {
    MessageDigest digest = sha256();
    add(digest, "program", programStamp());
    List<Path> links = new ArrayList<>();
    Map<Path, Long> large = new TreeMap<>();
    for (Path root : List.of(themeDir, contentDir)) {
      if (!Files.isDirectory(root)) {
        continue;
      }
      // The root itself may be a link (the administrator's choice of where content lives): the walk
      // starts at its target, and names what it finds under the root as given.
      Path start = Files.isSymbolicLink(root) ? root.toRealPath() : root;
      Map<Path, BasicFileAttributes> files = new TreeMap<>();
      Files.walkFileTree(start, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes a) {
          return given(d).toAbsolutePath().normalize().equals(newsDir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path f, BasicFileAttributes a) {
          Path file = given(f);
          if (a.isSymbolicLink()) {
            links.add(file); // a link to a file or to a directory alike (the walk follows none)
          } else if (a.isRegularFile() && !apart.contains(file.toAbsolutePath().normalize())) {
            files.put(file, a);
          }
          return FileVisitResult.CONTINUE;
        }

        private Path given(Path p) {
          return start == root ? p : root.resolve(start.relativize(p).toString());
        }
      });
      for (Map.Entry<Path, BasicFileAttributes> e : files.entrySet()) {
        Path f = e.getKey();
        BasicFileAttributes a = e.getValue();
        add(digest, "file", root.relativize(f).toString());
        if (a.size() > HASHED_BYTES_LIMIT) {
          large.put(f, a.size());
          add(digest, "stamp", a.size() + ":" + a.lastModifiedTime().to(TimeUnit.NANOSECONDS));
        } else {
          // Not through a link: the walk saw a regular file here, which a link may have replaced since.
          digest.update(az.disclose.files.InputFiles.read(f, DIGESTED));
        }
      }
    }
    links.sort(null);
    return new Inputs(HexFormat.of().formatHex(digest.digest()), List.copyOf(links), java.util.Collections.unmodifiableMap(large));
  }

  /**
   * One file's size and modification time, or "none" when it does not exist: for a file read on
   * every build in `serve` and large enough (the ledger: ~1 MB for 10,000 items) that hashing it
   * each time would be felt.
   */
  static String stampOf(Path file) throws IOException {
    try {
      BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
      return a.size() + ":" + a.lastModifiedTime().to(TimeUnit.NANOSECONDS);
    } catch (java.nio.file.NoSuchFileException e) {
      return "none";
    }
  }

  /** The digest of one file's bytes, or "none" when it does not exist. */
  static String ofFile(Path file) throws IOException {
    if (!Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return "none"; // a link is refused by the build (the walk lists it)
    }
    return HexFormat.of().formatHex(sha256().digest(az.disclose.files.InputFiles.read(file, DIGESTED)));
  }

  /** Identifies the running program: its jar's (or classes directory's) location, size and time. */
  private static String programStamp() {
    try {
      Path code = Path.of(Fingerprint.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      BasicFileAttributes a = Files.readAttributes(code, BasicFileAttributes.class);
      String version = Fingerprint.class.getPackage().getImplementationVersion();
      return version + ":" + code + ":" + a.size() + ":" + a.lastModifiedTime().to(TimeUnit.NANOSECONDS);
    } catch (Exception e) {
      return "unknown:" + System.nanoTime(); // never reuse a cache we cannot tie to the program
    }
  }

  private static void add(MessageDigest digest, String kind, String value) {
    digest.update((kind + "\u0000" + value + "\u0000").getBytes(StandardCharsets.UTF_8));
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java platform", e);
    }
  }
}
