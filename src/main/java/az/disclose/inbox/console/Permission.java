package az.disclose.inbox.console;

import az.disclose.inbox.accounts.Role;
import java.util.EnumSet;
import java.util.Set;

/** What a page or action of the console needs; each role has a fixed set (docs/console.md, "Roles"). */
public enum Permission {
  /** The request list and a request's page. */
  READ,
  /** The actions on a request (answer, extend, forward, clarify, refuse, note). */
  ACT,
  /** The flow of a request between the officers and the units: assign, reassign, reopen, withdraw. */
  ROUTE,
  /**
   * Editing the templates of answers and notices, and adding, retiring or reinstating a refusal
   * ground (born with its templates); every signed-in account may read both.
   */
  TEMPLATES,
  /** The mail quarantine: list, view, register, dismiss. */
  QUARANTINE,
  /** Accounts: add, disable, reset, change role. */
  MANAGE_ACCOUNTS,
  /** The account audit. */
  AUDIT;

  /** The permissions of {@code role}. */
  public static Set<Permission> of(Role role) {
    return switch (role) {
      case ADMINISTRATOR -> EnumSet.allOf(Permission.class);
      case FOI_OFFICER -> EnumSet.of(READ, ACT, ROUTE, TEMPLATES, QUARANTINE);
      case UNIT_RESPONDER -> EnumSet.of(READ, ACT);
      case VIEWER -> EnumSet.of(READ);
    };
  }

  public boolean grantedTo(Role role) {
    return of(role).contains(this);
  }
}
