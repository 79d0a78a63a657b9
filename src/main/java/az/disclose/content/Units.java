package az.disclose.content;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The ministry's units that report twice a month (rule 3 of the internal FOI rules), from {@code
 * content/data/units.yaml}, and the first day from which their reports are tracked.
 */
public record Units(LocalDate reportingSince, List<Unit> units) {
  public Units {
    units = List.copyOf(units);
  }

  /**
   * One unit: its id (used in the reports' front matter), its name as in the order, the address
   * reminders would go to (empty: none), and the plan measures it executes (the plan's executors).
   */
  public record Unit(String id, String name, String email, List<String> measures) {
    public Unit {
      measures = List.copyOf(measures);
    }
  }

  public Optional<Unit> find(String id) {
    return units.stream().filter(u -> u.id().equals(id)).findFirst();
  }
}
