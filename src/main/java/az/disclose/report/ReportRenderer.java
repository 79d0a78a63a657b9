package az.disclose.report;

import az.disclose.render.Templates;
import az.disclose.report.MonthlyReport.ClassLine;
import az.disclose.report.MonthlyReport.GroundLine;
import az.disclose.report.MonthlyReport.Integrity;
import az.disclose.report.MonthlyReport.OpenSnapshot;
import az.disclose.report.MonthlyReport.TypeLine;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import freemarker.template.TemplateException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The monthly report as HTML (a standalone printable page, A4, from {@code templates/monthly.ftlh},
 * auto-escaped), CSV (one figure a line) and PDF (the same HTML through openhtmltopdf, with DejaVu
 * Sans embedded: it carries every Azerbaijani letter).
 */
public final class ReportRenderer {
  /** The font embedded in every PDF (resources beside this class; licence in fonts/LICENSE-DejaVu.txt). */
  public static final String FONT_FAMILY = "DejaVu Sans";
  private static final String FONT_REGULAR = "fonts/DejaVuSans.ttf";
  private static final String FONT_BOLD = "fonts/DejaVuSans-Bold.ttf";
  private static final Logger LOG = LoggerFactory.getLogger(ReportRenderer.class);
  private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

  private final ZoneId zone;
  private final ReportTexts texts;
  private final Templates templates;

  public ReportRenderer(ZoneId zone, ReportTexts texts) {
    this.zone = Objects.requireNonNull(zone, "zone");
    this.texts = Objects.requireNonNull(texts, "texts");
    this.templates = Templates.fromClasspath(ReportRenderer.class, "templates", texts.locale());
  }

  /** Dates and moments as the reports print them, in the register's zone. */
  public final class Formats {
    public String date(LocalDate date) {
      return date == null ? "" : date.toString();
    }

    public String moment(Instant at) {
      return at == null ? "" : MOMENT.format(at.atZone(zone));
    }
  }

  /** The period as a title shows it: {@code 2026-11} for a month, {@code 2026-11-01 – 2026-11-15} otherwise. */
  String periodText(ReportPeriod p) {
    return p.isMonth() ? p.slug() : p.first() + " – " + p.last();
  }

  public String html(MonthlyReport r) {
    Map<String, Object> model = new HashMap<>();
    model.put("r", r);
    model.put("t", texts);
    model.put("fmt", new Formats());
    model.put("lang", texts.language());
    model.put("zone", zone.getId());
    model.put("title", texts.get(r.period().isMonth() ? "title" : "title.period"));
    model.put("period", periodText(r.period()));
    model.put("warnings", texts.azerbaijani() ? r.warningsAz() : r.warningsEn());
    try {
      return templates.render("monthly.ftlh", model);
    } catch (TemplateException e) {
      throw new IllegalStateException("the report template monthly.ftlh failed: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the report template monthly.ftlh", e);
    }
  }

  /**
   * The figures as CSV (RFC 4180, UTF-8, CRLF): {@code section,item,detail,value}, one figure a
   * line, keys in English whatever the report's language, so that spreadsheets and scripts read any
   * month alike. A cell that a spreadsheet would take for a formula is prefixed with {@code '}.
   */
  public String csv(MonthlyReport r) {
    List<String[]> lines = new ArrayList<>();
    lines.add(new String[] {"section", "item", "detail", "value"});
    lines.add(new String[] {"period", "first", "", r.period().first().toString()});
    lines.add(new String[] {"period", "last", "", r.period().last().toString()});
    lines.add(new String[] {"period", "as_of", "", new Formats().moment(r.asOf())});
    for (TypeLine t : withTotal(r.received(), r.receivedTotal())) {
      lines.add(new String[] {"received", t.key(), "web", Integer.toString(t.web())});
      lines.add(new String[] {"received", t.key(), "email", Integer.toString(t.email())});
      lines.add(new String[] {"received", t.key(), "total", Integer.toString(t.total())});
    }
    for (ClassLine c : withTotal(r.answered(), r.answeredTotal())) {
      lines.add(new String[] {"answered", c.key(), "in_time", Integer.toString(c.inTime())});
      lines.add(new String[] {"answered", c.key(), "late", Integer.toString(c.late())});
    }
    open(lines, "open_at_start", r.openAtStart());
    open(lines, "open_at_end", r.openAtEnd());
    lines.add(new String[] {"actions", "extensions", "", Integer.toString(r.extensions())});
    lines.add(new String[] {"actions", "clarifications", "", Integer.toString(r.clarifications())});
    lines.add(new String[] {"actions", "forwarded", "", Integer.toString(r.forwarded())});
    lines.add(new String[] {"actions", "refused", "", Integer.toString(r.refused())});
    lines.add(new String[] {"actions", "withdrawn", "", Integer.toString(r.reconciliation().withdrawn())});
    for (GroundLine g : r.refusalGrounds()) {
      lines.add(new String[] {"refusals", "ground", g.ground(), Integer.toString(g.count())});
    }
    lines.add(new String[] {"speed", "answers", "", Integer.toString(r.speed().answers())});
    if (r.speed().answers() > 0) {
      lines.add(new String[] {"speed", "median_working_days", "", Integer.toString(r.speed().median())});
      lines.add(new String[] {"speed", "p90_working_days", "", Integer.toString(r.speed().p90())});
    }
    lines.add(new String[] {"units", "assigned", "", r.unitsAssigned() ? "yes" : "no"});
    for (MonthlyReport.UnitLine u : r.units()) {
      String unit = u.unassigned() ? "(none)" : u.unit();
      lines.add(new String[] {"units", "received", unit, Integer.toString(u.received())});
      lines.add(new String[] {"units", "in_time", unit, Integer.toString(u.inTime())});
      lines.add(new String[] {"units", "late", unit, Integer.toString(u.late())});
      lines.add(new String[] {"units", "overdue", unit, Integer.toString(u.overdue())});
    }
    for (Integrity i : r.integrity()) {
      String year = Integer.toString(i.year());
      lines.add(new String[] {"integrity", "first", year, i.firstNumber()});
      lines.add(new String[] {"integrity", "last", year, i.lastNumber()});
      lines.add(new String[] {"integrity", "count", year, Integer.toString(i.count())});
      lines.add(new String[] {"integrity", "purged", year, Integer.toString(i.purged())});
      lines.add(new String[] {"integrity", "missing", year, Integer.toString(i.missingCount())});
    }
    var c = r.reconciliation();
    lines.add(new String[] {"reconciliation", "received", "", Integer.toString(c.received())});
    lines.add(new String[] {"reconciliation", "answered", "", Integer.toString(c.answered())});
    lines.add(new String[] {"reconciliation", "refused", "", Integer.toString(c.refused())});
    lines.add(new String[] {"reconciliation", "forwarded", "", Integer.toString(c.forwarded())});
    lines.add(new String[] {"reconciliation", "withdrawn", "", Integer.toString(c.withdrawn())});
    lines.add(new String[] {"reconciliation", "change_in_open", "", Integer.toString(c.changeInOpen())});
    lines.add(new String[] {"reconciliation", "holds", "", c.holds() ? "yes" : "no"});
    StringBuilder out = new StringBuilder();
    for (String[] line : lines) {
      for (int i = 0; i < line.length; i++) {
        if (i > 0) {
          out.append(',');
        }
        out.append(cell(line[i]));
      }
      out.append("\r\n");
    }
    return out.toString();
  }

  private static void open(List<String[]> lines, String section, OpenSnapshot o) {
    lines.add(new String[] {section, "in_time", "", Integer.toString(o.inTime())});
    lines.add(new String[] {section, "overdue", "", Integer.toString(o.overdue())});
    lines.add(new String[] {section, "oldest", o.hasOldest() ? o.oldestRegistered().toString() : "", o.oldestNumber()});
  }

  private static <T> List<T> withTotal(List<T> lines, T total) {
    List<T> all = new ArrayList<>(lines);
    all.add(total);
    return all;
  }

  /** One CSV cell: quoted when it holds a comma, quote or line break; a formula-like start defused. */
  static String cell(String value) {
    String v = value == null ? "" : value;
    if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0 && !v.matches("-?\\d+")) {
      v = "'" + v;
    }
    if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
      v = "\"" + v.replace("\"", "\"\"") + "\"";
    }
    return v;
  }

  /** The PDF of {@link #html}: A4, the fonts embedded (subset). */
  public byte[] pdf(MonthlyReport r) {
    return pdf(html(r));
  }

  /** Any report page of this renderer as a PDF. */
  public static byte[] pdf(String html) {
    org.w3c.dom.Document document = new W3CDom().fromJsoup(Jsoup.parse(html));
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
    try {
      PdfRendererBuilder builder = new PdfRendererBuilder();
      builder.useFastMode();
      // openhtmltopdf's messages go to this class's logger for this run only (no global logger set-up)
      builder.withDiagnosticConsumer(d -> {
        if (d.getLevel().intValue() >= java.util.logging.Level.WARNING.intValue()) {
          LOG.warn("PDF: {}", d.getFormattedMessage());
        } else {
          LOG.debug("PDF: {}", d.getFormattedMessage());
        }
      });
      builder.useFont(() -> font(FONT_REGULAR), FONT_FAMILY, 400, PdfRendererBuilder.FontStyle.NORMAL, true);
      builder.useFont(() -> font(FONT_BOLD), FONT_FAMILY, 700, PdfRendererBuilder.FontStyle.NORMAL, true);
      builder.withW3cDocument(document, "/");
      builder.toStream(out);
      builder.run();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot make the PDF: " + e.getMessage(), e);
    }
    return out.toByteArray();
  }

  private static InputStream font(String name) {
    InputStream in = ReportRenderer.class.getResourceAsStream(name);
    if (in == null) {
      throw new IllegalStateException("the font " + name + " is missing from the program");
    }
    return in;
  }
}
