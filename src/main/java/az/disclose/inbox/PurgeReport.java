package az.disclose.inbox;

import java.time.Instant;
import java.util.List;

/**
 * What a purge removed (or, for a dry run, would remove).
 *
 * @param cutoff records whose last event is before this instant were considered
 * @param removed the numbers removed, with their attachments and history
 * @param keptOpen old numbers kept because they still await an answer
 */
public record PurgeReport(int olderThanDays, Instant cutoff, boolean dryRun, List<String> removed, List<String> keptOpen) {
  public PurgeReport {
    removed = List.copyOf(removed);
    keptOpen = List.copyOf(keptOpen);
  }
}
