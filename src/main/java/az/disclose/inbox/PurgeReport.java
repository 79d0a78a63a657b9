package az.disclose.inbox;

import java.time.Instant;
import java.util.List;

/**
 * What a purge removed (or, for a dry run, would remove).
 *
 * @param cutoff records whose last event is before this instant were considered
 * @param removed the numbers removed, with their attachments and history
 * @param keptOpen old numbers kept because they still await an answer
 * @param mailMessages processed-message keys removed: those of the removed requests (their
 *     messages, replies and bounces), of the removed quarantine entries, and auto-replies and
 *     bounces tied to no request received before the cutoff
 * @param outbox outbox rows (mail sent to the removed requests' requesters) removed
 * @param quarantineRegistered quarantine entries registered as one of the removed requests, removed
 * @param quarantineDismissed the ids of dismissed quarantine entries received and dismissed before
 *     the cutoff, removed with their raw bytes (open entries are never removed)
 */
public record PurgeReport(int olderThanDays, Instant cutoff, boolean dryRun, List<String> removed, List<String> keptOpen,
    int mailMessages, int outbox, int quarantineRegistered, List<Long> quarantineDismissed) {
  public PurgeReport {
    removed = List.copyOf(removed);
    keptOpen = List.copyOf(keptOpen);
    quarantineDismissed = List.copyOf(quarantineDismissed);
  }

  /** A report that removed nothing from the mail tables. */
  public PurgeReport(int olderThanDays, Instant cutoff, boolean dryRun, List<String> removed, List<String> keptOpen) {
    this(olderThanDays, cutoff, dryRun, removed, keptOpen, 0, 0, 0, List.of());
  }
}
