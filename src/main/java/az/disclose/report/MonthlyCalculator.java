package az.disclose.report;

import az.disclose.calendar.CalendarWarning;
import az.disclose.calendar.DeadlineRule;
import az.disclose.calendar.WorkingDays;
import az.disclose.inbox.model.Channel;
import az.disclose.inbox.model.EventKind;
import az.disclose.inbox.model.RequestType;
import az.disclose.inbox.store.ReportQueries.Numbers;
import az.disclose.inbox.store.ReportQueries.PurgedNumber;
import az.disclose.inbox.store.ReportQueries.ReportEvent;
import az.disclose.inbox.store.ReportQueries.ReportRow;
import az.disclose.report.MonthlyReport.ClassLine;
import az.disclose.report.MonthlyReport.GroundLine;
import az.disclose.report.MonthlyReport.Integrity;
import az.disclose.report.MonthlyReport.OpenSnapshot;
import az.disclose.report.MonthlyReport.Reconciliation;
import az.disclose.report.MonthlyReport.Speed;
import az.disclose.report.MonthlyReport.TypeLine;
import az.disclose.report.MonthlyReport.UnitLine;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The monthly FOI report as a pure function of rows read from the register: no database, no clock
 * (the time of the report is an argument), so that every figure can be checked by hand (docs/reports.md).
 */
public final class MonthlyCalculator {
  /** The most missing (or out-of-period) numbers listed by name in the integrity line; the rest are counted. */
  public static final int MAX_LISTED = 20;

  private final ZoneId zone;
  private final WorkingDays workingDays;
  private final List<DeadlineRule> rules;
  private final String numberPrefix;

  /**
   * @param numberPrefix the register's number prefix ({@code SEN}), to name numbers that are not in it
   */
  public MonthlyCalculator(ZoneId zone, WorkingDays workingDays, List<DeadlineRule> rules, String numberPrefix) {
    this.zone = Objects.requireNonNull(zone, "zone");
    this.workingDays = Objects.requireNonNull(workingDays, "workingDays");
    this.rules = List.copyOf(rules);
    this.numberPrefix = Objects.requireNonNull(numberPrefix, "numberPrefix");
  }

  /** A sequence range of one year whose numbers the integrity line needs to know. */
  public record NumberRange(int year, int low, int high) {}

  /**
   * Per year, the numbers the integrity line looks up: from the number before the period's first
   * (from 1 when the year began inside the period) to the period's last.
   */
  public List<NumberRange> numberRanges(ReportPeriod period, List<ReportRow> rows, List<PurgedNumber> purged) {
    Map<Integer, TreeSet<Integer>> inPeriod = numbersInPeriod(period, rows, purged);
    List<NumberRange> out = new ArrayList<>();
    inPeriod.forEach((year, seqs) -> {
      boolean yearBeganInside = !LocalDate.of(year, 1, 1).isBefore(period.first());
      int low = yearBeganInside ? 1 : Math.max(1, seqs.first() - 1);
      out.add(new NumberRange(year, low, seqs.last()));
    });
    return out;
  }

  private Map<Integer, TreeSet<Integer>> numbersInPeriod(ReportPeriod period, List<ReportRow> rows,
      List<PurgedNumber> purged) {
    Instant start = period.start(zone);
    Instant end = period.end(zone);
    Map<Integer, TreeSet<Integer>> out = new TreeMap<>();
    for (ReportRow r : rows) {
      if (within(r.registeredAt(), start, end)) {
        out.computeIfAbsent(r.year(), y -> new TreeSet<>()).add(r.sequence());
      }
    }
    for (PurgedNumber p : purged) {
      if (within(p.registeredAt(), start, end)) {
        out.computeIfAbsent(p.year(), y -> new TreeSet<>()).add(p.sequence());
      }
    }
    return out;
  }

  /** The report of {@code period} as of {@code now}. */
  public MonthlyReport compute(ReportPeriod period, MonthlyInput input, Instant now) {
    Instant start = period.start(zone);
    Instant end = period.end(zone);
    Instant asOf = now.isBefore(end) ? now : end;

    int[][] received = new int[RequestType.values().length][Channel.values().length];
    Map<DeadlineClass, int[]> answered = new EnumMap<>(DeadlineClass.class);
    for (DeadlineClass c : DeadlineClass.values()) {
      answered.put(c, new int[2]);
    }
    int refused = 0;
    int forwarded = 0;
    int withdrawn = 0;
    // per unit: received, in time, late, overdue at the end ("" = no unit)
    Map<String, int[]> byUnit = new TreeMap<>();
    Map<String, Integer> grounds = new TreeMap<>();
    Map<String, Map<String, String>> groundNames = new TreeMap<>();
    List<Integer> answerDays = new ArrayList<>();
    Counting open = new Counting(start);
    Counting openEnd = new Counting(asOf);
    LocalDate firstDay = null;
    LocalDate lastDay = null;
    List<ReportRow> answers = new ArrayList<>();

    for (ReportRow r : latestPerRequest(input.rows())) {
      int[] unit = byUnit.computeIfAbsent(r.unit(), u -> new int[4]);
      if (within(r.registeredAt(), start, end)) {
        received[r.type().ordinal()][r.channel().ordinal()]++;
        unit[0]++;
      }
      open.add(r);
      if (openEnd.add(r) && r.dueAt().isBefore(asOf)) {
        unit[3]++;
      }
      if (r.closedAt().isPresent() && within(r.closedAt().get(), start, end)) {
        EventKind kind = r.closedBy().orElseThrow();
        switch (kind) {
          case ANSWERED -> {
            boolean inTime = !r.closedAt().get().isAfter(r.dueAt());
            answered.get(DeadlineClass.of(r.type(), r.urgency()))[inTime ? 0 : 1]++;
            unit[inTime ? 1 : 2]++;
            answers.add(r);
            LocalDate reg = day(r.registeredAt());
            LocalDate ans = day(r.closedAt().get());
            firstDay = firstDay == null || reg.isBefore(firstDay) ? reg : firstDay;
            lastDay = lastDay == null || ans.isAfter(lastDay) ? ans : lastDay;
          }
          case REFUSED -> {
            refused++;
            String g = ground(r.refusalGround());
            grounds.merge(g, 1, Integer::sum);
            az.disclose.inbox.model.Refusal.parse(r.refusalGround()).map(az.disclose.inbox.model.Refusal::names)
                .filter(n -> !n.isEmpty()).ifPresent(n -> groundNames.putIfAbsent(g, n));
          }
          case FORWARDED -> forwarded++;
          case WITHDRAWN -> withdrawn++;
          default -> throw new IllegalStateException(r.number() + ": unexpected closing event " + kind);
        }
      }
    }
    if (!answers.isEmpty()) {
      WorkingDayIndex index = new WorkingDayIndex(firstDay, lastDay);
      for (ReportRow r : answers) {
        answerDays.add(index.between(day(r.registeredAt()), day(r.closedAt().orElseThrow())));
      }
    }

    int extensions = 0;
    int clarifications = 0;
    for (ReportEvent e : input.events()) {
      if (!within(e.at(), start, end)) {
        continue;
      }
      if (e.kind() == EventKind.EXTENDED) {
        extensions++;
      } else if (e.kind() == EventKind.CLARIFICATION_REQUESTED) {
        clarifications++;
      }
    }

    List<TypeLine> typeLines = new ArrayList<>();
    int web = 0;
    int email = 0;
    for (RequestType t : RequestType.values()) {
      int[] byChannel = received[t.ordinal()];
      typeLines.add(new TypeLine(t, byChannel[Channel.WEB.ordinal()], byChannel[Channel.EMAIL.ordinal()]));
      web += byChannel[Channel.WEB.ordinal()];
      email += byChannel[Channel.EMAIL.ordinal()];
    }
    TypeLine receivedTotal = new TypeLine(null, web, email);

    List<ClassLine> classLines = new ArrayList<>();
    int inTime = 0;
    int late = 0;
    for (DeadlineClass c : DeadlineClass.values()) {
      int[] counts = answered.get(c);
      classLines.add(new ClassLine(c, c.period(rules, true), c.period(rules, false), counts[0], counts[1]));
      inTime += counts[0];
      late += counts[1];
    }
    ClassLine answeredTotal = new ClassLine(null, "", "", inTime, late);

    List<GroundLine> groundLines = grounds.entrySet().stream()
        .map(e -> new GroundLine(e.getKey(), groundNames.getOrDefault(e.getKey(), Map.of()), e.getValue()))
        .sorted(Comparator.comparingInt(GroundLine::count).reversed().thenComparing(GroundLine::ground))
        .toList();

    OpenSnapshot atStart = open.snapshot();
    OpenSnapshot atEnd = openEnd.snapshot();
    Reconciliation reconciliation = new Reconciliation(receivedTotal.total(), answeredTotal.total(), refused, forwarded,
        withdrawn, atStart.total(), atEnd.total());
    boolean unitsAssigned = byUnit.keySet().stream().anyMatch(u -> !u.isEmpty());
    List<UnitLine> unitLines = new ArrayList<>();
    if (unitsAssigned) {
      // the units by id, then the requests of no unit; a unit with nothing in the period is left out
      byUnit.forEach((u, n) -> {
        if (!u.isEmpty() && (n[0] + n[1] + n[2] + n[3]) > 0) {
          unitLines.add(new UnitLine(u, n[0], n[1], n[2], n[3]));
        }
      });
      int[] none = byUnit.getOrDefault("", new int[4]);
      unitLines.add(new UnitLine("", none[0], none[1], none[2], none[3]));
    }

    List<String> warningsAz = new ArrayList<>();
    List<String> warningsEn = new ArrayList<>();
    for (CalendarWarning w : workingDays.missingDataWarnings(period.first(), period.last())) {
      warningsAz.add(w.azerbaijani());
      warningsEn.add(w.english());
    }
    if (!reconciliation.holds()) {
      // cannot happen with a consistent register: every row is counted by the same timestamps on both sides
      warningsAz.add("Yekunlar uzlaşmır: registri yoxlayın.");
      warningsEn.add("The totals do not reconcile: check the register.");
    }

    return new MonthlyReport(period, now, asOf, asOf.isBefore(end), typeLines, receivedTotal, classLines,
        answeredTotal, atStart, atEnd, extensions, clarifications, forwarded, refused, groundLines,
        speed(answerDays), integrity(period, input), reconciliation, unitsAssigned, unitLines, warningsAz, warningsEn);
  }

  /**
   * One row per request: a reopened request comes once per closing event since the period's start
   * and once more when it is open now. It is counted by its latest state: open when it is open now
   * (its earlier answer is not counted), else by its latest closing event (docs/reports.md).
   */
  static List<ReportRow> latestPerRequest(List<ReportRow> rows) {
    Map<String, ReportRow> latest = new java.util.HashMap<>();
    boolean duplicates = false;
    for (ReportRow r : rows) {
      ReportRow seen = latest.putIfAbsent(r.number(), r);
      if (seen != null) {
        duplicates = true;
        if (later(r, seen)) {
          latest.put(r.number(), r);
        }
      }
    }
    return duplicates ? new ArrayList<>(latest.values()) : rows;
  }

  /** Whether {@code a} is a later state of the request than {@code b}: open beats closed, then the later close. */
  private static boolean later(ReportRow a, ReportRow b) {
    if (a.closedAt().isEmpty() || b.closedAt().isEmpty()) {
      return a.closedAt().isEmpty() && b.closedAt().isPresent();
    }
    return a.closedAt().get().isAfter(b.closedAt().get());
  }

  /**
   * The open requests at one moment: registered before it and not closed before it (a request
   * closed at the very moment the period starts is open at its start and closed in it).
   */
  private final class Counting {
    private final Instant at;
    private int inTime;
    private int overdue;
    private ReportRow oldest;

    Counting(Instant at) {
      this.at = at;
    }

    /** Counts {@code r} when it is open at the moment; returns whether it is. */
    boolean add(ReportRow r) {
      if (!r.registeredAt().isBefore(at)) {
        return false;
      }
      if (r.closedAt().isPresent() && r.closedAt().get().isBefore(at)) {
        return false;
      }
      if (r.dueAt().isBefore(at)) {
        overdue++;
      } else {
        inTime++;
      }
      if (oldest == null || r.registeredAt().isBefore(oldest.registeredAt())
          || r.registeredAt().equals(oldest.registeredAt()) && r.number().compareTo(oldest.number()) < 0) {
        oldest = r;
      }
      return true;
    }

    OpenSnapshot snapshot() {
      return new OpenSnapshot(at, inTime, overdue, oldest == null ? "" : oldest.number(),
          oldest == null ? null : day(oldest.registeredAt()));
    }
  }

  /** Counts working days between two dates with one walk of the calendar over the whole range. */
  private final class WorkingDayIndex {
    private final LocalDate first;
    private final int[] cumulative;

    WorkingDayIndex(LocalDate first, LocalDate last) {
      this.first = first;
      int days = (int) ChronoUnit.DAYS.between(first, last) + 1;
      cumulative = new int[days];
      int count = 0;
      for (int i = 0; i < days; i++) {
        if (workingDays.isWorkingDay(first.plusDays(i))) {
          count++;
        }
        cumulative[i] = count;
      }
    }

    /** The working days after {@code from} up to and including {@code to} (0 when {@code to} is not after it). */
    int between(LocalDate from, LocalDate to) {
      if (!to.isAfter(from)) {
        return 0;
      }
      return cumulative[(int) ChronoUnit.DAYS.between(first, to)] - cumulative[(int) ChronoUnit.DAYS.between(first, from)];
    }
  }

  static Speed speed(List<Integer> days) {
    if (days.isEmpty()) {
      return new Speed(0, 0, 0);
    }
    int[] sorted = days.stream().mapToInt(Integer::intValue).toArray();
    Arrays.sort(sorted);
    return new Speed(sorted.length, nearestRank(sorted, 50), nearestRank(sorted, 90));
  }

  /** The {@code p}-th percentile by nearest rank: the value at rank ⌈p/100 × n⌉ of the sorted values. */
  static int nearestRank(int[] sorted, int p) {
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(rank, 1) - 1];
  }

  private List<Integrity> integrity(ReportPeriod period, MonthlyInput input) {
    Map<Integer, TreeSet<Integer>> inPeriod = numbersInPeriod(period, input.rows(), input.purged());
    Instant start = period.start(zone);
    Instant end = period.end(zone);
    Map<Integer, NumberRange> ranges = new TreeMap<>();
    for (NumberRange r : numberRanges(period, input.rows(), input.purged())) {
      ranges.put(r.year(), r);
    }
    List<Integrity> out = new ArrayList<>();
    for (Map.Entry<Integer, TreeSet<Integer>> e : inPeriod.entrySet()) {
      int year = e.getKey();
      TreeSet<Integer> seqs = e.getValue();
      int purged = (int) input.purged().stream()
          .filter(p -> p.year() == year && within(p.registeredAt(), start, end)).count();
      Numbers known = input.numbers().get(year);
      if (known == null) {
        throw new IllegalArgumentException("the numbers of " + year + " were not read from the register");
      }
      NumberRange range = ranges.get(year);
      List<String> missing = new ArrayList<>();
      int missingCount = 0;
      List<String> elsewhere = new ArrayList<>();
      for (int s = range.low(); s <= range.high(); s++) {
        boolean inRegister = known.present().contains(s) || known.purged().contains(s);
        if (!inRegister) {
          missingCount++;
          if (missing.size() < MAX_LISTED) {
            missing.add(number(year, s));
          }
        } else if (s >= seqs.first() && !seqs.contains(s) && elsewhere.size() < MAX_LISTED) {
          elsewhere.add(number(year, s));
        }
      }
      out.add(new Integrity(year, number(year, seqs.first()), number(year, seqs.last()), seqs.size(), purged,
          missing, missingCount, elsewhere));
    }
    return out;
  }

  /** {@code SEN-2026-00042}, as RegisterService numbers requests. */
  String number(int year, int sequence) {
    return String.format(Locale.ROOT, "%s-%d-%05d", numberPrefix, year, sequence);
  }

  /**
   * The legal ground of a refusal event's text, whitespace collapsed: the ground's key ({@link
   * az.disclose.inbox.model.Refusal}), or the words of a refusal recorded before grounds had keys.
   */
  static String ground(String text) {
    String t = az.disclose.inbox.model.Refusal.parse(text).map(az.disclose.inbox.model.Refusal::ground)
        .orElse(text == null ? "" : text.strip());
    t = t.replaceAll("\\s+", " ").strip();
    return t.isEmpty() ? "—" : t;
  }

  private LocalDate day(Instant at) {
    return at.atZone(zone).toLocalDate();
  }

  private static boolean within(Instant at, Instant start, Instant end) {
    return !at.isBefore(start) && at.isBefore(end);
  }
}
