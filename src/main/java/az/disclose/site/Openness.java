package az.disclose.site;

import az.disclose.content.Content;
import az.disclose.publish.PublicationLedger;
import az.disclose.publish.PublicationWindow;
import az.disclose.publish.PublicationWindow.DatedItem;
import az.disclose.publish.PublicationWindow.Delay;
import az.disclose.publish.PublicationWindow.Status;
import az.disclose.render.AzDates;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The openness page's numbers: per month of the event, how many published items went live within
 * three days of it (rule 6 of the FOI rules) and how many later, from the publication ledger; and
 * a bar chart of them as SVG geometry, drawn at build time (no JavaScript).
 */
public final class Openness {
  /** Chart geometry (SVG user units; the SVG scales to the page's width, keeping its proportions). */
  static final int SLOT = 64;
  static final int BAR_WIDTH = 36;
  static final int HEIGHT = 160;
  /** Room left of the plot for the counts' axis, above it for the values, below it for the months. */
  static final int LEFT = 56;
  static final int TOP = 20;
  static final int BOTTOM = 44;
  /** The chart shows the last months only (the table below it lists every month). */
  public static final int CHART_MONTHS = 12;

  /** One month: items whose event fell in it. */
  public record Month(String iso, String label, int total, int onTime, int late) {
    public int percentOnTime() {
      return total == 0 ? 0 : Math.round(100f * onTime / total);
    }
  }

  /**
   * A bar of the chart: the on-time part stacked on the late part, in user units; {@code centre} is
   * where its value (above it) and its month and year (below the axis) are written.
   */
  public record Bar(int x, int onTimeY, int onTimeHeight, int lateY, int lateHeight, int centre, int valueY, int total,
      String month, String year, String label) {}

  /** A mark on the counts' axis. */
  public record Tick(int y, int value) {}

  /**
   * The chart: its size, the plot's box ({@code left}, {@code top} to {@code bottom}, the x axis),
   * the marks of the counts' axis and the bars.
   */
  public record Chart(int width, int height, int left, int top, int bottom, int barWidth, List<Tick> ticks, List<Bar> bars) {}

  /**
   * An item published despite a check error, with the reasons its editor gave (from the ledger, where
   * they are recorded as {@code late_reason: ...; publish_despite: ...}).
   */
  public record Justified(String path, String title, List<Reason> reasons) {}

  /**
   * One reason: the front-matter {@code field} it was given in ({@code late_reason}, {@code
   * publish_despite}; "" when the ledger's text names none) and its words, which the page shows after
   * the field's own label (openness.reason.*), never the field's name.
   */
  public record Reason(String field, String text) {}

  /** A field's name as the ledger writes it before a reason: {@code late_reason: }. */
  private static final java.util.regex.Pattern FIELD = java.util.regex.Pattern.compile(
      "(?:^|; )(" + az.disclose.publish.HoldBack.LATE_REASON + "|" + az.disclose.publish.HoldBack.PUBLISH_DESPITE + "): ");

  /** The reasons of a ledger's exception text, each with its field. */
  static List<Reason> reasons(String recorded) {
    java.util.regex.Matcher m = FIELD.matcher(recorded);
    List<Reason> out = new ArrayList<>();
    String field = "";
    int from = 0;
    while (m.find()) {
      if (m.start() > from || !field.isEmpty()) {
        out.add(new Reason(field, recorded.substring(from, m.start()).strip()));
      }
      field = m.group(1);
      from = m.end();
    }
    out.add(new Reason(field, recorded.substring(from).strip()));
    return List.copyOf(out);
  }

  public record Summary(int total, int onTime, int late, List<Month> months, Chart chart, List<Justified> justified) {
    public int percentOnTime() {
      return total == 0 ? 0 : Math.round(100f * onTime / total);
    }
  }

  private Openness() {}

  static Summary of(Content published, PublicationLedger ledger, Clock clock, Locale locale) {
    List<DatedItem> items = new ArrayList<>();
    published.news().forEach(n -> items.add(new DatedItem(n.body().file(), 1, n.url(), n.eventDate().orElse(n.date()), n.date())));
    published.documents().forEach(d -> items.add(new DatedItem(d.body().file(), 1, d.url(), d.date(), d.date())));
    Map<YearMonth, int[]> byMonth = new TreeMap<>();
    int onTime = 0;
    int late = 0;
    for (Delay d : PublicationWindow.delays(items, ledger, clock)) {
      int[] counts = byMonth.computeIfAbsent(YearMonth.from(d.item().eventDate()), m -> new int[2]);
      if (d.status() == Status.ON_TIME) {
        counts[0]++;
        onTime++;
      } else if (d.status() == Status.LATE || d.status() == Status.OVERDUE) {
        counts[1]++;
        late++;
      }
    }
    List<Month> months = new ArrayList<>();
    byMonth.forEach((m, c) -> months.add(new Month(m.toString(), monthLabel(m, locale), c[0] + c[1], c[0], c[1])));
    List<Justified> justified = new ArrayList<>();
    published.news().forEach(n -> ledger.exception(n.url()).ifPresent(r -> justified.add(new Justified(n.url(), n.title(), reasons(r)))));
    published.documents().forEach(d -> ledger.exception(d.url()).ifPresent(r -> justified.add(new Justified(d.url(), d.title(), reasons(r)))));
    return new Summary(onTime + late, onTime, late, List.copyOf(months), chart(months), List.copyOf(justified));
  }

  private static String monthLabel(YearMonth m, Locale locale) {
    String day = AzDates.format(m.atDay(1), locale);
    return day.substring(day.indexOf(' ') + 1); // "oktyabr 2012"
  }

  static Chart chart(List<Month> all) {
    List<Month> months = all.subList(Math.max(0, all.size() - CHART_MONTHS), all.size());
    int max = Math.max(1, months.stream().mapToInt(Month::total).max().orElse(1));
    int bottom = TOP + HEIGHT;
    List<Bar> bars = new ArrayList<>();
    int x = LEFT + (SLOT - BAR_WIDTH) / 2;
    for (Month m : months) {
      int total = Math.round((float) HEIGHT * m.total() / max);
      int onTime = m.total() == 0 ? 0 : Math.round((float) total * m.onTime() / m.total());
      int lateHeight = total - onTime;
      int space = m.label().indexOf(' ');
      String month = space < 0 ? m.label() : m.label().substring(0, space);
      String year = space < 0 ? "" : m.label().substring(space + 1);
      bars.add(new Bar(x, bottom - total, onTime, bottom - lateHeight, lateHeight, x + BAR_WIDTH / 2, bottom - total - 6,
          m.total(), month, year, m.label()));
      x += SLOT;
    }
    List<Tick> ticks = new ArrayList<>();
    ticks.add(new Tick(bottom, 0));
    if (max >= 4 && max % 2 == 0) {
      ticks.add(new Tick(bottom - HEIGHT / 2, max / 2));
    }
    ticks.add(new Tick(TOP, max));
    return new Chart(LEFT + Math.max(1, months.size()) * SLOT + 8, bottom + BOTTOM, LEFT, TOP, bottom, BAR_WIDTH,
        List.copyOf(ticks), List.copyOf(bars));
  }
}
