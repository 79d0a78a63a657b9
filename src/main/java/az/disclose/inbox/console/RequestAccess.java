package az.disclose.inbox.console;

import az.disclose.inbox.accounts.Account;
import az.disclose.inbox.accounts.Role;
import az.disclose.inbox.model.Assignment;
import az.disclose.inbox.model.AssignmentState;

/**
 * Which requests an account may see and work, beyond its role's {@link Permission}s: the unit check
 * of a unit responder ("only requests assigned to their unit"). One place: every request page, file,
 * download and action asks it; the queues of a responder are narrowed to the unit in the database
 * query itself ({@code RequestPages#list}).
 */
public interface RequestAccess {
  /** Whether {@code account} may see (and, with {@link Permission#ACT}, work) a request assigned so. */
  boolean mayOpen(Account account, Assignment assignment);

  /**
   * Every request for every role but the unit responder, who sees a request only while it is
   * assigned to the account's unit and not sent back (pending or accepted).
   */
  RequestAccess BY_UNIT = (account, a) -> account.role() != Role.UNIT_RESPONDER
      || account.unit().isPresent() && a.unit().equals(account.unit())
          && (a.state() == AssignmentState.PENDING || a.state() == AssignmentState.ACCEPTED);
}
