package az.disclose.report;

import az.disclose.content.AnnualPlanReport;
import az.disclose.render.Templates;
import freemarker.template.TemplateException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The annual report as HTML (standalone, printable, A4, from {@code templates/annual.ftlh}), CSV
 * and PDF (openhtmltopdf with DejaVu Sans embedded, as the monthly report's).
 */
public final class AnnualRenderer {
  private final ZoneId zone;
  private final ReportTexts texts;
  private final Templates templates;
  private final ReportRenderer monthly;

  public AnnualRenderer(ZoneId zone, ReportTexts texts) {
    this.zone = Objects.requireNonNull(zone, "zone");
    this.texts = Objects.requireNonNull(texts, "texts");
    this.templates = Templates.fromClasspath(AnnualRenderer.class, "templates", texts.locale());
    this.monthly = new ReportRenderer(zone, texts);
  }

  public String html(AnnualReport r) {
    Map<String, Object> model = new HashMap<>();
    model.put("a", r.plan());
    if (r.foi() != null) {
      model.put("foi", r.foi());
    }
    model.put("t", texts);
    model.put("fmt", monthly.new Formats());
    model.put("lang", texts.language());
    model.put("zone", zone.getId());
    model.put("generatedAt", r.generatedAt());
    try {
      return templates.render("annual.ftlh", model);
    } catch (TemplateException e) {
      throw new IllegalStateException("the report template annual.ftlh failed: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the report template annual.ftlh", e);
    }
  }

  public byte[] pdf(AnnualReport r) {
    return ReportRenderer.pdf(html(r));
  }

  /**
   * CSV (RFC 4180, UTF-8, CRLF) with the monthly report's columns {@code section,item,detail,value}:
   * the report's facts, each measure's fields (one evidence link a line), the counts per step of
   * both scales, then the year's FOI figures with their sections prefixed {@code foi.}.
   */
  public String csv(AnnualReport r) {
    AnnualPlanReport a = r.plan();
    List<String[]> lines = new ArrayList<>();
    lines.add(new String[] {"section", "item", "detail", "value"});
    lines.add(new String[] {"report", "year", "", Integer.toString(a.year())});
    lines.add(new String[] {"report", "approved", "", a.approved().map(Object::toString).orElse("")});
    lines.add(new String[] {"report", "signatory", "", a.signatory()});
    for (AnnualPlanReport.Line l : a.lines()) {
      String m = l.measure();
      lines.add(new String[] {"measure", m, "text", l.text()});
      lines.add(new String[] {"measure", m, "executors", l.executors()});
      lines.add(new String[] {"measure", m, "period", l.period()});
      lines.add(new String[] {"measure", m, "completion", l.completion().key()});
      lines.add(new String[] {"measure", m, "completion_source", l.completionFromUnits() ? "unit_reports" : "commission"});
      lines.add(new String[] {"measure", m, "opened_government", l.openedGovernment() == null ? "none" : l.openedGovernment().key()});
      lines.add(new String[] {"measure", m, "reasons", l.reasons()});
      for (String e : l.evidence()) {
        lines.add(new String[] {"measure", m, "evidence", e});
      }
      lines.add(new String[] {"measure", m, "deviations", l.deviations()});
      lines.add(new String[] {"measure", m, "next", l.next()});
    }
    for (AnnualPlanReport.Count c : a.completionCounts()) {
      lines.add(new String[] {"completion", c.key(), "", Integer.toString(c.count())});
    }
    for (AnnualPlanReport.Count c : a.openedCounts()) {
      lines.add(new String[] {"opened_government", c.key(), "", Integer.toString(c.count())});
    }
    StringBuilder out = new StringBuilder();
    for (String[] line : lines) {
      out.append(row(line));
    }
    if (r.foi() != null) {
      String[] rows = monthly.csv(r.foi()).split("\r\n");
      for (int i = 1; i < rows.length; i++) { // the header once
        out.append("foi.").append(rows[i]).append("\r\n");
      }
    }
    return out.toString();
  }

  private static String row(String[] line) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < line.length; i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(ReportRenderer.cell(line[i]));
    }
    return out.append("\r\n").toString();
  }
}
