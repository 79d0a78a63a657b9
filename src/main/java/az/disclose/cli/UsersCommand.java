package az.disclose.cli;

import az.disclose.inbox.InboxSettings;
import az.disclose.inbox.InboxSettingsLoader;
import az.disclose.inbox.accounts.Account;
import az.disclose.inbox.accounts.AccountException;
import az.disclose.inbox.accounts.Accounts;
import az.disclose.inbox.accounts.AuditEvent;
import az.disclose.inbox.accounts.Enrolment;
import az.disclose.inbox.accounts.Role;
import az.disclose.inbox.store.JdbcRequestStore;
import az.disclose.inbox.StoreException;
import az.disclose.yaml.ProblemsException;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.ScopeType;

/** {@code disclose users ...}: the accounts of the officers' console (docs/console.md). */
@Command(
    name = "users",
    mixinStandardHelpOptions = true,
    description = "Manage the console's accounts: add, disable, reset, role, list, audit.",
    subcommands = {
      UsersCommand.AddCommand.class,
      UsersCommand.DisableCommand.class,
      UsersCommand.ResetCommand.class,
      UsersCommand.RoleCommand.class,
      UsersCommand.ListCommand.class,
      UsersCommand.AuditCommand.class
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:success",
      "1:bad input: unknown account, name taken, weak password, role without unit, invalid settings (file:line)",
      "2:wrong command-line usage",
      "3:the database failed"
    })
final class UsersCommand implements Runnable {
  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  /** The audit rows `users audit` shows by default. */
  static final int DEFAULT_AUDIT_ROWS = 50;

  @Option(names = "--config", paramLabel = "FILE", scope = ScopeType.INHERIT,
      description = "settings file (default: ./disclose.yaml when present, else the embedded defaults)")
  Path config;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(),
        "name a subcommand: add, disable, reset, role, list, audit (see --help)");
  }

  @FunctionalInterface
  interface Work {
    int run(Accounts accounts, ZoneId zone, PrintWriter out) throws Exception;
  }

  /** Opens the accounts on the register's database, runs {@code work}, maps failures to exit codes. */
  int withAccounts(CommandLine.Model.CommandSpec sub, Work work) {
    PrintWriter out = sub.commandLine().getOut();
    PrintWriter err = sub.commandLine().getErr();
    try {
      InboxSettings settings = config != null
          ? InboxSettingsLoader.load(config, System.getenv())
          : InboxSettingsLoader.loadDefault(System.getenv());
      try (JdbcRequestStore store = JdbcRequestStore.open(settings)) {
        return work.run(Accounts.standard(store, Clock.systemUTC()), settings.zone(), out);
      }
    } catch (ProblemsException e) {
      return Failures.problems(err, e);
    } catch (AccountException | BadInput e) {
      return Failures.badInput(err, "users", e);
    } catch (StoreException e) {
      return Failures.failed(err, "users", e.getMessage());
    } catch (Exception e) {
      return Failures.failed(err, "users", e.toString());
    } finally {
      out.flush();
      err.flush();
    }
  }

  /** Who does it, for the audit: {@code cli:} and --actor, else $USER. */
  static final class ActorOption {
    @Option(names = "--actor", paramLabel = "NAME", description = "who does it, for the audit (default: $USER)")
    String actor;

    String actor() throws BadInput {
      return "cli:" + BadInput.actor(actor);
    }
  }

  /** Where a new password comes from: the terminal (asked twice, not echoed) or standard input. */
  static final class PasswordOption {
    @Option(names = "--password-stdin",
        description = "read the password from the first line of standard input (for scripts) instead of asking")
    boolean stdin;

    String password(String username) throws BadInput, IOException {
      if (stdin) {
        String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        if (line == null || line.isEmpty()) {
          throw new BadInput("--password-stdin: standard input has no password on its first line");
        }
        return line;
      }
      Console console = System.console();
      if (console == null) {
        throw new BadInput("no terminal to ask the password on: give it on standard input with --password-stdin");
      }
      char[] first = console.readPassword("New password for %s (at least 12 characters): ", username);
      char[] second = console.readPassword("The same again: ");
      try {
        if (first == null || second == null || !Arrays.equals(first, second)) {
          throw new BadInput("the two passwords differ: nothing was changed");
        }
        return new String(first);
      } finally {
        if (first != null) {
          Arrays.fill(first, ' ');
        }
        if (second != null) {
          Arrays.fill(second, ' ');
        }
      }
    }
  }

  /** Prints a second factor just enrolled: the one time it is shown. */
  static void printEnrolment(PrintWriter out, String username, Enrolment e) {
    out.println();
    out.println("Second factor of " + username + " (shown this once; hand it to " + username + " in person):");
    out.println("  secret: " + e.secret());
    out.println("  URI:    " + e.uri());
    out.println("  Add it to an authenticator app (type the secret, or make a QR code of the URI).");
    out.println("  Recovery codes (each replaces a TOTP code once; keep them on paper):");
    for (String c : e.recoveryCodes()) {
      out.println("    " + c);
    }
  }

  /** The role an account gets and, for a unit_responder, its unit: the options of `add` and `role`. */
  static final class RoleOptions {
    @Option(names = "--role", required = true, paramLabel = "ROLE",
        description = "administrator, foi_officer, unit_responder or viewer")
    String role;

    @Option(names = "--unit", paramLabel = "UNIT", description = "the unit of a unit_responder")
    String unit;

    Optional<String> unit() {
      return unit == null || unit.isBlank() ? Optional.empty() : Optional.of(unit);
    }
  }

  // ---------------------------------------------------------------- add

  @Command(name = "add", mixinStandardHelpOptions = true,
      description = "Create an account. An administrator or FOI officer also gets a TOTP secret and recovery codes,"
          + " printed once.")
  static final class AddCommand implements Callable<Integer> {
    @ParentCommand UsersCommand parent;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Mixin ActorOption actor;
    @Mixin PasswordOption password;

    @Parameters(index = "0", paramLabel = "NAME", description = "the account name (ASCII letters, digits, . _ -)")
    String name;

    @Mixin RoleOptions roleOptions;

    @Override
    public Integer call() {
      return parent.withAccounts(spec, (accounts, zone, out) -> {
        Role r = Role.of(roleOptions.role);
        String who = actor.actor();
        Accounts.Created c = accounts.create(name, r, roleOptions.unit(), password.password(name), who);
        out.println("created " + c.account().username() + " (" + r.key()
            + c.account().unit().map(u -> ", " + u).orElse("") + ")");
        c.enrolment().ifPresent(e -> printEnrolment(out, c.account().username(), e));
        return Main.OK;
      });
    }
  }

  // ---------------------------------------------------------------- disable

  @Command(name = "disable", mixinStandardHelpOptions = true,
      description = "Disable an account and end its sessions (it is kept for the audit; `reset` enables it again).")
  static final class DisableCommand implements Callable<Integer> {
    @ParentCommand UsersCommand parent;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Mixin ActorOption actor;

    @Parameters(index = "0", paramLabel = "NAME") String name;

    @Override
    public Integer call() {
      return parent.withAccounts(spec, (accounts, zone, out) -> {
        accounts.disable(name, actor.actor());
        out.println("disabled " + accounts.get(name).username());
        return Main.OK;
      });
    }
  }

  // ---------------------------------------------------------------- reset

  @Command(name = "reset", mixinStandardHelpOptions = true,
      description = "Give an account a new password; lifts a lock, enables a disabled account, ends its sessions.")
  static final class ResetCommand implements Callable<Integer> {
    @ParentCommand UsersCommand parent;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Mixin ActorOption actor;
    @Mixin PasswordOption password;

    @Parameters(index = "0", paramLabel = "NAME") String name;

    @Option(names = "--second-factor",
        description = "also a new TOTP secret and new recovery codes (a lost phone): the old ones stop working")
    boolean secondFactor;

    @Override
    public Integer call() {
      return parent.withAccounts(spec, (accounts, zone, out) -> {
        Account a = accounts.get(name);
        String who = actor.actor();
        Optional<Enrolment> e = accounts.resetPassword(a.username(), password.password(a.username()), secondFactor, who);
        out.println("new password for " + a.username() + "; its sessions are ended");
        e.ifPresent(x -> printEnrolment(out, a.username(), x));
        return Main.OK;
      });
    }
  }

  // ---------------------------------------------------------------- role

  @Command(name = "role", mixinStandardHelpOptions = true, description = "Give an account another role.")
  static final class RoleCommand implements Callable<Integer> {
    @ParentCommand UsersCommand parent;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Mixin ActorOption actor;

    @Parameters(index = "0", paramLabel = "NAME") String name;

    @Mixin RoleOptions roleOptions;

    @Override
    public Integer call() {
      return parent.withAccounts(spec, (accounts, zone, out) -> {
        Role r = Role.of(roleOptions.role);
        Account a = accounts.get(name);
        Optional<Enrolment> e = accounts.changeRole(a.username(), r, roleOptions.unit(), actor.actor());
        out.println(a.username() + " is now " + r.key() + (r.needsUnit() ? " (" + roleOptions.unit.strip() + ")" : ""));
        e.ifPresent(x -> printEnrolment(out, a.username(), x));
        return Main.OK;
      });
    }
  }

  // ---------------------------------------------------------------- list

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List the accounts, by name.")
  static final class ListCommand implements Callable<Integer> {
    @ParentCommand UsersCommand parent;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      return parent.withAccounts(spec, (accounts, zone, out) -> {
        List<Account> all = accounts.list();
        Instant now = Instant.now();
        out.printf("%-24s %-15s %-8s %-24s %s%n", "NAME", "ROLE", "2FA", "STATUS", "UNIT");
        for (Account a : all) {
          String status = a.disabled() ? "disabled"
              : a.lockedAt(now) ? "locked until " + MINUTE.format(a.lockedUntil().get().atZone(zone)) : "active";
          out.printf("%-24s %-15s %-8s %-24s %s%n", a.username(), a.role().key(), a.secondFactor() ? "totp" : "-",
              status, a.unit().orElse(""));
        }
        out.println(all.size() + (all.size() == 1 ? " account" : " accounts"));
        return Main.OK;
      });
    }
  }

  // ---------------------------------------------------------------- audit

  @Command(name = "audit", mixinStandardHelpOptions = true,
      description = "Show the account audit (sign-ins, locks, changes), newest first.")
  static final class AuditCommand implements Callable<Integer> {
    @ParentCommand UsersCommand parent;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", description = "only this account") String name;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "" + DEFAULT_AUDIT_ROWS,
        description = "at most N rows (default: ${DEFAULT-VALUE})")
    int limit;

    @Override
    public Integer call() {
      return parent.withAccounts(spec, (accounts, zone, out) -> {
        if (limit < 1) {
          throw new BadInput("--limit " + limit + ": give 1 or more");
        }
        for (AuditEvent e : accounts.audit(Optional.ofNullable(name), limit)) {
          out.printf("%s  %-22s %-22s %-24s %s%n", MINUTE.format(e.at().atZone(zone)), e.kind().key(), e.username(),
              e.actor(), e.detail());
        }
        return Main.OK;
      });
    }
  }
}
