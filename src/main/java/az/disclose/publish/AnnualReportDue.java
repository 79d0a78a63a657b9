package az.disclose.publish;

import az.disclose.content.ContentLoader;
import az.disclose.content.UnitsReader;
import az.disclose.files.InputFiles;
import java.io.IOException;
import java.nio.file.LinkOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The annual report on the work plan is due by 15 January (point 4.2 of the order: the commission
 * sends it to the Cabinet of Ministers and the Anti-Corruption Commission). From 1 January the
 * previous year's report, while it is not published (approved, with its signatory, in {@code
 * reports/annual/<year>.yaml}), is a warning; after 15 January it is an error of {@code disclose
 * check} (the build only warns). Years before the units' {@code reporting_since}
 * ({@code data/units.yaml}) are not asked for: the duty is tracked from the year disclose tracks the
 * units' reports. Reads only the top-level keys of those two small files, by a plain scan (it runs
 * on every build), leniently: the content loader validates them in full.
 */
public final class AnnualReportDue {
  public static final String RULE = "annual-report";
  /** The last day on which the previous year's report may still be missing without an error. */
  public static final MonthDay DUE = MonthDay.of(1, 15);

  private AnnualReportDue() {}

  /** The finding about the previous year's report on {@code today} (Baku), if any. */
  public static Optional<Finding> check(Path contentDir, LocalDate today) {
    int year = today.getYear() - 1;
    Optional<LocalDate> since = date(contentDir.resolve(UnitsReader.UNITS_FILE), "reporting_since");
    if (since.isEmpty() || year < since.get().getYear()) {
      return Optional.empty();
    }
    Path file = contentDir.resolve(ContentLoader.ANNUAL_DIR).resolve(year + ".yaml");
    Optional<LocalDate> approved = date(file, "approved");
    boolean signed = text(file, "signatory").filter(s -> !s.isBlank()).isPresent();
    if (approved.isPresent() && signed && !approved.get().isAfter(today)) {
      return Optional.empty();
    }
    String state = !Files.exists(file) ? "there is no " + ContentLoader.ANNUAL_DIR + "/" + year + ".yaml"
        : approved.isEmpty() || !signed ? "it is not approved yet (no 'approved' date and 'signatory')"
        : "its 'approved' date " + approved.get() + " is still to come";
    String message = "the annual report on the work plan for " + year + " is due by " + DUE.atYear(today.getYear())
        + " (points 4.2 and 7.2 of the order) and is not published: " + state;
    String advice = "write the commission's assessment in " + ContentLoader.ANNUAL_DIR + "/" + year + ".yaml, check it with"
        + " `disclose report annual --year " + year + "`, and add 'approved' and 'signatory' once it is signed (docs/reports.md)";
    boolean late = MonthDay.from(today).isAfter(DUE);
    return Optional.of(late ? Finding.error(file, 0, RULE, message, advice) : Finding.warning(file, 0, RULE, message, advice));
  }

  private static Optional<LocalDate> date(Path file, String key) {
    try {
      return text(file, key).map(t -> t.split("\\s+#", 2)[0].strip()).map(LocalDate::parse);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /**
   * A top-level key's value, by a plain scan of the file's lines ({@code key: value} at the start of
   * a line), without a YAML parser: this runs on every build, even one with nothing to do, which
   * must not pay for loading one. Quotes are dropped; the content loader validates the file in full.
   */
  private static Optional<String> text(Path file, String key) {
    if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      return Optional.empty();
    }
    try {
      for (String line : InputFiles.readText(file, InputFiles.Limits.DEFAULT.text()).split("\n")) {
        if (line.startsWith(key + ":")) {
          String value = line.substring(key.length() + 1).strip();
          if (value.length() >= 2 && (value.startsWith("\"") || value.startsWith("'"))) {
            int end = value.indexOf(value.charAt(0), 1);
            value = end > 0 ? value.substring(1, end) : value;
          } else if (value.startsWith("#")) {
            value = "";
          }
          return Optional.of(value.strip());
        }
      }
    } catch (IOException e) {
      // unreadable, too large or a link: the content loader reports it
    }
    return Optional.empty();
  }
}
