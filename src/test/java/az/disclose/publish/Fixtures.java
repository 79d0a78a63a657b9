package az.disclose.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;

/** Small content directories and clocks for the publishing tests. */
final class Fixtures {
  static final ZoneId BAKU = ZoneId.of("Asia/Baku");

  private Fixtures() {}

  static Clock bakuAt(int year, int month, int day, int hour, int minute) {
    return Clock.fixed(LocalDateTime.of(year, month, day, hour, minute).atZone(BAKU).toInstant(), BAKU);
  }

  static Path write(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A content directory with a site.yaml and nothing else. */
  static Path content(Path dir) {
    write(dir.resolve("site.yaml"), """
        title: "Test"
        base_url: "https://example.gov.az/"
        request_endpoint: "http://localhost:8080/requests"
        request_email: "sorgu@example.gov.az"
        """);
    return dir;
  }

  /** A copy of the test site ({@link az.disclose.site.TestSites#CONTENT}) under {@code dir}; returns the copy. */
  static Path copyTestSite(Path dir) {
    Path to = dir.resolve("content");
    az.disclose.site.TestSites.copyTree(az.disclose.site.TestSites.CONTENT, to);
    return to;
  }

  static String news(String date, String eventDate, String body) {
    return "---\ntitle: \"Xəbər\"\ndate: " + date + "\nevent_date: " + eventDate + "\n---\n\n" + body + "\n";
  }
}
