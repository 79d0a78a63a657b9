package az.disclose.inbox.console;

import az.disclose.inbox.accounts.Account;
import az.disclose.inbox.accounts.Role;
import az.disclose.inbox.model.RequestSummary;
import az.disclose.inbox.model.RequestView;

/**
 * Which requests an account may see and work, beyond its role's {@link Permission}s: the unit check
 * of a unit responder ("only requests assigned to their unit"). The register does not assign
 * requests to units yet, so {@link #UNTIL_ASSIGNMENT} lets a responder see no request at all; when
 * assignment exists, an implementation that compares the request's unit with the account's takes
 * its place (one place: the list and every request page and action ask it).
 */
public interface RequestAccess {
  /** Whether {@code account} may see (and, with {@link Permission#ACT}, work) the request. */
  boolean mayOpen(Account account, RequestView request);

  /** Whether the request belongs in {@code account}'s list. */
  boolean listed(Account account, RequestSummary request);

  /** Every request for every role but the unit responder, who has none until requests are assigned. */
  RequestAccess UNTIL_ASSIGNMENT = new RequestAccess() {
    @Override
    public boolean mayOpen(Account account, RequestView request) {
      return account.role() != Role.UNIT_RESPONDER;
    }

    @Override
    public boolean listed(Account account, RequestSummary request) {
      return account.role() != Role.UNIT_RESPONDER;
    }
  };
}
