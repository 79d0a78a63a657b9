package az.disclose.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Whole directory trees: copied, or deleted. */
public final class Trees {
  private Trees() {}

  /**
   * Copies the tree at {@code from} to {@code to}, replacing files that are there already. A
   * symbolic link is copied as a link, never followed (the copy of a content directory keeps what
   * the build refuses, rather than the file a link points at); {@code from} itself may be a link to
   * the tree.
   */
  public static void copy(Path from, Path to) throws IOException {
    Path start = Files.isSymbolicLink(from) ? from.toRealPath() : from;
    try (Stream<Path> all = Files.walk(start)) {
      for (Path p : (Iterable<Path>) all::iterator) {
        Path target = to.resolve(start.relativize(p).toString());
        if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING, LinkOption.NOFOLLOW_LINKS);
        }
      }
    }
  }

  /** Deletes the tree at {@code dir}, files first. */
  public static void delete(Path dir) throws IOException {
    List<Path> all;
    try (Stream<Path> files = Files.walk(dir)) {
      all = files.sorted(Comparator.reverseOrder()).toList();
    }
    for (Path p : all) {
      Files.deleteIfExists(p);
    }
  }
}
