package az.disclose.inbox;

import java.time.LocalDate;
import java.util.List;

/** The open requests whose due date changed when the deadlines were recomputed. */
public record RecomputeReport(int checked, List<Change> changed) {
  public RecomputeReport {
    changed = List.copyOf(changed);
  }

  public record Change(String number, LocalDate oldDueDate, LocalDate newDueDate) {}
}
