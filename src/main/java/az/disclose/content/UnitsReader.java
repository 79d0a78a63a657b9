package az.disclose.content;

import az.disclose.yaml.Fields;
import az.disclose.yaml.Node;
import az.disclose.yaml.Problem;
import az.disclose.yaml.ProblemsException;
import az.disclose.yaml.YamlReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads the units ({@code data/units.yaml}) and their reports ({@code reports/units/*.md}) of a
 * content directory, strictly: every problem of every file is collected with its {@code file:line}
 * and thrown together (content/README.md describes the keys).
 */
public class UnitsReader {
  public static final String UNITS_FILE = "data/units.yaml";
  public static final String REPORTS_DIR = "reports/units";
  private static final Pattern UNIT_ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

  private final YamlReader yaml = new YamlReader();

  /** The units and every unit report, or all the problems found. */
  public record Loaded(Units units, List<UnitReport> reports) {
    public Loaded {
      reports = List.copyOf(reports);
    }
  }

  public Loaded load(Path contentDir) throws ProblemsException {
    List<Problem> problems = new ArrayList<>();
    Set<String> measures = planMeasures(contentDir.resolve("data/plan.yaml"), problems);
    Path unitsFile = contentDir.resolve(UNITS_FILE);
    Units units = null;
    if (!Files.isRegularFile(unitsFile)) {
      problems.add(new Problem(unitsFile, 0, "missing: the units' reports are tracked against this list of units"
          + " (see content/README.md)"));
    } else {
      try {
        units = units(Fields.of(unitsFile, yaml.readFile(unitsFile), problems, ""), measures);
      } catch (ProblemsException e) {
        problems.addAll(e.problems());
      }
    }
    List<UnitReport> reports = new ArrayList<>();
    Path dir = contentDir.resolve(REPORTS_DIR);
    if (Files.isDirectory(dir)) {
      List<Path> files;
      try (Stream<Path> s = Files.list(dir)) {
        files = s.sorted().toList();
      } catch (IOException e) {
        throw new ProblemsException(List.of(new Problem(dir, 0, "cannot list: " + e.getMessage())));
      }
      for (Path f : files) {
        if (!f.getFileName().toString().endsWith(".md")) {
          problems.add(new Problem(f, 0, "only Markdown unit reports (.md) belong here"));
          continue;
        }
        UnitReport r = report(f, units, problems);
        if (r != null) {
          reports.add(r);
        }
      }
    }
    Map<String, UnitReport> seen = new HashMap<>();
    for (UnitReport r : reports) {
      UnitReport before = seen.putIfAbsent(r.unit() + " " + r.period().key(), r);
      if (before != null) {
        problems.add(new Problem(r.file(), 1, "a second report of unit '" + r.unit() + "' for " + r.period().key()
            + " (the first is " + before.file() + "); merge them into one file"));
      }
    }
    if (!problems.isEmpty()) {
      throw new ProblemsException(problems);
    }
    return new Loaded(units, reports);
  }

  /** The measure ids of the plan (only what is needed here; the build checks the plan itself). */
  private Set<String> planMeasures(Path planFile, List<Problem> problems) {
    Set<String> ids = new LinkedHashSet<>();
    if (!Files.isRegularFile(planFile)) {
      problems.add(new Problem(planFile, 0, "missing: the units' measures are checked against the plan"
          + " (see content/README.md)"));
      return ids;
    }
    try {
      Node root = yaml.readFile(planFile);
      if (root instanceof Node.Mapping m && m.entries().get("sections") instanceof Node.Sequence sections) {
        for (Node s : sections.items()) {
          if (s instanceof Node.Mapping sm && sm.entries().get("measures") instanceof Node.Sequence ms) {
            for (Node measure : ms.items()) {
              if (measure instanceof Node.Mapping mm && mm.entries().get("id") instanceof Node.Scalar id) {
                ids.add(id.text());
              }
            }
          }
        }
      }
    } catch (ProblemsException e) {
      problems.addAll(e.problems());
    }
    return ids;
  }

  private static Units units(Fields root, Set<String> planMeasures) {
    var since = root.requiredDate("reporting_since");
    List<Units.Unit> units = new ArrayList<>();
    Set<String> ids = new LinkedHashSet<>();
    for (Fields u : root.list("units", true)) {
      String id = u.requiredText("id");
      if (!id.isEmpty() && !UNIT_ID.matcher(id).matches()) {
        u.problemAt("id", "'id' must be lower-case Latin letters and digits joined by '-' (e.g. elektron-idareetme),"
            + " not '" + id + "'");
      }
      if (!id.isEmpty() && !ids.add(id)) {
        u.problemAt("id", "unit id '" + id + "' appears twice");
      }
      String name = u.requiredText("name");
      String email = u.optionalText("email").orElse("");
      if (!email.isEmpty() && !EMAIL.matcher(email).matches()) {
        u.problemAt("email", "'email' must be an e-mail address, not '" + email + "'");
      }
      List<String> measures = u.textList("measures");
      for (String m : measures) {
        if (!planMeasures.isEmpty() && !planMeasures.contains(m)) {
          u.problemAt("measures", "measure '" + m + "' is not in data/plan.yaml (its ids: "
              + String.join(", ", planMeasures) + ")");
        }
      }
      u.rejectUnknownKeys();
      units.add(new Units.Unit(id, name, email, measures));
    }
    root.rejectUnknownKeys();
    return new Units(since, units);
  }

  private UnitReport report(Path file, Units units, List<Problem> problems) {
    String text;
    FrontMatter split;
    Node node;
    try {
      text = YamlReader.readText(file);
      split = FrontMatter.split(text);
      node = yaml.read(split.yaml(), split.yamlLine());
    } catch (ProblemsException e) {
      problems.addAll(e.problems());
      return null;
    } catch (FrontMatter.Missing e) {
      problems.add(new Problem(file, e.line(), e.getMessage()));
      return null;
    } catch (YamlReader.SyntaxError e) {
      problems.add(new Problem(file, e.line(), e.getMessage()));
      return null;
    }
    Fields f = Fields.of(file, node, problems, "");
    String unit = f.requiredText("unit");
    if (units != null && !unit.isEmpty() && units.find(unit).isEmpty()) {
      f.problemAt("unit", "unknown unit '" + unit + "'; the units are in data/units.yaml: "
          + String.join(", ", units.units().stream().map(Units.Unit::id).toList()));
    }
    String periodText = f.requiredText("period");
    HalfMonth period = HalfMonth.parse(periodText).orElse(null);
    if (period == null && !periodText.isEmpty()) {
      f.problemAt("period", "'period' must be a half-month such as 2026-11/1 (1st-15th) or 2026-11/2 (16th to the"
          + " month's last day), not '" + periodText + "'");
    }
    var submitted = f.requiredDate("submitted");
    if (period != null && submitted != null && submitted.isBefore(period.first())) {
      f.problemAt("submitted", "'submitted' (" + submitted + ") is before the period " + period.key() + " begins ("
          + period.first() + ")");
    }
    Units.Unit u = units == null ? null : units.find(unit).orElse(null);
    List<UnitReport.MeasureEntry> entries = new ArrayList<>();
    for (Fields m : f.list("measures", false)) {
      String measure = m.requiredText("measure");
      if (u != null && !measure.isEmpty() && !u.measures().contains(measure)) {
        m.problemAt("measure", "unit '" + unit + "' does not execute measure '" + measure + "' (its measures in"
            + " data/units.yaml: " + String.join(", ", u.measures()) + ")");
      }
      String statusKey = m.requiredText("status");
      Status status = Status.ofKey(statusKey).orElse(null);
      if (status == null && !statusKey.isEmpty()) {
        m.problemAt("status", "'status' must be one of not_started, limited, substantial, complete, not '"
            + statusKey + "'");
      }
      String done = m.requiredText("done");
      List<String> evidence = m.textList("evidence");
      for (String e : evidence) {
        if (!Links.isEvidence(e)) {
          m.problemAt("evidence", "evidence must be a site path starting with '/' or an http(s) address, not '" + e + "'");
        }
      }
      if (status == Status.COMPLETE && evidence.isEmpty()) {
        m.problemAt("status", "'complete' needs evidence: add the 'evidence' links that show it");
      }
      String next = m.optionalText("next").orElse("");
      String risks = m.optionalText("risks").orElse("");
      m.rejectUnknownKeys();
      entries.add(new UnitReport.MeasureEntry(measure, status, done, evidence, next, risks));
    }
    f.rejectUnknownKeys();
    if (period == null || submitted == null || unit.isEmpty()) {
      return null;
    }
    return new UnitReport(file, unit, period, submitted, entries);
  }
}
