package az.disclose.content;

import az.disclose.files.Trees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * The test site (its plan has the order's 16 measures) with the annual-report fixture laid over it
 * ({@code src/test/resources/report/annual-content}): four units, their reports of November and
 * December 2026 and January 2027, the commission's approved assessment of 2026, and published FOI
 * figures of November 2026 and of the year 2026. The figures expected of it are worked out by hand
 * in {@code AnnualPlanReportTest}.
 */
public final class AnnualFixture {
  public static final Path SITE = Path.of("src/test/resources/sites/ministry-2012");
  public static final Path OVERLAY = Path.of("src/test/resources/report/annual-content");

  private AnnualFixture() {}

  /** Copies the test site and the overlay to {@code dir}; returns {@code dir}. */
  public static Path content(Path dir) {
    try {
      Trees.copy(SITE, dir);
      Trees.copy(OVERLAY, dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return dir;
  }
}
