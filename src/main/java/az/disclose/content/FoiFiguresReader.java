package az.disclose.content;

import az.disclose.yaml.Fields;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Reads {@code data/foi/*.yaml} strictly (written by the report commands' {@code --publish}). */
final class FoiFiguresReader {
  private static final Pattern KEY = Pattern.compile("[a-z]+(-[a-z]+)*");
  private static final Pattern PERIOD = Pattern.compile("[^\"\\\\\\n]{1,40}");
  private static final int MAX = Integer.MAX_VALUE;

  private FoiFiguresReader() {}

  static FoiFigures read(Fields root) {
    LocalDate first = root.requiredDate("first");
    LocalDate last = root.requiredDate("last");
    LocalDate asOf = root.requiredDate("as_of");
    boolean partial = root.bool("partial", false);
    List<FoiFigures.TypeCount> received = new ArrayList<>();
    for (Fields t : root.list("received", false)) {
      String type = key(t, "type");
      received.add(new FoiFigures.TypeCount(type, t.intValue("web", 0, 0, MAX), t.intValue("email", 0, 0, MAX)));
      t.rejectUnknownKeys();
    }
    List<FoiFigures.ClassCount> answered = new ArrayList<>();
    for (Fields c : root.list("answered", false)) {
      String key = key(c, "class");
      answered.add(new FoiFigures.ClassCount(key, period(c, "period_az"), period(c, "period_en"),
          c.intValue("in_time", 0, 0, MAX), c.intValue("late", 0, 0, MAX)));
      c.rejectUnknownKeys();
    }
    FoiFigures f = new FoiFigures(first, last, asOf, partial, received, answered, root.intValue("open_at_start", 0, 0, MAX),
        root.intValue("open_at_end", 0, 0, MAX), root.intValue("open_at_end_overdue", 0, 0, MAX),
        root.intValue("extensions", 0, 0, MAX), root.intValue("clarifications", 0, 0, MAX),
        root.intValue("forwarded", 0, 0, MAX), root.intValue("refused", 0, 0, MAX), root.intValue("answers", 0, 0, MAX),
        root.intValue("median_working_days", 0, 0, MAX), root.intValue("p90_working_days", 0, 0, MAX),
        root.bool("reconciles", true));
    root.rejectUnknownKeys();
    if (first != null && last != null) {
      String name = root.file().getFileName().toString();
      if (last.isBefore(first) || !f.month() && !f.year()) {
        root.problemAt("first", "published FOI figures are of a whole month or a whole year, not " + first + " to " + last);
      } else if (!name.equals(f.slug() + ".yaml")) {
        root.problem(1, "the figures of " + f.slug() + " belong in " + FoiFigures.DIR + "/" + f.slug() + ".yaml, not " + name
            + " (write them with disclose report monthly --publish)");
      }
    }
    return f;
  }

  private static String key(Fields f, String name) {
    String k = f.requiredText(name);
    if (!k.isEmpty() && !KEY.matcher(k).matches()) {
      f.problemAt(name, "'" + name + "' must be a key such as 'information' (lower-case letters and '-'), not '" + k + "'");
    }
    return k;
  }

  private static String period(Fields f, String name) {
    String p = f.optionalText(name).orElse("");
    if (!p.isEmpty() && !PERIOD.matcher(p).matches()) {
      f.problemAt(name, "'" + name + "' must be a short period such as '7 iş günü'");
    }
    return p;
  }
}
