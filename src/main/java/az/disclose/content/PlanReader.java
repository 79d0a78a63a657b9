package az.disclose.content;

import az.disclose.yaml.Fields;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Reads {@code data/plan.yaml}; see content/README.md for its keys. */
final class PlanReader {
  private PlanReader() {}

  static Plan read(Fields root) {
    String title = root.requiredText("title");
    String approvedBy = root.optionalText("approved_by").orElse("");
    Fields planEn = CommissionReader.english(root, java.util.Set.of("title", "approved_by"));
    Plan.En en = planEn == null ? Plan.En.NONE
        : new Plan.En(CommissionReader.text(planEn, "title"), CommissionReader.text(planEn, "approved_by"));
    List<Plan.Section> sections = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (Fields s : root.list("sections", true)) {
      String number = s.requiredText("number");
      String sectionTitle = s.requiredText("title");
      String sectionTitleEn = CommissionReader.text(CommissionReader.english(s, java.util.Set.of("title")), "title");
      List<Measure> measures = new ArrayList<>();
      for (Fields m : s.list("measures", true)) {
        measures.add(measure(m, number, ids));
        m.rejectUnknownKeys();
      }
      s.rejectUnknownKeys();
      sections.add(new Plan.Section(number, sectionTitle, sectionTitleEn, List.copyOf(measures)));
    }
    root.rejectUnknownKeys();
    return new Plan(title, approvedBy, List.copyOf(sections), en);
  }

  private static Measure measure(Fields m, String sectionNumber, Set<String> ids) {
    String id = m.requiredText("id");
    if (!id.isEmpty() && !id.startsWith(sectionNumber + ".")) {
      m.problemAt("id", "measure '" + id + "' is listed under section " + sectionNumber + "; its id must start with '" + sectionNumber + ".'");
    }
    if (!id.isEmpty() && !ids.add(id)) {
      m.problemAt("id", "measure id '" + id + "' appears twice");
    }
    String text = m.requiredText("text");
    String executors = m.requiredText("executors");
    String deadline = m.requiredText("deadline");
    Term term = Term.parse(deadline).orElse(null);
    if (term == null && !deadline.isEmpty()) {
      m.problemAt("deadline", "'deadline' must be a period of years such as '2012-2014-cü illər' or 'mütəmadi', not '" + deadline + "'");
    }
    String statusKey = m.optionalText("status").orElse(Status.NOT_STARTED.key());
    Status status = Status.ofKey(statusKey).orElse(Status.NOT_STARTED);
    if (Status.ofKey(statusKey).isEmpty()) {
      m.problemAt("status", "'status' must be one of not_started, limited, substantial, complete, not '" + statusKey + "'");
    }
    Fields en = CommissionReader.english(m, java.util.Set.of("text", "executors"));
    Measure.En measureEn = en == null ? Measure.En.NONE
        : new Measure.En(CommissionReader.text(en, "text"), CommissionReader.text(en, "executors"));
    List<ProgressNote> progress = new ArrayList<>();
    for (Fields p : m.list("progress", false)) {
      var date = p.requiredDate("date");
      String text2 = p.requiredText("text");
      String evidence = p.optionalText("evidence").orElse("");
      if (!evidence.isEmpty() && !Links.isEvidence(evidence)) {
        p.problemAt("evidence", "'evidence' must be a site path starting with '/' or an http(s) URL, not '" + evidence + "'");
      }
      p.rejectUnknownKeys();
      progress.add(new ProgressNote(date, text2, evidence));
    }
    return new Measure(id, text, executors, term == null ? new Term(deadline, false, 0, 0) : term, status, List.copyOf(progress),
        "", measureEn);
  }
}
