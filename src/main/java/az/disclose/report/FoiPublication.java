package az.disclose.report;

import az.disclose.content.FoiFigures;
import az.disclose.files.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Arrays;

/**
 * The figures of a monthly (or a year's) FOI report as the site publishes them: {@link FoiFigures},
 * counts only — no request number, requester, text or refusal ground (grounds are typed by
 * officers and may name someone) — written to {@code content/data/foi/<slug>.yaml} by {@code
 * disclose report monthly|annual --publish}, only when its bytes change (so an unchanged month
 * does not rebuild the site).
 */
public final class FoiPublication {
  private FoiPublication() {}

  /** The publishable figures of {@code r}; the period must be a whole month or a whole year. */
  public static FoiFigures of(MonthlyReport r, ZoneId zone) {
    FoiFigures f = new FoiFigures(r.period().first(), r.period().last(), r.asOf().atZone(zone).toLocalDate(), r.partial(),
        r.received().stream().map(t -> new FoiFigures.TypeCount(t.key(), t.web(), t.email())).toList(),
        r.answered().stream().map(c -> new FoiFigures.ClassCount(c.key(), c.periodAz(), c.periodEn(), c.inTime(), c.late()))
            .toList(),
        r.openAtStart().total(), r.openAtEnd().total(), r.openAtEnd().overdue(), r.extensions(), r.clarifications(),
        r.forwarded(), r.refused(), r.speed().answers(), r.speed().answers() > 0 ? r.speed().median() : 0,
        r.speed().answers() > 0 ? r.speed().p90() : 0, r.reconciliation().holds());
    if (!f.month() && !f.year()) {
      throw new IllegalArgumentException("only a whole month or a whole year is published, not " + r.period().first()
          + " to " + r.period().last());
    }
    return f;
  }

  /**
   * Writes {@code f} under {@code contentDir}; returns the file, and whether it changed.
   *
   * @throws IOException the file could not be written (nothing half-written stays: atomic replace)
   */
  public static Written write(Path contentDir, FoiFigures f) throws IOException {
    Path file = contentDir.resolve(FoiFigures.DIR).resolve(f.slug() + ".yaml");
    byte[] bytes = f.toYaml().getBytes(StandardCharsets.UTF_8);
    if (Files.isRegularFile(file) && Arrays.equals(Files.readAllBytes(file), bytes)) {
      return new Written(file, false);
    }
    Files.createDirectories(file.getParent());
    AtomicFiles.write(file, bytes);
    return new Written(file, true);
  }

  public record Written(Path file, boolean changed) {}
}
