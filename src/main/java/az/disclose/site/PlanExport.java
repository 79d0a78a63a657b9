package az.disclose.site;

import az.disclose.content.Measure;
import az.disclose.content.Plan;
import az.disclose.content.ProgressNote;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The work plan as open data: {@code plan.json} (the whole structure) and {@code plan.csv} (one row
 * per measure, RFC 4180, UTF-8 with a byte-order mark so that spreadsheet programs read the
 * Azerbaijani letters right).
 */
final class PlanExport {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private PlanExport() {}

  static byte[] json(Plan plan) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("title", plan.title());
    root.put("approved_by", plan.approvedBy());
    root.put("sections", plan.sections().stream().map(s -> {
      Map<String, Object> section = new LinkedHashMap<>();
      section.put("number", s.number());
      section.put("title", s.title());
      section.put("measures", s.measures().stream().map(PlanExport::measure).toList());
      return section;
    }).toList());
    try {
      return (JSON.writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("plan cannot be written as JSON", e);
    }
  }

  private static Map<String, Object> measure(Measure m) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", m.id());
    out.put("text", m.text());
    out.put("executors", m.executors());
    Map<String, Object> deadline = new LinkedHashMap<>();
    deadline.put("text", m.term().text());
    deadline.put("regular", m.term().regular());
    deadline.put("from_year", m.term().regular() ? null : m.term().fromYear());
    deadline.put("to_year", m.term().regular() ? null : m.term().toYear());
    out.put("deadline", deadline);
    out.put("status", m.status().key());
    out.put("progress", m.progress().stream().map(PlanExport::note).toList());
    out.put("url", m.url());
    return out;
  }

  private static Map<String, Object> note(ProgressNote p) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("date", p.date().toString());
    out.put("text", p.text());
    out.put("evidence", p.evidence());
    if (!p.source().isEmpty()) { // a unit's report: every link, and who reported it
      out.put("links", p.links());
      out.put("source", p.source());
    }
    return out;
  }

  static byte[] csv(Plan plan) {
    StringBuilder out = new StringBuilder("\uFEFF");
    row(out, List.of("id", "section", "section_title", "text", "executors", "deadline", "regular", "from_year", "to_year", "status", "progress_notes"));
    for (Plan.Section s : plan.sections()) {
      for (Measure m : s.measures()) {
        boolean regular = m.term().regular();
        row(out, List.of(m.id(), s.number(), s.title(), m.text(), m.executors(), m.term().text(),
            String.valueOf(regular), regular ? "" : String.valueOf(m.term().fromYear()),
            regular ? "" : String.valueOf(m.term().toYear()), m.status().key(), String.valueOf(m.progress().size())));
      }
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void row(StringBuilder out, List<String> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      String c = cells.get(i);
      if (c.contains(",") || c.contains("\"") || c.contains("\n") || c.contains("\r")) {
        out.append('"').append(c.replace("\"", "\"\"")).append('"');
      } else {
        out.append(c);
      }
    }
    out.append("\r\n");
  }
}
