package az.disclose.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The test site (a complete, valid content directory under src/test/resources/sites, never the live
 * content/, which the ministry edits) and the project's theme, copied to a temporary directory for
 * tests to change.
 */
public final class TestSites {
  /** A copy of the content as first shipped; read it in place, copy it to change it. */
  public static final Path CONTENT = Path.of("src/test/resources/sites/ministry-2012");
  public static final Path THEME = Path.of("theme");

  private TestSites() {}

  /** Copies the test site to {@code dir/content} and the theme to {@code dir/theme}; returns {@code dir}. */
  public static Path copyProject(Path dir) {
    copyTree(CONTENT, dir.resolve("content"));
    copyTree(THEME, dir.resolve("theme"));
    return dir;
  }

  public static void copyTree(Path from, Path to) {
    try {
      az.disclose.files.Trees.copy(from, to);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static void write(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A news file with the given front-matter values and a short body. */
  public static String news(String title, String date, String... tags) {
    StringBuilder sb = new StringBuilder("---\ntitle: \"" + title + "\"\ndate: " + date + "\nevent_date: " + date + "\n");
    if (tags.length > 0) {
      sb.append("tags: [");
      for (int i = 0; i < tags.length; i++) {
        sb.append(i > 0 ? ", " : "").append('"').append(tags[i]).append('"');
      }
      sb.append("]\n");
    }
    return sb.append("---\n\nMətn: ").append(title).append(".\n").toString();
  }
}
