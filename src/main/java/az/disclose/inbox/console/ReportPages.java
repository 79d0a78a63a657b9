package az.disclose.inbox.console;

import az.disclose.inbox.PublishedStatistics;
import az.disclose.inbox.Register.RegisterException;
import java.util.ArrayList;
import java.util.List;

/**
 * The register's figures for every account, the viewers (commission, leadership) first
 * (docs/console.md, "Reports"): by year and by month of registration, the same counts the site
 * publishes ({@link PublishedStatistics}), as of now. The monthly FOI report and the annual report
 * themselves are made by {@code disclose report} (docs/reports.md).
 */
final class ReportPages {
  private final Console console;

  ReportPages(Console console) {
    this.console = console;
  }

  void figures(Web w, Console.Call c) throws Exception {
    PublishedStatistics.Snapshot s;
    try {
      s = console.register.statistics();
    } catch (RegisterException e) {
      console.unavailable(w, c.t, e);
      return;
    }
    List<Views.FigureRow> months = new ArrayList<>();
    // newest month first: what leadership asks about
    for (int i = s.months().size() - 1; i >= 0; i--) {
      months.add(row(s.months().get(i)));
    }
    List<Views.FigureRow> years = new ArrayList<>();
    for (int i = s.years().size() - 1; i >= 0; i--) {
      years.add(row(s.years().get(i)));
    }
    console.page(w, 200, "reports.ftlh", console.frame(w, c.t, c.session, c.t.get("reports.title"), "", List.of()),
        new Views.Figures(console.date(s.asOf(), c.t), years, months));
  }

  private static Views.FigureRow row(PublishedStatistics.Period p) {
    PublishedStatistics.Counts n = p.counts();
    return new Views.FigureRow(p.period(), n.received(), n.web(), n.email(), n.answered(), n.answeredOnTime(),
        n.answeredLate(), n.refused(), n.forwarded(), n.open(), n.openOverdue(),
        n.medianWorkingDays().map(d -> d.stripTrailingZeros().toPlainString()).orElse("—"));
  }
}
