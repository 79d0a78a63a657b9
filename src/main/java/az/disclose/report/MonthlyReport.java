package az.disclose.report;

import az.disclose.inbox.model.RequestType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The FOI officers' report to the ministry's leadership (point 6 of the order) for one period,
 * every figure counted from the register (docs/reports.md). Built by {@link MonthlyCalculator}.
 *
 * @param asOf the end of the period, or the time of the report when the period is not over yet: the
 *     moment the "open at the end" figures describe
 * @param partial whether the period was not over when the report was made
 */
public record MonthlyReport(
    ReportPeriod period,
    Instant generatedAt,
    Instant asOf,
    boolean partial,
    List<TypeLine> received,
    TypeLine receivedTotal,
    List<ClassLine> answered,
    ClassLine answeredTotal,
    OpenSnapshot openAtStart,
    OpenSnapshot openAtEnd,
    int extensions,
    int clarifications,
    int forwarded,
    int refused,
    List<GroundLine> refusalGrounds,
    Speed speed,
    List<Integrity> integrity,
    Reconciliation reconciliation,
    boolean unitsAssigned,
    List<UnitLine> units,
    List<String> warningsAz,
    List<String> warningsEn) {

  public MonthlyReport {
    received = List.copyOf(received);
    answered = List.copyOf(answered);
    refusalGrounds = List.copyOf(refusalGrounds);
    integrity = List.copyOf(integrity);
    units = List.copyOf(units);
    warningsAz = List.copyOf(warningsAz);
    warningsEn = List.copyOf(warningsEn);
  }

  /** Requests received of one type ({@code type} null for the total), by channel. */
  public record TypeLine(RequestType type, int web, int email) {
    public int total() {
      return web + email;
    }

    public String key() {
      return type == null ? "total" : type.key();
    }
  }

  /** Answers given in the period to requests of one deadline class ({@code null}: all), in time and late. */
  public record ClassLine(DeadlineClass deadlineClass, String periodAz, String periodEn, int inTime, int late) {
    public int total() {
      return inTime + late;
    }

    public String key() {
      return deadlineClass == null ? "total" : deadlineClass.key();
    }
  }

  /**
   * The open requests at one moment: within their period and overdue (due time before the moment,
   * by the due time in force now), and the oldest ({@code oldestNumber} empty when none is open).
   */
  public record OpenSnapshot(Instant at, int inTime, int overdue, String oldestNumber, LocalDate oldestRegistered) {
    public int total() {
      return inTime + overdue;
    }

    public boolean hasOldest() {
      return !oldestNumber.isEmpty();
    }
  }

  /**
   * Refusals in the period with one legal ground: its key (or, for refusals recorded before grounds
   * had keys, the words the officer wrote), and its name by language as a refusal recorded it.
   */
  public record GroundLine(String ground, Map<String, String> names, int count) {
    public GroundLine {
      names = Map.copyOf(names);
    }

    /** The ground as a reader of {@code language} reads it: its name and key, or what was written. */
    public String label(String language) {
      String name = names.getOrDefault(language, names.values().stream().sorted().findFirst().orElse(""));
      return name.isBlank() ? ground : name + " (" + ground + ")";
    }
  }

  /**
   * Working days from registration to answer over the answers of the period: day 1 is the first
   * working day after the registration day (art. 24.5), an answer on the registration day is 0; the
   * median and the 90th percentile by nearest rank. Meaningful only when {@code answers > 0}.
   */
  public record Speed(int answers, int median, int p90) {}

  /**
   * The numbering of one year's requests registered in the period: {@code firstNumber} to {@code
   * lastNumber}, {@code count} numbers, of which {@code purged} were removed after retention;
   * {@code missing} lists numbers not in the register at all (at most {@link
   * MonthlyCalculator#MAX_LISTED} of {@code missingCount}); {@code elsewhere} lists numbers inside the
   * range registered outside the period.
   */
  public record Integrity(int year, String firstNumber, String lastNumber, int count, int purged,
      List<String> missing, int missingCount, List<String> elsewhere) {
    public Integrity {
      missing = List.copyOf(missing);
      elsewhere = List.copyOf(elsewhere);
    }

    public boolean complete() {
      return missingCount == 0;
    }
  }

  /**
   * One unit's figures (docs/reports.md, "Per unit"): requests received in the period that are
   * assigned to it now, its answers in the period in time and late, and its open requests overdue at
   * the end of the period. {@code unit} is "" for the requests assigned to no unit.
   */
  public record UnitLine(String unit, int received, int inTime, int late, int overdue) {
    public boolean unassigned() {
      return unit.isEmpty();
    }
  }

  /**
   * received = answered + refused + forwarded + withdrawn + (open at the end − open at the start).
   */
  public record Reconciliation(int received, int answered, int refused, int forwarded, int withdrawn, int openAtStart,
      int openAtEnd) {
    public int changeInOpen() {
      return openAtEnd - openAtStart;
    }

    public boolean holds() {
      return received == answered + refused + forwarded + withdrawn + changeInOpen();
    }
  }
}
