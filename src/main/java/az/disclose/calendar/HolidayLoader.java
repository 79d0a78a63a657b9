package az.disclose.calendar;

import az.disclose.yaml.Node;
import az.disclose.yaml.Problem;
import az.disclose.yaml.ProblemsException;
import az.disclose.yaml.YamlReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Loads the holiday files {@code <year>.yaml} of a directory. The schema is strict and every
 * problem of every file is collected before one {@link ProblemsException} is thrown, each problem
 * as {@code content/data/holidays/2026.yaml:7: 'date' is not an ISO date: '2026-13-01'}.
 *
 * <pre>
 * year: 2026
 * sources:
 *   - "Labour Code of the Republic of Azerbaijan, art. 105"
 * days:
 *   - date: 2026-01-01
 *     name: "Yeni il bayramı"
 *     kind: fixed     # fixed | novruz | ramazan | gurban | one_off | carried_over | working_day
 * </pre>
 */
public final class HolidayLoader {
  private static final Pattern YEAR_FILE = Pattern.compile("(\\d{4})\\.yaml");
  private static final Set<String> TOP_KEYS = Set.of("year", "sources", "days");
  private static final String TOP_KEYS_TEXT = "year, sources, days";
  private static final Set<String> DAY_KEYS = Set.of("date", "name", "kind");
  private static final String DAY_KEYS_TEXT = "date, name, kind";

  private HolidayLoader() {}

  /**
   * Reads every {@code *.yaml} and {@code *.yml} file of {@code holidaysDir} (other files are
   * ignored). Problems are reported with the file path as {@code holidaysDir.resolve(name)}.
   *
   * @throws ProblemsException listing every problem found, when there is at least one
   */
  public static HolidayCalendar load(Path holidaysDir) throws ProblemsException {
    List<Problem> problems = new ArrayList<>();
    if (!Files.isDirectory(holidaysDir)) {
      problems.add(new Problem(holidaysDir, 0, "holiday directory not found"));
      throw new ProblemsException(problems);
    }
    List<Path> files;
    try (Stream<Path> listing = Files.list(holidaysDir)) {
      files = listing
          .filter(Files::isRegularFile)
          .filter(p -> {
            String name = p.getFileName().toString();
            return name.endsWith(".yaml") || name.endsWith(".yml");
          })
          .sorted()
          .map(p -> holidaysDir.resolve(p.getFileName().toString()))
          .toList();
    } catch (IOException e) {
      problems.add(new Problem(holidaysDir, 0, "cannot list the holiday directory: " + e.getMessage()));
      throw new ProblemsException(problems);
    }
    YamlReader reader = new YamlReader();
    List<HolidayYear> years = new ArrayList<>();
    for (Path file : files) {
      readFile(file, reader, problems).ifPresent(years::add);
    }
    if (!problems.isEmpty()) {
      throw new ProblemsException(problems);
    }
    return HolidayCalendar.of(holidaysDir, years);
  }

  private static Optional<HolidayYear> readFile(Path file, YamlReader reader, List<Problem> problems) {
    int before = problems.size();
    Matcher nameMatch = YEAR_FILE.matcher(file.getFileName().toString());
    Integer fileYear = nameMatch.matches() ? Integer.valueOf(nameMatch.group(1)) : null;
    if (fileYear == null) {
      problems.add(new Problem(file, 1, "file name must be the year followed by .yaml, e.g. 2026.yaml"));
    }
    Node root;
    try {
      root = reader.readFile(file);
    } catch (ProblemsException e) {
      problems.addAll(e.problems());
      return Optional.empty();
    }
    if (!(root instanceof Node.Mapping top)) {
      problems.add(new Problem(file, root.line(), "the file must be a mapping with the keys " + TOP_KEYS_TEXT
          + ", not " + root.kindName()));
      return Optional.empty();
    }
    rejectUnknownKeys(file, top, TOP_KEYS, TOP_KEYS_TEXT, problems);

    Integer declaredYear = readYear(file, top, fileYear, problems);
    Integer year = fileYear != null ? fileYear : declaredYear;
    List<String> sources = readSources(file, top, problems);
    List<Holiday> days = readDays(file, top, year, problems);

    if (problems.size() > before || year == null) {
      return Optional.empty();
    }
    return Optional.of(new HolidayYear(year, sources, days, file));
  }

  private static Integer readYear(Path file, Node.Mapping top, Integer fileYear, List<Problem> problems) {
    Node node = top.entries().get("year");
    int line = top.keyLines().getOrDefault("year", top.line());
    if (node == null || node instanceof Node.Scalar s && s.isNull()) {
      problems.add(new Problem(file, line, "'year' is required"));
      return null;
    }
    if (!(node instanceof Node.Scalar scalar) || !scalar.text().trim().matches("\\d{4}")) {
      problems.add(new Problem(file, line, "'year' must be a four-digit year, not " + show(node)));
      return null;
    }
    int year = Integer.parseInt(scalar.text().trim());
    if (fileYear != null && year != fileYear) {
      problems.add(new Problem(file, line, "'year' is " + year + " but the file is named "
          + file.getFileName() + "; the file name must match 'year'"));
    }
    return year;
  }

  private static List<String> readSources(Path file, Node.Mapping top, List<Problem> problems) {
    Node node = top.entries().get("sources");
    int line = top.keyLines().getOrDefault("sources", top.line());
    if (node == null || node instanceof Node.Scalar s && s.isNull()) {
      problems.add(new Problem(file, line, "'sources' is required: name the law and the Cabinet decisions"));
      return List.of();
    }
    if (!(node instanceof Node.Sequence seq)) {
      problems.add(new Problem(file, line, "'sources' must be a list, not " + node.kindName()));
      return List.of();
    }
    if (seq.items().isEmpty()) {
      problems.add(new Problem(file, line, "'sources' must name at least one source"));
    }
    List<String> sources = new ArrayList<>();
    for (Node item : seq.items()) {
      if (item instanceof Node.Scalar s && !s.isNull() && !s.text().isBlank()) {
        sources.add(s.text().trim());
      } else {
        problems.add(new Problem(file, item.line(), "each source must be a non-empty text, not " + show(item)));
      }
    }
    return sources;
  }

  private static List<Holiday> readDays(Path file, Node.Mapping top, Integer year, List<Problem> problems) {
    Node node = top.entries().get("days");
    int line = top.keyLines().getOrDefault("days", top.line());
    if (node == null || node instanceof Node.Scalar s && s.isNull()) {
      problems.add(new Problem(file, line, "'days' is required"));
      return List.of();
    }
    if (!(node instanceof Node.Sequence seq)) {
      problems.add(new Problem(file, line, "'days' must be a list, not " + node.kindName()));
      return List.of();
    }
    if (seq.items().isEmpty()) {
      problems.add(new Problem(file, line, "'days' is empty: a year always has non-working days"));
    }
    List<Holiday> days = new ArrayList<>();
    Map<LocalDate, Integer> firstLine = new HashMap<>();
    for (Node item : seq.items()) {
      if (!(item instanceof Node.Mapping day)) {
        problems.add(new Problem(file, item.line(), "each day must be a mapping with the keys " + DAY_KEYS_TEXT
            + ", not " + item.kindName()));
        continue;
      }
      rejectUnknownKeys(file, day, DAY_KEYS, DAY_KEYS_TEXT, problems);
      LocalDate date = readDate(file, day, year, problems);
      String name = readName(file, day, problems);
      HolidayKind kind = readKind(file, day, problems);
      if (date != null) {
        int dateLine = day.keyLines().getOrDefault("date", day.line());
        Integer first = firstLine.putIfAbsent(date, dateLine);
        if (first != null) {
          problems.add(new Problem(file, dateLine, "duplicate date " + date + " (first listed at line " + first
              + "); give one entry per date and name every holiday of that day in it"));
          continue;
        }
        if (kind != null) {
          checkWeekday(file, dateLine, date, kind, problems);
        }
      }
      if (date != null && name != null && kind != null) {
        days.add(new Holiday(date, name, kind));
      }
    }
    return days;
  }

  private static LocalDate readDate(Path file, Node.Mapping day, Integer year, List<Problem> problems) {
    Node node = day.entries().get("date");
    int line = day.keyLines().getOrDefault("date", day.line());
    if (node == null || node instanceof Node.Scalar s && s.isNull()) {
      problems.add(new Problem(file, line, "'date' is required"));
      return null;
    }
    if (!(node instanceof Node.Scalar scalar)) {
      problems.add(new Problem(file, line, "'date' is not an ISO date: " + show(node)));
      return null;
    }
    LocalDate date;
    try {
      date = LocalDate.parse(scalar.text().trim());
    } catch (DateTimeParseException e) {
      problems.add(new Problem(file, line, "'date' is not an ISO date: '" + scalar.text() + "'"));
      return null;
    }
    if (year != null && date.getYear() != year) {
      problems.add(new Problem(file, line, "'date' " + date + " is outside the file's year " + year));
      return null;
    }
    return date;
  }

  private static String readName(Path file, Node.Mapping day, List<Problem> problems) {
    Node node = day.entries().get("name");
    int line = day.keyLines().getOrDefault("name", day.line());
    if (node == null || node instanceof Node.Scalar s && s.isNull()) {
      problems.add(new Problem(file, line, "'name' is required"));
      return null;
    }
    if (!(node instanceof Node.Scalar scalar) || scalar.text().isBlank()) {
      problems.add(new Problem(file, line, "'name' must be a non-empty text, not " + show(node)));
      return null;
    }
    return scalar.text().trim();
  }

  private static HolidayKind readKind(Path file, Node.Mapping day, List<Problem> problems) {
    Node node = day.entries().get("kind");
    int line = day.keyLines().getOrDefault("kind", day.line());
    if (node == null || node instanceof Node.Scalar s && s.isNull()) {
      problems.add(new Problem(file, line, "'kind' is required (" + HolidayKind.allowedNames() + ")"));
      return null;
    }
    Optional<HolidayKind> kind = node instanceof Node.Scalar scalar
        ? HolidayKind.fromYaml(scalar.text().trim())
        : Optional.empty();
    if (kind.isEmpty()) {
      problems.add(new Problem(file, line, "unknown kind " + show(node) + " (allowed: "
          + HolidayKind.allowedNames() + ")"));
      return null;
    }
    return kind.get();
  }

  private static void checkWeekday(Path file, int line, LocalDate date, HolidayKind kind, List<Problem> problems) {
    boolean weekend = date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
    if (kind == HolidayKind.WORKING_DAY && !weekend) {
      problems.add(new Problem(file, line, "kind working_day is for a Saturday or Sunday made a working day; "
          + date + " is a " + Texts.dayName(date, false)));
    }
    if (kind == HolidayKind.CARRIED_OVER && weekend) {
      problems.add(new Problem(file, line, "kind carried_over is for a weekday made a day off; "
          + date + " is a " + Texts.dayName(date, false)));
    }
  }

  private static void rejectUnknownKeys(Path file, Node.Mapping mapping, Set<String> allowed, String allowedText,
      List<Problem> problems) {
    for (Map.Entry<String, Integer> key : mapping.keyLines().entrySet()) {
      if (!allowed.contains(key.getKey())) {
        problems.add(new Problem(file, key.getValue(), "unknown key '" + key.getKey() + "' (allowed: " + allowedText + ")"));
      }
    }
  }

  private static String show(Node node) {
    if (node instanceof Node.Scalar s) {
      return s.isNull() ? "empty" : "'" + s.text() + "'";
    }
    return node.kindName();
  }
}
