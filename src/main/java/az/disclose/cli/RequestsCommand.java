package az.disclose.cli;

import az.disclose.calendar.CalendarWarning;
import az.disclose.calendar.DeadlineExplanation;
import az.disclose.app.Configuration;
import az.disclose.inbox.model.Assignment;
import az.disclose.inbox.model.AssignmentState;
import az.disclose.inbox.model.Attachment;
import az.disclose.inbox.model.NoticeTemplate;
import az.disclose.inbox.model.Queue;
import az.disclose.inbox.model.TemplateKind;
import az.disclose.inbox.model.QueuePage;
import az.disclose.inbox.model.QueueQuery;
import az.disclose.inbox.model.QueueRow;
import az.disclose.inbox.model.ReopenGround;
import az.disclose.content.Units;
import az.disclose.report.UnitsLoader;
import az.disclose.inbox.model.HistoryEvent;
import az.disclose.inbox.store.Inbox;
import az.disclose.inbox.ListFilter;
import az.disclose.inbox.PublishedStatistics;
import az.disclose.inbox.PurgeReport;
import az.disclose.inbox.RecomputeReport;
import az.disclose.inbox.Register.RegisterException;
import az.disclose.inbox.RegisterService;
import az.disclose.inbox.RequestException;
import az.disclose.inbox.mail.MailService;
import az.disclose.inbox.mail.MailStore;
import az.disclose.inbox.mail.Quarantine;
import az.disclose.inbox.model.RequestStatus;
import az.disclose.inbox.model.RequestSummary;
import az.disclose.inbox.model.RequestView;
import az.disclose.inbox.model.StoredAttachment;
import az.disclose.yaml.ProblemsException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.ScopeType;

/** {@code disclose requests ...}: the officers' request register. */
@Command(
    name = "requests",
    mixinStandardHelpOptions = true,
    description = "Work the request register: list, show, answer, extend, forward, clarify, refuse, note, assign,"
        + " reassign, accept, reject, reopen, withdraw, queue, templates, grounds, purge, recompute, statistics,"
        + " quarantine.",
    subcommands = {
      RequestsCommand.ListCommand.class,
      RequestsCommand.ShowCommand.class,
      RequestsCommand.AnswerCommand.class,
      RequestsCommand.ExtendCommand.class,
      RequestsCommand.ForwardCommand.class,
      RequestsCommand.ClarifyCommand.class,
      RequestsCommand.RefuseCommand.class,
      RequestsCommand.NoteCommand.class,
      RequestsCommand.AssignCommand.class,
      RequestsCommand.ReassignCommand.class,
      RequestsCommand.AcceptCommand.class,
      RequestsCommand.RejectCommand.class,
      RequestsCommand.ReopenCommand.class,
      RequestsCommand.WithdrawCommand.class,
      RequestsCommand.QueueCommand.class,
      RequestsCommand.TemplatesCommand.class,
      RequestsCommand.GroundsCommand.class,
      RequestsCommand.PurgeCommand.class,
      RequestsCommand.RecomputeCommand.class,
      RequestsCommand.StatisticsCommand.class,
      RequestsCommand.QuarantineCommand.class
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:success",
      "1:bad input: unknown number, action not allowed, invalid settings (file:line), unreadable file",
      "2:wrong command-line usage",
      "3:the database or another part failed"
    })
final class RequestsCommand implements Runnable {
  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  private static final Locale AZ = Locale.forLanguageTag("az");

  @Option(names = "--config", paramLabel = "FILE", scope = ScopeType.INHERIT,
      description = "settings file (default: ./disclose.yaml when present, else the embedded defaults)")
  Path config;

  @Option(names = "--content", paramLabel = "DIR", scope = ScopeType.INHERIT, defaultValue = "content",
      description = "content directory, for the holiday data in data/holidays (default: ${DEFAULT-VALUE})")
  Path content;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** The mail settings of the command being run (set by {@link #withRegister}), for {@link #told}. */
  private az.disclose.inbox.mail.MailSettings mail = az.disclose.inbox.mail.MailSettings.none();

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(),
        "name a subcommand: list, show, answer, extend, forward, clarify, refuse, note, assign, reassign, accept,"
            + " reject, reopen, withdraw, queue, templates, grounds, purge, recompute, statistics, quarantine"
            + " (see --help)");
  }

  /** What a subcommand does with the open register; returns the exit code. */
  @FunctionalInterface
  interface Work {
    int run(RegisterService register, Inbox inbox, PrintWriter out) throws Exception;
  }

  /** Opens the register, runs {@code work}, maps failures to exit codes and clear messages. */
  int withRegister(CommandLine.Model.CommandSpec sub, Work work) {
    PrintWriter out = sub.commandLine().getOut();
    PrintWriter err = sub.commandLine().getErr();
    try {
      // The same resolved configuration as serve's.
      Configuration resolved = Configuration.resolve(content, config, System.getenv());
      mail = resolved.mail();
      try (Inbox inbox = Inbox.open(resolved.inbox(), resolved.content(), Clock.systemUTC())) {
        // a purge removes the mail data of the requests it removes, in the same transaction
        inbox.register().addPurgeParticipant(new MailStore(inbox.store()).purgeParticipant());
        if (resolved.mail().smtp().isPresent()) {
          // answers and notices are queued in the outbox here; the running server's sender mails them
          MailService.installOutbox(inbox, resolved.mail());
        }
        return work.run(inbox.register(), inbox, out);
      }
    } catch (ProblemsException e) {
      return Failures.problems(err, e);
    } catch (RequestException | BadInput e) {
      return Failures.badInput(err, "requests", e);
    } catch (RegisterException e) {
      return Failures.failed(err, "requests", e.getMessage());
    } catch (Exception e) {
      return Failures.failed(err, "requests", e.toString());
    } finally {
      out.flush();
      err.flush();
    }
  }

  /** The officer's name for the history: --actor, else $USER. */
  static final class ActorOption {
    @Option(names = "--actor", paramLabel = "NAME", description = "who does it (default: $USER)")
    String actor;

    String actor() throws BadInput {
      return BadInput.actor(actor);
    }
  }

  // ---------------------------------------------------------------- list

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List requests, in number order.")
  static final class ListCommand implements Callable<Integer> {
    @ParentCommand RequestsCommand parent;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--status", paramLabel = "S",
        description = "only this status: registered, clarification, extended, forwarded, answered, refused,"
            + " withdrawn, or open")
    String status;

    @Option(names = "--overdue", description = "only open requests past their deadline")
    boolean overdue;

    @Option(names = "--due-within", paramLabel = "N", description = "only open requests due within N working days")
    Integer dueWithin;

    @Override
    public Integer call() {
      return parent.withRegister(spec, (register, inbox, out) -> {
        ListFilter filter = ListFilter.all();
        if (status != null) {
          String s = status.trim().toLowerCase(Locale.ROOT);
          if (s.equals("open")) {
            filter = filter.onlyOpen();
          } else {
            filter = filter.withStatus(parseStatus(s));
          }
        }
        if (overdue) {
          filter = filter.onlyOverdue();
        }
        if (dueWithin != null) {
          if (dueWithin < 0) {
            throw new BadInput("--due-within must be 0 or more working days, not " + dueWithin);
          }
          filter = filter.dueWithin(dueWithin);
        }
        List<RequestSummary> rows = register.list(filter);
        ZoneId zone = register.settings().zone();
        out.printf("%-16s %-13s %-21s %-16s %-11s %-22s %s%n", "NUMBER", "STATUS", "TYPE", "REGISTERED", "DUE", "UNIT",
            "SUBJECT");
        for (RequestSummary r : rows) {
          out.printf("%-16s %-13s %-21s %-16s %-11s %-22s %s%s%n", r.number(), r.status().key(),
              r.type().key() + (r.urgency() == az.disclose.inbox.model.Urgency.NORMAL ? "" : "/" + r.urgency().key()),
              MINUTE.format(r.registeredAt().atZone(zone)), r.dueDate(), unit(r.assignment()),
              r.overdue() ? "OVERDUE " : "", shorten(clean(r.subject()), 50));
        }
        out.printf("%d request%s%n", rows.size(), rows.size() == 1 ? "" : "s");
        return Main.OK;
      });
    }

    private static RequestStatus parseStatus(String s) throws BadInput {
      for (RequestStatus st : RequestStatus.values()) {
        if (st.key().equals(s) || st.name().equalsIgnoreCase(s)) {
          return st;
        }
      }
      List<String> keys = new ArrayList<>();
      for (RequestStatus st : RequestStatus.values()) {
        keys.add(st.key());
      }
      keys.add("open");
      throw new BadInput("unknown status '" + s + "' (one of: " + String.join(", ", keys) + ")");
    }
  }

  // ---------------------------------------------------------------- show

  @Command(name = "show", mixinStandardHelpOptions = true,
      description = "Show a request: its fields, attachments, history and how its deadline was computed.")
  static final class ShowCommand implements Callable<Integer> {
    @ParentCommand RequestsCommand parent;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "NUMBER", description = "e.g. SEN-2026-00042")
    String number;

    @Override
    public Integer call() {
      return parent.withRegister(spec, (register, inbox, out) -> {
        RequestView v = register.get(number);
        ZoneId zone = register.settings().zone();
        boolean overdue = v.status().open() && Instant.now().isAfter(v.dueAt().toInstant());
        out.printf("%s  %s (%s)  %s%n", v.number(), v.type().key(), v.urgency().key(), v.status().key());
        out.printf("Registered: %s %s via %s%n", MINUTE.format(v.registeredAt().atZone(zone)), zone.getId(),
            v.channel().name().toLowerCase(Locale.ROOT));
        out.printf("Due:        %s%s%n", MINUTE.format(v.dueAt()), overdue ? "  OVERDUE" : "");
        out.printf("Name:       %s%n", clean(v.name()));
        out.printf("E-mail:     %s%n", clean(v.email()));
        out.printf("Language:   %s%n", clean(v.language()));
        out.printf("Subject:    %s%n", clean(v.subject()));
        out.println("Message:");
        for (String line : clean(v.message()).split("\n", -1)) {
          out.println("  " + line);
        }
        List<StoredAttachment> attachments = register.attachments(v.number());
        if (!attachments.isEmpty()) {
          out.println("Attachments:");
          for (StoredAttachment a : attachments) {
            out.printf("  %d. %s (%s, %d bytes) [%s]%n", a.position(), clean(a.attachment().fileName()),
                clean(a.attachment().contentType()), a.attachment().bytes().length, a.role());
          }
        }
        out.println("History:");
        for (HistoryEvent e : v.history()) {
          out.printf("  %s  %-8s %-23s %s%s%n", MINUTE.format(e.at().atZone(zone)), clean(e.actor()), e.kind(),
              oneLine(clean(e.text())), e.visibleToRequester() ? "" : "  [internal]");
        }
        List<DeadlineExplanation> chain = register.explainDeadline(v.number());
        Set<String> warnings = new LinkedHashSet<>();
        for (Locale locale : List.of(Locale.ENGLISH, AZ)) {
          out.println(locale == AZ ? "Son müddətin hesablanması:" : "How the deadline was computed:");
          for (int i = 0; i < chain.size(); i++) {
            if (i > 0) {
              out.println(locale == AZ
                  ? "  Uzadılma " + i + " (əvvəlki son müddətdən sonra hesablanır):"
                  : "  Extension " + i + " (counted after the previous due date):");
            }
            for (String line : chain.get(i).toText(locale).split("\n")) {
              out.println("  " + line);
            }
          }
        }
        for (DeadlineExplanation d : chain) {
          for (CalendarWarning w : d.warnings()) {
            warnings.add(w.english());
          }
        }
        for (String w : warnings) {
          out.println("WARNING: " + w);
          spec.commandLine().getErr().println("WARNING: " + v.number() + ": " + w);
        }
        return Main.OK;
      });
    }
  }

  // ---------------------------------------------------------------- actions

  @Command(name = "answer", mixinStandardHelpOptions = true,
      description = "Record the answer (the text of a file, e.g. answer.md); closes the request.")
  static final class AnswerCommand implements Callable<Integer> {
    @ParentCommand RequestsCommand parent;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Mixin ActorOption actor;

    @Parameters(paramLabel = "NUMBER") String number;

    @Option(names = "--file", paramLabel = "FILE", required = true, description = "the answer text (UTF-8)")
    Path file;

    @Option(names = "--attach", paramLabel = "FILE", description = "a file sent with the answer (repeatable)")
    List<Path> attach = new ArrayList<>();

    @Override
    public Integer call() {
      return parent.withRegister(spec, (register, inbox, out) -> {
        String text = readText(file);
        List<Attachment> attachments = new ArrayList<>();
        for (Path p : attach) {
          attachments.add(readAttachment(p));
        }
        HistoryEvent e = register.answer(number, actor.actor(), text, attachments);
        return parent.told(out, register, inbox, number, e);
      });
    }
  }

  @Command(name = "extend", mixinStandardHelpOptions = true,
      description = "Extend the period once (the extension period counted from the old due date).")
  static final class ExtendCommand implements Callable<Integer> {
    @ParentCommand RequestsCommand parent;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Mixin ActorOption actor;
    @Parameters(paramLabel = "NUMBER") String number;
    @Option(names = "--reason", paramLabel = "TEXT", required = true, description = "why, as told to the requester")
    String reason;

    @Override
    public Integer call() {
      return parent.withRegister(spec, (register, inbox, out) -> {
        HistoryEvent e = register.extend(number, actor.actor(), reason);
        out.println("new due date: " + register.get(number).dueDate());
        return parent.told(out, register, inbox, number, e);
      });
    }
  }

  @Command(name = "forward", mixinStandardHelpOptions = true,
      description = "Record that the request was forwarded to the body that holds the information.")
  static final class ForwardCommand implements Callable<Integer> {
    @ParentCommand RequestsCommand parent;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Mixin ActorOption actor;
    @Parameters(paramLabel = "NUMBER") String number;
    @Option(names = "--to", paramLabel = "BODY", required = true, description = "the body it was forwarded to")
    String body;

    @Override
    public Integer call() {
      return parent.withRegister(spec,
          (register, inbox, out) -> parent.told(out, register, inbox, number, register.forward(number, actor.actor(), body)));
    }
  }

  @Command(name = "clarify", mixinStandardHelpOptions = true,
      description = "Record that the requester was asked to complete or clarify the request.")
  static final class ClarifyCommand implements Callable<Integer> {
    @ParentCommand RequestsCommand parent;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Mixin ActorOption actor;
    @Parameters(paramLabel = "NUMBER") String number;
    @Option(names = "--text", paramLabel = "TEXT", required = true, description = "what was asked")
    String text;

    @Override
    public Integer call() {
      return parent.withRegister(spec,
          (register, inbox, out) -> parent.told(out, register, inbox, number, register.clarify(number, actor.actor(), text)));
    }
  }

  @Command(name = "refuse", mixinStandardHelpOptions = true,
      description = "Refuse the request on a legal ground (see `requests grounds list`), with a letter; closes the"
          + " request.")
  static final class RefuseCommand implements Callable<Integer> {
    @ParentCommand RequestsCommand parent;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Mixin ActorOption actor;
    @Parameters(paramLabel = "NUMBER") String number;
    @Option(names = "--ground", paramLabel = "GROUND", required = true,
        description = "the refusal ground's key, one in use (state-secret, personal-data, ...)")
    String ground;
    @Option(names = "--letter", paramLabel = "FILE",
        description = "the refusal letter (UTF-8); default: the ground's template in the requester's language")
    Path letter;

    @Override
    public Integer call() {
      return parent.withRegister(spec, (register, inbox, out) -> parent.told(out, register, inbox, number,
          register.refuse(number, actor.actor(), ground, letter == null ? "" : readText(letter))));
    }
  }

  @Command(name = "note", mixinStandardHelpOptions = true,
      description = "Add an internal note (never shown to the requester).")
  static final class NoteCommand implements Callable<Integer> {
    @ParentCommand RequestsCommand parent;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Mixin ActorOption actor;
    @Parameters(paramLabel = "NUMBER") String number;
    @Option(names = "--text", paramLabel = "TEXT", required = true) String text;

    @Override
    public Integer call() {
      return parent.withRegister(spec,
          (register, inbox, out) -> done(out, number, register.note(number, actor.actor(), text)));
    }
  }

  // ---------------------------------------------------------------- units, reopening, withdrawal, queues

  /** Gives the register the unit ids of {@code content/data/units.yaml} (file:line problems when it is invalid). */
  void useUnits(RegisterService register) throws ProblemsException {
    Path dir = Configuration.resolve(content, config, System.getenv()).content();
    Set<String> ids = new java.util.TreeSet<>();
    for (Units.Unit u : new UnitsLoader().load(dir).units().units()) {
      ids.add(u.id());
    }
    register.useUnits(ids);
  }

  /** "unit (state, assignee)" for a table cell; "-" when never assigned. */
  static String unit(Assignment a) {
    if (a.state() == AssignmentState.NONE) {
      return "-";
    }
    return a.unit().orElse("") + (a.state() == AssignmentState.ACCEPTED ? "" : " (" + a.state().key() + ")");
  }

  @Command(name = "assign", mixinStandardHelpOptions = true,
      description = "Assign an open request to a unit (an id of content/data/units.yaml); the unit accepts or rejects it.")
  static final class AssignCommand implements Callable<Integer> {
    @ParentCommand RequestsCommand parent;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Mixin ActorOption actor;
    @Parameters(paramLabel = "NUMBER") String number;
    @Option(names = "--unit", paramLabel = "ID", required = true, description = "the unit's id") String unit;

    @Override
    public Integer call() {
      return parent.withRegister(spec, (register, inbox, out) -> {
        parent.useUnits(register);
        HistoryEvent e = register.assign(number, unit, actor.actor());
        out.println("assigned to " + unit.strip() + "; waiting for the unit to accept or reject it");
        return done(out, number, e);
      });
    }
  }

  @Command(name = "reassign", mixinStandardHelpOptions = true,
      description = "Give an assigned open request to another unit, with the reason.")
  static final class ReassignCommand implements Callable<Integer> {
    @ParentCommand RequestsCommand parent;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Mixin ActorOption actor;
    @Parameters(paramLabel = "NUMBER") String number;
    @Option(names = "--unit", paramLabel = "ID", required = true, description = "the new unit's id") String unit;
    @Option(names = "--reason", paramLabel = "TEXT", required = true, description = "why (internal)") String reason;

    @Override
    public Integer call() {
      return parent.withRegister(spec, (register, inbox, out) -> {
        parent.useUnits(register);
        return done(out, number, register.reassign(number, unit, actor.actor(), reason));
      });
    }
  }

  @Command(name = "accept", mixinStandardHelpOptions = true,
      description = "The unit takes on the request assigned to it; the actor becomes its assignee.")
  static final class AcceptCommand implements Callable<Integer> {
    @ParentCommand RequestsCommand parent;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Mixin ActorOption actor;
    @Parameters(paramLabel = "NUMBER") String number;

    @Override
    public Integer call() {
      return parent.withRegister(spec,
          (register, inbox, out) -> done(out, number, register.accept(number, actor.actor())));
    }
  }

  @Command(name = "reject", mixinStandardHelpOptions = true,
      description = "The unit sends the request assigned to it back to the officers, with the reason.")
  static final class RejectCommand implements Callable<Integer> {
    @ParentCommand RequestsCommand parent;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Mixin ActorOption actor;
    @Parameters(paramLabel = "NUMBER") String number;
    @Option(names = "--reason", paramLabel = "TEXT", required = true, description = "why (internal)") String reason;

    @Override
    public Integer call() {
      return parent.withRegister(spec,
          (register, inbox, out) -> done(out, number, register.reject(number, actor.actor(), reason)));
    }
  }

  @Command(name = "reopen", mixinStandardHelpOptions = true,
      description = "Open a request again where the law allows (docs/register.md): an answered or refused one after an"
          + " upheld complaint or appeal, one waiting for clarification once it arrived. A new period starts.")
  static final class ReopenCommand implements Callable<Integer> {
    @ParentCommand RequestsCommand parent;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Mixin ActorOption actor;
    @Parameters(paramLabel = "NUMBER") String number;
    @Option(names = "--ground", paramLabel = "GROUND", required = true,
        description = "appeal-upheld or clarification-received") String ground;
    @Option(names = "--reason", paramLabel = "TEXT", required = true,
        description = "the decision or the clarification (shown to the requester)") String reason;

    @Override
    public Integer call() {
      return parent.withRegister(spec, (register, inbox, out) -> {
        ReopenGround g = ReopenGround.ofKey(ground.strip().toLowerCase(Locale.ROOT)).orElseThrow(() -> new BadInput(
            "unknown --ground '" + ground + "' (one of: appeal-upheld, clarification-received)"));
        HistoryEvent e = register.reopen(number, actor.actor(), g, reason);
        out.println("reopened; new due date: " + register.get(number).dueDate());
        return done(out, number, e);
      });
    }
  }

  @Command(name = "withdraw", mixinStandardHelpOptions = true,
      description = "Record that the requester withdrew an open request; closes it as withdrawn.")
  static final class WithdrawCommand implements Callable<Integer> {
    @ParentCommand RequestsCommand parent;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Mixin ActorOption actor;
    @Parameters(paramLabel = "NUMBER") String number;
    @Option(names = "--how", paramLabel = "TEXT", required = true,
        description = "how the requester said so, e.g. \"e-mail of 3 December\"") String how;

    @Override
    public Integer call() {
      return parent.withRegister(spec,
          (register, inbox, out) -> done(out, number, register.withdraw(number, actor.actor(), how)));
    }
  }

  @Command(name = "queue", mixinStandardHelpOptions = true,
      description = "One page (50 rows) of a queue, in due order: all, mine, unit, unassigned, due-soon, overdue,"
          + " waiting, answered-this-month.")
  static final class QueueCommand implements Callable<Integer> {
    @ParentCommand RequestsCommand parent;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Mixin ActorOption actor;
    @Parameters(paramLabel = "QUEUE", defaultValue = "all", description = "the queue (default: ${DEFAULT-VALUE})")
    String queue;
    @Option(names = "--my-unit", paramLabel = "ID", description = "the actor's unit, for the queue 'unit'")
    String myUnit;
    @Option(names = "--status", paramLabel = "S", description = "only this status") String status;
    @Option(names = "--type", paramLabel = "T", description = "only this type (information, complaint, ...)") String type;
    @Option(names = "--unit", paramLabel = "ID", description = "only requests assigned to this unit") String unit;
    @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "received on or after") LocalDate from;
    @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "received on or before") LocalDate to;
    @Option(names = "--ground", paramLabel = "GROUND", description = "only refusals on this legal ground (its key)")
    String ground;
    @Option(names = "--channel", paramLabel = "C", description = "web or email") String channel;
    @Option(names = "--search", paramLabel = "TEXT", description = "in the number, subject and text") String search;
    @Option(names = "--page", paramLabel = "N", defaultValue = "1", description = "page (default: ${DEFAULT-VALUE})")
    int page;

    @Override
    public Integer call() {
      return parent.withRegister(spec, (register, inbox, out) -> {
        Queue q = Queue.ofKey(queue.strip().toLowerCase(Locale.ROOT)).orElseThrow(() -> new BadInput("unknown queue '"
            + queue + "' (one of: " + String.join(", ", java.util.Arrays.stream(Queue.values()).map(Queue::key)
                .toList()) + ")"));
        if (page < 1) {
          throw new BadInput("--page must be 1 or more, not " + page);
        }
        if (myUnit != null || unit != null) {
          parent.useUnits(register);
        }
        QueueQuery query = QueueQuery.of(q, actor.actor()).withActorUnit(myUnit).withUnit(unit)
            .withReceived(from, to).withRefusalGround(ground).withText(search).withPage(page);
        if (status != null) {
          query = query.withStatus(RequestStatus.ofKey(status.strip().toLowerCase(Locale.ROOT)).orElseThrow(() ->
              new BadInput("unknown --status '" + status + "' (one of: " + String.join(", ",
                  java.util.Arrays.stream(RequestStatus.values()).map(RequestStatus::key).toList()) + ")")));
        }
        if (type != null) {
          query = query.withType(az.disclose.inbox.model.RequestType.ofKey(type.strip().toLowerCase(Locale.ROOT))
              .orElseThrow(() -> new BadInput("unknown --type '" + type + "' (one of: " + String.join(", ",
                  java.util.Arrays.stream(az.disclose.inbox.model.RequestType.values())
                      .map(az.disclose.inbox.model.RequestType::key).toList()) + ")")));
        }
        if (channel != null) {
          String c = channel.strip().toUpperCase(Locale.ROOT);
          query = query.withChannel(java.util.Arrays.stream(az.disclose.inbox.model.Channel.values())
              .filter(x -> x.name().equals(c)).findFirst()
              .orElseThrow(() -> new BadInput("unknown --channel '" + channel + "' (web or email)")));
        }
        QueuePage result = register.queue(query);
        out.printf("%-16s %-13s %-21s %-6s %-11s %-5s %-22s %-16s %s%n", "NUMBER", "STATUS", "TYPE", "VIA", "DUE",
            "LEFT", "UNIT", "ASSIGNEE", "SUBJECT");
        for (QueueRow r : result.rows()) {
          out.printf("%-16s %-13s %-21s %-6s %-11s %-5s %-22s %-16s %s%n", r.number(), r.status().key(),
              r.type().key(), r.channel().name().toLowerCase(Locale.ROOT), r.dueDate(),
              r.workingDaysLeft().map(String::valueOf).orElse("-"), unit(r.assignment()),
              clean(r.assignment().assignee().orElse("-")), shorten(clean(r.subject()), 40));
        }
        if (result.more()) {
          out.printf("%s: page %d of %d+, more than %d requests (a search counts no further)%n", q.key(), page,
              result.pages(), result.total());
        } else {
          out.printf("%s: page %d of %d, %d request%s in all%n", q.key(), page, result.pages(), result.total(),
              result.total() == 1 ? "" : "s");
        }
        return Main.OK;
      });
    }
  }

  @Command(name = "purge", mixinStandardHelpOptions = true,
      description = "Delete closed requests whose last event is older than DAYS (never fewer than retention_days).")
  static final class PurgeCommand implements Callable<Integer> {
    @ParentCommand RequestsCommand parent;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Mixin ActorOption actor;
    @Option(names = "--older-than", paramLabel = "DAYS", required = true) int days;
    @Option(names = "--dry-run", description = "only report what would be removed") boolean dryRun;

    @Override
    public Integer call() {
      return parent.withRegister(spec, (register, inbox, out) -> {
        PurgeReport r = register.purge(days, actor.actor(), dryRun);
        String verb = r.dryRun() ? "would remove" : "removed";
        out.printf("%s %d request%s whose last event is before %s:%n", verb, r.removed().size(),
            r.removed().size() == 1 ? "" : "s", r.cutoff());
        for (String n : r.removed()) {
          out.println("  " + n);
        }
        if (!r.keptOpen().isEmpty()) {
          out.printf("kept %d old request%s still awaiting an answer:%n", r.keptOpen().size(),
              r.keptOpen().size() == 1 ? "" : "s");
          for (String n : r.keptOpen()) {
            out.println("  " + n);
          }
        }
        out.printf("mail: %s %d processed-message key%s, %d outbox row%s, %d registered and %d dismissed quarantine entr%s%n",
            verb, r.mailMessages(), r.mailMessages() == 1 ? "" : "s", r.outbox(), r.outbox() == 1 ? "" : "s",
            r.quarantineRegistered(), r.quarantineDismissed().size(),
            r.quarantineRegistered() + r.quarantineDismissed().size() == 1 ? "y" : "ies");
        return Main.OK;
      });
    }
  }

  @Command(name = "recompute", mixinStandardHelpOptions = true,
      description = "Recompute the due dates of open requests from the holiday data (after it changed).")
  static final class RecomputeCommand implements Callable<Integer> {
    @ParentCommand RequestsCommand parent;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      return parent.withRegister(spec, (register, inbox, out) -> {
        RecomputeReport r = register.recomputeDeadlines();
        out.printf("checked %d open request%s; %d due date%s changed%n", r.checked(), r.checked() == 1 ? "" : "s",
            r.changed().size(), r.changed().size() == 1 ? "" : "s");
        for (RecomputeReport.Change c : r.changed()) {
          out.printf("  %s: %s -> %s%n", c.number(), c.oldDueDate(), c.newDueDate());
        }
        return Main.OK;
      });
    }
  }

  // ---------------------------------------------------------------- statistics

  @Command(name = "statistics", mixinStandardHelpOptions = true,
      description = "Print the request statistics the site publishes (counts by month and year of registration,"
          + " no personal data); with --write, update content/data/request-statistics.yaml when they changed.")
  static final class StatisticsCommand implements Callable<Integer> {
    @ParentCommand RequestsCommand parent;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--write", description = "write the statistics to the content directory (data/"
        + "request-statistics.yaml) for the next site build; the file is rewritten only when it changes")
    boolean write;

    @Override
    public Integer call() {
      return parent.withRegister(spec, (register, inbox, out) -> {
        PublishedStatistics.Snapshot snapshot = register.statistics();
        out.print(PublishedStatistics.table(snapshot));
        if (write) {
          Path file = parent.content.resolve(PublishedStatistics.FILE);
          boolean changed = PublishedStatistics.write(parent.content, snapshot);
          out.println(changed ? "wrote " + file : file + " is up to date");
        }
        return Main.OK;
      });
    }
  }

  // ---------------------------------------------------------------- templates

  @Command(name = "templates", mixinStandardHelpOptions = true,
      description = "The texts of answers and notices (acknowledge, extend, forward, clarify, refuse per ground,"
          + " answer) in Azerbaijani and English: list, show, edit (each edit a new version).",
      subcommands = {TemplatesList.class, TemplatesShow.class, TemplatesEdit.class})
  static final class TemplatesCommand implements Runnable {
    @ParentCommand RequestsCommand parent;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
      throw new CommandLine.ParameterException(spec.commandLine(), "name a subcommand: list, show, edit");
    }

    static TemplateKind kind(String key) throws BadInput {
      return TemplateKind.ofKey(key.strip().toLowerCase(Locale.ROOT)).orElseThrow(() -> new BadInput("unknown"
          + " template kind '" + key + "' (one of: " + String.join(", ", java.util.Arrays.stream(TemplateKind.values())
              .map(TemplateKind::key).toList()) + ")"));
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List the templates in use.")
  static final class TemplatesList implements Callable<Integer> {
    @ParentCommand TemplatesCommand parent;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      return parent.parent.withRegister(spec, (register, inbox, out) -> {
        ZoneId zone = register.settings().zone();
        out.printf("%-12s %-16s %-4s %-7s %-16s %-16s %s%n", "KIND", "GROUND", "LANG", "VERSION", "EDITED", "BY",
            "BEGINS");
        for (NoticeTemplate t : register.listTemplates()) {
          out.printf("%-12s %-16s %-4s %-7d %-16s %-16s %s%n", t.kind().key(), t.ground().isEmpty() ? "-" : t.ground(),
              t.language(), t.version(), MINUTE.format(t.editedAt().atZone(zone)), clean(t.editedBy()),
              shorten(oneLine(clean(t.body())), 40));
        }
        return Main.OK;
      });
    }
  }

  @Command(name = "show", mixinStandardHelpOptions = true,
      description = "Show a template in use, its earlier versions with --history, or filled for a request with --for.")
  static final class TemplatesShow implements Callable<Integer> {
    @ParentCommand TemplatesCommand parent;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Parameters(paramLabel = "KIND") String kind;
    @Option(names = "--ground", paramLabel = "GROUND", defaultValue = "", description = "the refusal's legal ground")
    String ground;
    @Option(names = "--lang", paramLabel = "az|en", defaultValue = "az", description = "default: ${DEFAULT-VALUE}")
    String language;
    @Option(names = "--history", description = "every version, oldest first") boolean history;
    @Option(names = "--for", paramLabel = "NUMBER", description = "filled with this request's number, name, due date")
    String number;

    @Override
    public Integer call() {
      return parent.parent.withRegister(spec, (register, inbox, out) -> {
        TemplateKind k = TemplatesCommand.kind(kind);
        if (number != null) {
          out.println(clean(register.fillTemplate(k, ground, language, number)));
          return Main.OK;
        }
        ZoneId zone = register.settings().zone();
        List<NoticeTemplate> versions = register.templateVersions(k, ground, language);
        for (NoticeTemplate t : history ? versions : versions.subList(versions.size() - 1, versions.size())) {
          out.printf("%s, version %d, saved %s by %s:%n", t.name(), t.version(),
              MINUTE.format(t.editedAt().atZone(zone)), clean(t.editedBy()));
          out.println(clean(t.body()));
        }
        return Main.OK;
      });
    }
  }

  @Command(name = "edit", mixinStandardHelpOptions = true,
      description = "Save a new version of a template from a UTF-8 file (placeholders {number}, {name}, {due}).")
  static final class TemplatesEdit implements Callable<Integer> {
    @ParentCommand TemplatesCommand parent;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Mixin ActorOption actor;
    @Parameters(paramLabel = "KIND") String kind;
    @Option(names = "--ground", paramLabel = "GROUND", defaultValue = "", description = "the refusal's legal ground")
    String ground;
    @Option(names = "--lang", paramLabel = "az|en", required = true) String language;
    @Option(names = "--file", paramLabel = "FILE", required = true, description = "the new text (UTF-8)") Path file;

    @Override
    public Integer call() {
      return parent.parent.withRegister(spec, (register, inbox, out) -> {
        NoticeTemplate t = register.saveTemplate(TemplatesCommand.kind(kind), ground, language, readText(file),
            actor.actor());
        out.printf("%s: version %d saved by %s (earlier versions kept)%n", t.name(), t.version(), clean(t.editedBy()));
        return Main.OK;
      });
    }
  }

  // ---------------------------------------------------------------- refusal grounds

  @Command(name = "grounds", mixinStandardHelpOptions = true,
      description = "The legal grounds of refusal (each with its refusal template in az and en): list, add, retire,"
          + " reinstate. A ground is never deleted.",
      subcommands = {GroundsList.class, GroundsAdd.class, GroundsRetire.class, GroundsReinstate.class})
  static final class GroundsCommand implements Runnable {
    @ParentCommand RequestsCommand parent;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
      throw new CommandLine.ParameterException(spec.commandLine(), "name a subcommand: list, add, retire, reinstate");
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List the refusal grounds and their state.")
  static final class GroundsList implements Callable<Integer> {
    @ParentCommand GroundsCommand parent;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      return parent.parent.withRegister(spec, (register, inbox, out) -> {
        ZoneId zone = register.settings().zone();
        out.printf("%-24s %-8s %s%n", "GROUND", "LANG", "STATE");
        for (az.disclose.inbox.model.RefusalGround g : register.refusalGrounds()) {
          out.printf("%-24s %-8s %s%n", g.ground(), String.join(",", g.languages()), g.retired()
              .map(r -> "retired " + MINUTE.format(r.at().atZone(zone)) + " by " + clean(r.actor())).orElse("in use"));
          for (java.util.Map.Entry<String, String> n : new java.util.TreeMap<>(g.names()).entrySet()) {
            out.printf("  %s: %s%n", n.getKey(), clean(n.getValue()));
          }
        }
        return Main.OK;
      });
    }
  }

  @Command(name = "add", mixinStandardHelpOptions = true,
      description = "Add a refusal ground with its template in Azerbaijani and English (UTF-8 files) and its name"
          + " in words in both.")
  static final class GroundsAdd implements Callable<Integer> {
    @ParentCommand GroundsCommand parent;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Mixin ActorOption actor;
    @Parameters(paramLabel = "GROUND", description = "lower-case letters, digits and dashes (state-secret)")
    String ground;
    @Option(names = "--az", paramLabel = "FILE", required = true, description = "the refusal template in Azerbaijani")
    Path az;
    @Option(names = "--en", paramLabel = "FILE", required = true, description = "the refusal template in English")
    Path en;
    @Option(names = "--name-az", paramLabel = "TEXT", required = true,
        description = "the ground's name in words in Azerbaijani, as requesters read it")
    String nameAz;
    @Option(names = "--name-en", paramLabel = "TEXT", required = true,
        description = "the ground's name in words in English")
    String nameEn;

    @Override
    public Integer call() {
      return parent.parent.withRegister(spec, (register, inbox, out) -> {
        register.addRefusalGround(ground, java.util.Map.of("az", readText(az), "en", readText(en)),
            java.util.Map.of("az", nameAz, "en", nameEn), actor.actor());
        out.printf("refusal ground %s added with its templates refuse/%s/az and refuse/%s/en%n", ground.strip(),
            ground.strip(), ground.strip());
        return Main.OK;
      });
    }
  }

  @Command(name = "retire", mixinStandardHelpOptions = true,
      description = "Retire a refusal ground: no longer offered for new refusals; its templates and the refusals"
          + " citing it stay.")
  static final class GroundsRetire implements Callable<Integer> {
    @ParentCommand GroundsCommand parent;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Mixin ActorOption actor;
    @Parameters(paramLabel = "GROUND") String ground;

    @Override
    public Integer call() {
      return parent.parent.withRegister(spec, (register, inbox, out) -> {
        register.retireRefusalGround(ground, true, actor.actor());
        out.printf("refusal ground %s retired%n", ground.strip());
        return Main.OK;
      });
    }
  }

  @Command(name = "reinstate", mixinStandardHelpOptions = true, description = "Put a retired refusal ground back in use.")
  static final class GroundsReinstate implements Callable<Integer> {
    @ParentCommand GroundsCommand parent;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Mixin ActorOption actor;
    @Parameters(paramLabel = "GROUND") String ground;

    @Override
    public Integer call() {
      return parent.parent.withRegister(spec, (register, inbox, out) -> {
        register.retireRefusalGround(ground, false, actor.actor());
        out.printf("refusal ground %s is in use again%n", ground.strip());
        return Main.OK;
      });
    }
  }

  // ---------------------------------------------------------------- quarantine

  @Command(name = "quarantine", mixinStandardHelpOptions = true,
      description = "Mail that could not be read: list it, register it as a request, or dismiss it (recorded; the"
          + " raw message is kept).",
      subcommands = {QuarantineList.class, QuarantineShow.class, QuarantineRegister.class, QuarantineDismiss.class})
  static final class QuarantineCommand implements Runnable {
    @ParentCommand RequestsCommand parent;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
      throw new CommandLine.ParameterException(spec.commandLine(), "name a subcommand: list, show, register, dismiss");
    }

    static Quarantine quarantine(RegisterService register, Inbox inbox) {
      return new Quarantine(register, new MailStore(inbox.store()), Clock.systemUTC());
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List quarantined mail (open entries).")
  static final class QuarantineList implements Callable<Integer> {
    @ParentCommand QuarantineCommand parent;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--all", description = "also the entries already registered or dismissed")
    boolean all;

    @Override
    public Integer call() {
      return parent.parent.withRegister(spec, (register, inbox, out) -> {
        List<Quarantine.Shown> rows = QuarantineCommand.quarantine(register, inbox).summaries(all);
        ZoneId zone = register.settings().zone();
        out.printf("%-6s %-16s %-10s %-10s %s%n", "ID", "RECEIVED", "BYTES", "STATUS", "REASON");
        for (Quarantine.Shown s : rows) {
          MailStore.Quarantined q = s.entry();
          out.printf("%-6d %-16s %-10d %-10s %s%s%n", q.id(), MINUTE.format(q.receivedAt().atZone(zone)), q.size(),
              q.status(), clean(shorten(q.reason(), 80)),
              q.resolution().map(r -> " -> " + clean(shorten(r, 60))).orElse(""));
          out.printf("       from %s, sent %s: %s%n", s.sender().isEmpty() ? "(no address)" : clean(s.sender()),
              s.date().map(d -> MINUTE.format(d.atZone(zone))).orElse("(no date)"),
              s.subject().isEmpty() ? "(no subject)" : clean(shorten(s.subject(), 80)));
        }
        if (rows.isEmpty()) {
          out.println(all ? "the quarantine is empty" : "no open entries in the quarantine");
        }
        return Main.OK;
      });
    }
  }

  @Command(name = "show", mixinStandardHelpOptions = true,
      description = "Print a quarantined message: its entry, headers and text; --raw writes the message as received.")
  static final class QuarantineShow implements Callable<Integer> {
    @ParentCommand QuarantineCommand parent;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Parameters(paramLabel = "ID") long id;
    @Option(names = "--raw", paramLabel = "FILE", description = "write the raw message (.eml) to FILE (a new file)")
    Path rawFile;

    @Override
    public Integer call() {
      return parent.parent.withRegister(spec, (register, inbox, out) -> {
        Quarantine.Shown s = QuarantineCommand.quarantine(register, inbox).show(id);
        MailStore.Quarantined q = s.entry();
        ZoneId zone = register.settings().zone();
        if (rawFile != null) {
          try {
            Files.write(rawFile, s.raw(), java.nio.file.StandardOpenOption.CREATE_NEW);
          } catch (java.nio.file.FileAlreadyExistsException e) {
            throw new RequestException(rawFile + " exists: name a new file for the raw message");
          } catch (java.io.IOException e) {
            throw new RequestException("cannot write " + rawFile + ": " + e.getMessage());
          }
          out.printf("quarantined message %d: %d bytes written to %s%n", id, s.raw().length, rawFile);
          return Main.OK;
        }
        out.printf("quarantined message %d (%s), received %s, %d bytes%n", q.id(), q.status(),
            MINUTE.format(q.receivedAt().atZone(zone)), q.size());
        out.printf("reason: %s%n", clean(q.reason()));
        q.resolution().ifPresent(r -> out.printf("%s: %s%s%n", q.status(), clean(r),
            q.resolvedBy().map(b -> " (by " + clean(b) + ")").orElse("")));
        out.println("--- headers");
        s.headerLines().forEach(l -> out.println(clean(l).replace('\n', ' ')));
        out.println("--- text");
        out.println(clean(s.text()));
        return Main.OK;
      });
    }
  }

  @Command(name = "register", mixinStandardHelpOptions = true,
      description = "Register a quarantined message as a request (read as far as it can be; the raw message is kept).")
  static final class QuarantineRegister implements Callable<Integer> {
    @ParentCommand QuarantineCommand parent;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Parameters(paramLabel = "ID") long id;
    @Mixin ActorOption actor;

    @Override
    public Integer call() {
      return parent.parent.withRegister(spec, (register, inbox, out) -> {
        var receipt = QuarantineCommand.quarantine(register, inbox).register(id, actor.actor());
        out.printf("quarantined message %d registered as %s, due %s%n", id, receipt.number(),
            receipt.deadline().dueDate());
        return Main.OK;
      });
    }
  }

  @Command(name = "dismiss", mixinStandardHelpOptions = true,
      description = "Dismiss a quarantined message: recorded with who, when and why; the raw message is kept.")
  static final class QuarantineDismiss implements Callable<Integer> {
    @ParentCommand QuarantineCommand parent;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Parameters(paramLabel = "ID") long id;
    @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "why it is dismissed")
    String reason;
    @Mixin ActorOption actor;

    @Override
    public Integer call() {
      return parent.parent.withRegister(spec, (register, inbox, out) -> {
        QuarantineCommand.quarantine(register, inbox).dismiss(id, actor.actor(), reason);
        out.printf("quarantined message %d dismissed%n", id);
        return Main.OK;
      });
    }
  }

  // ---------------------------------------------------------------- helpers

  /**
   * {@link #done}, then what the requester was told and where ({@link Notices}): whether anything was
   * e-mailed, and the private status page that shows it in any case.
   */
  int told(PrintWriter out, RegisterService register, Inbox inbox, String number, HistoryEvent e) throws Exception {
    done(out, number, e);
    Notices.print(out, register, inbox, mail, number, e);
    return Main.OK;
  }

  private static int done(PrintWriter out, String number, HistoryEvent e) {
    out.printf("%s: %s recorded (event %d, by %s)%n", number.trim().toUpperCase(Locale.ROOT), e.kind(), e.id(),
        clean(e.actor()));
    return Main.OK;
  }

  private static String readText(Path file) throws BadInput {
    try {
      byte[] bytes = Files.readAllBytes(file);
      String text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
      if (text.isBlank()) {
        throw new BadInput(file + " is empty");
      }
      return text;
    } catch (CharacterCodingException e) {
      throw new BadInput(file + " is not UTF-8 text");
    } catch (IOException e) {
      throw new BadInput("cannot read " + file + ": " + e.getMessage());
    }
  }

  private static Attachment readAttachment(Path file) throws BadInput {
    try {
      String type = Optional.ofNullable(Files.probeContentType(file)).orElse("application/octet-stream");
      return new Attachment(file.getFileName().toString(), type, Files.readAllBytes(file));
    } catch (IOException e) {
      throw new BadInput("cannot read " + file + ": " + e.getMessage());
    }
  }

  /** Citizens' text is untrusted: control characters (terminal escapes) are shown as U+FFFD. */
  static String clean(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length());
    // text from CRLF mail and forms: line ends, not control characters
    s.replace("\r\n", "\n").replace('\r', '\n').codePoints().forEach(cp -> {
      boolean control = (cp < 0x20 && cp != '\n' && cp != '\t') || (cp >= 0x7f && cp < 0xa0)
          || cp == 0x2028 || cp == 0x2029 || (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069);
      b.appendCodePoint(control ? 0xfffd : cp);
    });
    return b.toString();
  }

  private static String oneLine(String s) {
    return s.replace("\r", "").replace('\n', ' ').replace('\t', ' ');
  }

  private static String shorten(String s, int max) {
    String one = oneLine(s);
    return one.length() <= max ? one : one.substring(0, max - 1) + "…";
  }
}
