package az.disclose.inbox;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * A component whose tables hold data of requests (the mail intake's) and which removes it in the
 * purge's transaction: what it removes is in the {@link PurgeReport}. Registered with {@link
 * RegisterService#addPurgeParticipant}.
 */
public interface PurgeParticipant {
  /**
   * What was (or, in a dry run, would be) removed: processed-message keys, outbox rows, quarantine
   * entries registered as a request, and the ids of dismissed quarantine entries.
   */
  record Removed(int messages, int outbox, int quarantine, List<Long> dismissed) {
    public static final Removed NOTHING = new Removed(0, 0, 0, List.of());

    public Removed plus(Removed o) {
      List<Long> ids = new java.util.ArrayList<>(dismissed);
      ids.addAll(o.dismissed);
      return new Removed(messages + o.messages, outbox + o.outbox, quarantine + o.quarantine, List.copyOf(ids));
    }
  }

  /** The data of the purged request {@code number}; deleted unless {@code dryRun}. */
  Removed ofRequest(Tables tx, String number, boolean dryRun) throws SQLException;

  /**
   * The data of no request that is older than {@code cutoff} and may go; deleted unless {@code
   * dryRun}. Data still waiting for an officer is never touched.
   */
  Removed unattached(Tables tx, Instant cutoff, boolean dryRun) throws SQLException;
}
