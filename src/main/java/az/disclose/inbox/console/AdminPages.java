package az.disclose.inbox.console;

import az.disclose.inbox.accounts.Account;
import az.disclose.inbox.accounts.AccountException;
import az.disclose.inbox.accounts.AuditEvent;
import az.disclose.inbox.accounts.Enrolment;
import az.disclose.inbox.accounts.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** The administrators' pages: the account audit and account management, through {@link az.disclose.inbox.accounts.Accounts}. */
final class AdminPages {
  /** The changes to one account, each a POST of its own form. */
  static final List<String> ACTIONS = List.of("disable", "reset", "role", "sign-out");
  /** Audit rows per page. */
  static final int AUDIT_PAGE = 100;

  private final Console console;

  AdminPages(Console console) {
    this.console = console;
  }

  void audit(Web w, Console.Call c) throws Exception {
    String before = w.query("before");
    OptionalLong b = before.matches("\\d{1,18}") ? OptionalLong.of(Long.parseLong(before)) : OptionalLong.empty();
    List<AuditEvent> events = console.accounts.auditPage(b, AUDIT_PAGE + 1);
    boolean more = events.size() > AUDIT_PAGE;
    List<Views.AuditRow> rows = new ArrayList<>();
    for (AuditEvent e : events.subList(0, Math.min(events.size(), AUDIT_PAGE))) {
      rows.add(new Views.AuditRow(console.time(e.at()), e.actor(), e.username(), e.kind().key(), e.detail()));
    }
    String older = more ? Console.PATH + "/audit?before=" + events.get(AUDIT_PAGE - 1).id() : "";
    String newer = b.isPresent() ? Console.PATH + "/audit" : "";
    console.page(w, 200, "audit.ftlh", console.frame(w, c.t, c.session, c.t.get("audit.title"), "", List.of()),
        new Views.Audit(rows, newer, older));
  }

  void accounts(Web w, Console.Call c) throws Exception {
    showAccounts(w, c, 200, Console.flash(w, c.t), List.of(), "", "", Role.FOI_OFFICER);
  }

  private void showAccounts(Web w, Console.Call c, int status, String flash, List<Views.FieldError> errors,
      String username, String unit, Role role) throws Exception {
    List<Views.AccountRow> rows = new ArrayList<>();
    for (Account a : console.accounts.list()) {
      rows.add(new Views.AccountRow(a.username(), c.t.get("role." + a.role().key()), a.unit().orElse(""), a.disabled(),
          a.lockedAt(console.clock.instant()), a.secondFactor(), console.time(a.createdAt())));
    }
    console.page(w, status, "accounts.ftlh", console.frame(w, c.t, c.session, c.t.get("accounts.title"), flash, errors),
        new Views.AccountsPage(rows, roles(c, role), username, unit));
  }

  private static List<Views.Option> roles(Console.Call c, Role selected) {
    List<Views.Option> out = new ArrayList<>();
    for (Role r : Role.values()) {
      out.add(new Views.Option(r.key(), c.t.get("role." + r.key()), r == selected));
    }
    return out;
  }

  void add(Web w, Console.Call c) throws Exception {
    String username = c.form.get("username");
    String unit = c.form.get("unit");
    Role role;
    try {
      role = Role.of(c.form.get("role"));
    } catch (AccountException e) {
      showAccounts(w, c, 400, "", List.of(new Views.FieldError("role", c.t.get("accounts.error.role"))), username, unit,
          Role.FOI_OFFICER);
      return;
    }
    if (role == Role.UNIT_RESPONDER && !knownUnit(unit)) {
      showAccounts(w, c, 400, "", List.of(new Views.FieldError("unit", unitError(c))), username, unit, role);
      return;
    }
    try {
      var created = console.accounts.create(username, role, Optional.of(unit), c.form.raw("password"), c.actor());
      console.audited(c, "account " + created.account().username() + " added");
      enrolledOrBack(w, c, created.account().username(), created.enrolment(), "added");
    } catch (AccountException e) {
      // The accounts' own words (English): what was wrong and what to do.
      showAccounts(w, c, 400, "", List.of(new Views.FieldError("username", c.t.get("accounts.error.refused") + " "
          + e.getMessage())), username, unit, role);
    }
  }

  /** Whether {@code unit} is one of the register's units (those of data/units.yaml); any when none is known. */
  private boolean knownUnit(String unit) {
    return console.register.units().isEmpty() || console.register.units().contains(unit.strip());
  }

  private String unitError(Console.Call c) {
    return c.t.format("accounts.error.unit", String.join(", ", new java.util.TreeSet<>(console.register.units())));
  }

  void change(Web w, Console.Call c, String action) throws Exception {
    String name = c.param("name");
    if (action.equals("role") && c.form.get("role").equals(Role.UNIT_RESPONDER.key()) && !knownUnit(c.form.get("unit"))) {
      showAccounts(w, c, 400, "", List.of(new Views.FieldError("username", unitError(c))), "", "", Role.FOI_OFFICER);
      return;
    }
    try {
      Optional<Enrolment> enrolment = Optional.empty();
      switch (action) {
        case "disable" -> console.accounts.disable(name, c.actor());
        case "reset" -> enrolment = console.accounts.resetPassword(name, c.form.raw("password"),
            c.form.get("second_factor").equals("1"), c.actor());
        case "role" -> enrolment = console.accounts.changeRole(name, Role.of(c.form.get("role")),
            Optional.of(c.form.get("unit")), c.actor());
        case "sign-out" -> console.sessions.endAll(name, c.actor());
        default -> throw new IllegalArgumentException("unknown account action " + action);
      }
      console.audited(c, "account " + name + ": " + action);
      enrolledOrBack(w, c, name, enrolment, action);
    } catch (AccountException e) {
      showAccounts(w, c, 400, "", List.of(new Views.FieldError("username", c.t.get("accounts.error.refused") + " "
          + e.getMessage())), "", "", Role.FOI_OFFICER);
    }
  }

  /** A second factor just enrolled is shown this once (never in a redirect's address); else back to the list. */
  private void enrolledOrBack(Web w, Console.Call c, String username, Optional<Enrolment> enrolment, String flash)
      throws Exception {
    if (enrolment.isEmpty()) {
      w.redirect(Console.PATH + "/accounts?flash=account-" + flash);
      return;
    }
    Enrolment e = enrolment.get();
    console.page(w, 200, "enrolment.ftlh", console.frame(w, c.t, c.session, c.t.get("enrolment.title"),
        c.t.get("flash.account-" + flash), List.of()),
        new Views.Enrolment(username, e.secret(), e.uri(), e.recoveryCodes()));
  }
}
