package az.disclose.content;

import az.disclose.yaml.Fields;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads {@code reports/annual/<year>.yaml} strictly (content/README.md lists its keys). */
final class AnnualReader {
  /** The file's name: the year it reports on. */
  static final Pattern NAME = Pattern.compile("(\\d{4})\\.yaml");

  private AnnualReader() {}

  static AnnualData read(Fields root) {
    Path file = root.file();
    Matcher name = NAME.matcher(file.getFileName().toString());
    int fromName = name.matches() ? Integer.parseInt(name.group(1)) : 0;
    if (fromName == 0) {
      root.problem(0, "an annual report's file is named after its year, e.g. reports/annual/2026.yaml");
    }
    int year = root.intValue("year", 0, 2000, 2999);
    if (year == 0) {
      root.problemAt("year", "'year' is required: the year the report is on (e.g. 2026)");
    } else if (fromName != 0 && year != fromName) {
      root.problemAt("year", "'year' is " + year + " but the file is named " + file.getFileName() + "; they must agree");
    }
    Optional<LocalDate> approved = root.optionalDate("approved");
    String signatory = root.optionalText("signatory").orElse("");
    if (approved.isPresent() && signatory.isBlank()) {
      root.problemAt("approved", "an approved report needs its 'signatory' (who signed it for the commission)");
    }
    if (approved.isEmpty() && !signatory.isBlank()) {
      root.problemAt("signatory", "'signatory' without 'approved': add the date the commission approved the report");
    }
    if (approved.isPresent() && year != 0 && approved.get().getYear() < year) {
      root.problemAt("approved", "'approved' (" + approved.get() + ") is before the year " + year + " the report is on");
    }
    List<AnnualData.Assessment> measures = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Fields m : root.list("measures", false)) {
      String measure = m.requiredText("measure");
      if (!measure.isEmpty() && !seen.add(measure)) {
        m.problemAt("measure", "measure '" + measure + "' is assessed twice; keep one entry");
      }
      Completion completion = null;
      Optional<String> c = m.optionalText("completion");
      if (c.isPresent()) {
        completion = Completion.ofKey(c.get()).orElse(null);
        if (completion == null) {
          m.problemAt("completion", "'completion' must be one of " + Completion.keys() + ", not '" + c.get() + "'");
        }
      }
      OpenedGovernment opened = null;
      Optional<String> o = m.optionalText("opened_government");
      if (o.isPresent()) {
        opened = OpenedGovernment.ofKey(o.get()).orElse(null);
        if (opened == null) {
          m.problemAt("opened_government", "'opened_government' must be one of " + OpenedGovernment.keys() + ", not '"
              + o.get() + "'");
        }
      }
      String reasons = m.optionalText("reasons").orElse("");
      List<String> evidence = m.textList("evidence");
      for (String e : evidence) {
        if (!Links.isEvidence(e)) {
          m.problemAt("evidence", "evidence must be a site path starting with '/' or an http(s) address, not '" + e + "'");
        }
      }
      String deviations = m.optionalText("deviations").orElse("");
      String next = m.optionalText("next").orElse("");
      int completionLine = m.lineOf("completion");
      m.rejectUnknownKeys();
      measures.add(new AnnualData.Assessment(measure, completion, opened, reasons, evidence, deviations, next, m.line(),
          completionLine));
    }
    root.rejectUnknownKeys();
    return new AnnualData(file, year, approved, signatory, measures);
  }
}
