package az.disclose.inbox.console;

import az.disclose.calendar.DeadlineExplanation;
import az.disclose.inbox.Register.RegisterException;
import az.disclose.inbox.RequestException;
import az.disclose.inbox.model.Attachment;
import az.disclose.inbox.model.HistoryEvent;
import az.disclose.inbox.model.RequestStatus;
import az.disclose.inbox.model.RequestView;
import az.disclose.inbox.model.StoredAttachment;
import az.disclose.inbox.model.StoredFile;
import az.disclose.render.Markdown;
import az.disclose.inbox.accounts.Account;
import az.disclose.inbox.accounts.Role;
import az.disclose.inbox.model.Assignment;
import az.disclose.inbox.model.AssignmentState;
import az.disclose.inbox.model.Channel;
import az.disclose.inbox.model.Queue;
import az.disclose.inbox.model.QueuePage;
import az.disclose.inbox.model.QueueQuery;
import az.disclose.inbox.model.QueueRow;
import az.disclose.inbox.model.NoticeTemplate;
import az.disclose.inbox.model.ReopenGround;
import az.disclose.inbox.model.TemplateKind;
import az.disclose.inbox.model.RequestType;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The request list, a request's page, its files and the actions on it. */
final class RequestPages {
  /** The actions on a request, each a POST of its own form. */
  static final List<String> ACTIONS = List.of("answer", "extend", "forward", "clarify", "refuse", "note");
  /** The most characters of an action's text. */
  static final int MAX_TEXT = 100_000;

  private final Console console;
  private final Markdown markdown = new Markdown();

  RequestPages(Console console) {
    this.console = console;
  }

  /** The queues an account's tabs show: every queue for the officers, the unit's two for a responder. */
  static List<Queue> queuesOf(Account account) {
    return account.role() == Role.UNIT_RESPONDER ? List.of(Queue.MY_UNIT, Queue.MINE) : List.of(Queue.values());
  }

  /**
   * The queues (docs/console.md, "Queues"): one page of {@link QueueQuery#PAGE_SIZE} from the
   * register's {@code queue} query (paged in the database), with the filters of the GET form. A
   * responder's queries are narrowed to the account's unit in the query itself.
   */
  void list(Web w, Console.Call c) throws Exception {
    Account account = c.account();
    List<Queue> queues = queuesOf(account);
    Queue queue = Queue.ofKey(w.query("queue")).filter(queues::contains).orElse(queues.get(0));
    List<Views.FieldError> errors = new ArrayList<>();
    QueueQuery q = QueueQuery.of(queue, c.actor());
    boolean responder = account.role() == Role.UNIT_RESPONDER;
    if (responder) {
      q = q.withActorUnit(account.unit().orElse("")).withUnit(account.unit().orElse(""));
    }
    Optional<RequestStatus> status = statusOf(w.query("status"));
    if (status.isPresent()) {
      q = q.withStatus(status.get());
    }
    Optional<RequestType> type = RequestType.ofKey(w.query("type"));
    if (type.isPresent()) {
      q = q.withType(type.get());
    }
    Optional<Channel> channel = channelOf(w.query("channel"));
    if (channel.isPresent()) {
      q = q.withChannel(channel.get());
    }
    String unit = responder ? "" : w.query("unit").strip();
    if (!unit.isEmpty()) {
      q = q.withUnit(unit);
    }
    String ground = w.query("ground").strip();
    if (!ground.isEmpty()) {
      q = q.withRefusalGround(ground);
    }
    String text = w.query("q").strip();
    if (!text.isEmpty()) {
      q = q.withText(text);
    }
    Optional<LocalDate> from = day(w.query("from"), "from", c, errors);
    Optional<LocalDate> to = day(w.query("to"), "to", c, errors);
    q = q.withReceived(from.orElse(null), to.orElse(null));
    int page = w.query("page").matches("\\d{1,6}") ? Math.max(1, Integer.parseInt(w.query("page"))) : 1;
    q = q.withPage(page);
    QueuePage result = new QueuePage(q, List.of(), 0);
    if (errors.isEmpty()) {
      try {
        result = console.register.queue(q);
      } catch (RequestException e) {
        errors.add(new Views.FieldError(unit.isEmpty() ? "q" : "unit", Console.clean(e.getMessage())));
      } catch (RegisterException e) {
        console.unavailable(w, c.t, e);
        return;
      }
    }
    List<Views.RequestRow> rows = new ArrayList<>();
    for (QueueRow r : result.rows()) {
      rows.add(new Views.RequestRow(r.number(), Console.PATH + "/requests/" + r.number(),
          c.t.get("type." + r.type().key()), c.t.get("channel." + r.channel().name().toLowerCase(Locale.ROOT)),
          c.t.get("status." + r.status().key()), console.time(r.registeredAt()), console.date(r.dueDate(), c.t),
          r.workingDaysLeft().map(n -> left(n, r.overdue(), c.t)).orElse(""), r.overdue(),
          assignment(r.assignment(), console.register.units(), c.t), Console.clean(r.subject())));
    }
    StringBuilder filters = new StringBuilder();
    status.ifPresent(x -> param(filters, "status", x.key()));
    type.ifPresent(x -> param(filters, "type", x.key()));
    channel.ifPresent(x -> param(filters, "channel", x.name().toLowerCase(Locale.ROOT)));
    param(filters, "unit", unit);
    param(filters, "ground", ground);
    param(filters, "q", text);
    from.ifPresent(x -> param(filters, "from", x.toString()));
    to.ifPresent(x -> param(filters, "to", x.toString()));
    String here = Console.PATH + "/?queue=" + queue.key() + filters;
    long pages = result.pages();
    List<Views.Tab> tabs = new ArrayList<>();
    for (Queue x : queues) {
      tabs.add(new Views.Tab(c.t.get("queue." + x.key()), Console.PATH + "/?queue=" + x.key() + filters, x == queue));
    }
    List<Views.Option> statuses = options(c.t, "list.status.any", status.map(RequestStatus::key).orElse(""));
    for (RequestStatus s : RequestStatus.values()) {
      statuses.add(new Views.Option(s.key(), c.t.get("status." + s.key()), status.equals(Optional.of(s))));
    }
    List<Views.Option> types = options(c.t, "list.status.any", "");
    for (RequestType x : RequestType.values()) {
      types.add(new Views.Option(x.key(), c.t.get("type." + x.key()), type.equals(Optional.of(x))));
    }
    List<Views.Option> channels = options(c.t, "list.status.any", "");
    for (Channel x : Channel.values()) {
      String key = x.name().toLowerCase(Locale.ROOT);
      channels.add(new Views.Option(key, c.t.get("channel." + key), channel.equals(Optional.of(x))));
    }
    List<Views.Option> units = options(c.t, "list.status.any", "");
    for (String u : new java.util.TreeSet<>(console.register.units())) {
      units.add(new Views.Option(u, u, u.equals(unit)));
    }
    List<Views.Option> grounds = options(c.t, "list.status.any", ground);
    boolean known = ground.isEmpty();
    for (az.disclose.inbox.model.RefusalGround g : console.register.refusalGrounds()) {
      known |= g.ground().equals(ground);
      grounds.add(new Views.Option(g.ground(), g.label(c.t.language())
          + (g.inUse() ? "" : " (" + c.t.get("refuse.ground.retired") + ")"), g.ground().equals(ground)));
    }
    if (!known) {
      // a refusal recorded with its ground in words (before grounds had keys) is still found by them
      grounds.add(new Views.Option(ground, ground, true));
    }
    Views.RequestList view = new Views.RequestList(queue.key(), c.t.get("queue." + queue.key()), tabs, rows,
        result.total(), result.more(), page, pages, page > 1 ? here + "&page=" + (page - 1) : "",
        page < pages ? here + "&page=" + (page + 1) : "", statuses, types, channels, responder ? List.of() : units,
        from.map(LocalDate::toString).orElse(""), to.map(LocalDate::toString).orElse(""),
        grounds, text);
    console.page(w, errors.isEmpty() ? 200 : 400, "list.ftlh", console.frame(w, c.t, c.session,
        c.t.get("queue." + queue.key()), Console.flash(w, c.t), errors), view);
  }

  private static List<Views.Option> options(Texts t, String anyKey, String selected) {
    List<Views.Option> out = new ArrayList<>();
    out.add(new Views.Option("", t.get(anyKey), selected.isEmpty()));
    return out;
  }

  private static void param(StringBuilder b, String name, String value) {
    if (!value.isEmpty()) {
      b.append('&').append(name).append('=').append(java.net.URLEncoder.encode(value, StandardCharsets.UTF_8));
    }
  }

  private static Optional<LocalDate> day(String value, String field, Console.Call c, List<Views.FieldError> errors) {
    if (value.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(value.strip()));
    } catch (java.time.format.DateTimeParseException e) {
      errors.add(new Views.FieldError(field, c.t.get("list.error.date")));
      return Optional.empty();
    }
  }

  private static Optional<RequestStatus> statusOf(String key) {
    for (RequestStatus s : RequestStatus.values()) {
      if (s.key().equals(key)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  private static Optional<Channel> channelOf(String key) {
    for (Channel ch : Channel.values()) {
      if (ch.name().toLowerCase(Locale.ROOT).equals(key)) {
        return Optional.of(ch);
      }
    }
    return Optional.empty();
  }

  /** Working days left as the officers read them: "3 iş günü qalıb", "bu gün son gündür", "2 iş günü gecikib". */
  static String left(int n, boolean overdue, Texts t) {
    if (n < 0) {
      return t.format("left.late", -n);
    }
    if (overdue) {
      return t.get("left.overdue");
    }
    return n == 0 ? t.get("left.today") : t.format("left.days", n);
  }

  /**
   * "huquq — gözləyir", "huquq — qəbul edib (aysel)", "—" when never assigned; a unit no longer in
   * {@code known} (it left units.yaml) is named as unknown, its assignment kept.
   */
  static String assignment(Assignment a, java.util.Set<String> known, Texts t) {
    if (a.state() == AssignmentState.NONE) {
      return "—";
    }
    String unit = a.unit().orElse("");
    return (known.contains(unit) ? unit : t.format("assignment.unknown", unit)) + " — "
        + t.get("assignment." + a.state().key())
        + a.assignee().map(x -> " (" + x + ")").orElse("");
  }

  /** The request of the path, when it exists and the account may open it; else the answer is sent. */
  private Optional<RequestView> open(Web w, Console.Call c) throws Exception {
    Optional<RequestView> v;
    try {
      v = console.register.find(c.param("number"));
    } catch (RegisterException e) {
      console.unavailable(w, c.t, e);
      return Optional.empty();
    }
    if (v.isEmpty()) {
      console.message(w, c.t, 404, "error.notfound.heading", "error.notfound.text", Console.csrfOf(c.session));
      return Optional.empty();
    }
    Assignment a;
    try {
      a = console.register.assignment(v.get().number());
    } catch (RegisterException e) {
      console.unavailable(w, c.t, e);
      return Optional.empty();
    }
    if (!console.access.mayOpen(c.account(), a)) {
      console.deny(w, c.t, c.session.orElseThrow(), w.request.getMethod() + " " + Console.PATH + w.path
          + ": the request is not assigned to the account's unit");
      return Optional.empty();
    }
    return v;
  }

  void page(Web w, Console.Call c) throws Exception {
    Optional<RequestView> v = open(w, c);
    if (v.isEmpty()) {
      return;
    }
    Views.Drafts drafts = Views.Drafts.none();
    List<Views.FieldError> errors = new ArrayList<>();
    String chosen = w.query("template");
    String language = Texts.LANGUAGES.contains(w.query("tlang")) ? w.query("tlang") : c.t.language();
    if (!chosen.isEmpty()) {
      Optional<TemplateKind> kind = TemplateKind.ofKey(chosen.split("/", 2)[0]);
      String ground = chosen.contains("/") ? chosen.substring(chosen.indexOf('/') + 1) : "";
      String action = kind.map(RequestPages::actionOf).orElse("");
      if (action.isEmpty()) {
        errors.add(new Views.FieldError("template", c.t.get("template.error.unknown")));
      } else {
        try {
          drafts = drafts(action, console.register.fillTemplate(kind.get(), ground, language, v.get().number()))
              .withRefuseGround(ground);
        } catch (RequestException e) {
          errors.add(new Views.FieldError("template", Console.clean(e.getMessage())));
        } catch (RegisterException e) {
          console.unavailable(w, c.t, e);
          return;
        }
      }
    }
    show(w, c, errors.isEmpty() ? 200 : 400, v.get(), Console.flash(w, c.t), errors, drafts, "", chosen, language);
  }

  /** The action whose form a template of {@code kind} fills (the acknowledgement is sent at registration). */
  static String actionOf(TemplateKind kind) {
    return switch (kind) {
      case ANSWER -> "answer";
      case EXTEND -> "extend";
      case FORWARD -> "forward";
      case CLARIFY -> "clarify";
      case REFUSE -> "refuse";
      case ACKNOWLEDGE -> "";
    };
  }

  private void show(Web w, Console.Call c, int status, RequestView v, String flash, List<Views.FieldError> errors,
      Views.Drafts drafts, String previewHtml) throws Exception {
    show(w, c, status, v, flash, errors, drafts, previewHtml, "", c.t.language());
  }

  private void show(Web w, Console.Call c, int status, RequestView v, String flash, List<Views.FieldError> errors,
      Views.Drafts drafts, String previewHtml, String chosenTemplate, String templateLanguage) throws Exception {
    String base = Console.PATH + "/requests/" + v.number();
    List<String> explained = new ArrayList<>();
    for (DeadlineExplanation d : console.register.explainDeadline(v.number())) {
      explained.add(d.toText(c.t.locale()));
    }
    List<Views.FileLink> own = new ArrayList<>();
    List<Views.FileLink> answers = new ArrayList<>();
    List<StoredFile> files = console.register.files(v.number());
    for (int i = 0; i < files.size(); i++) {
      StoredFile a = files.get(i);
      Views.FileLink link = new Views.FileLink(Console.clean(a.fileName()), Console.clean(a.contentType()),
          size(a.size()), base + "/files/" + i);
      (a.role().equals(StoredAttachment.REQUEST) ? own : answers).add(link);
    }
    List<Views.Event> history = new ArrayList<>();
    List<Views.Event> notes = new ArrayList<>();
    for (HistoryEvent e : v.history()) {
      Views.Event ev = new Views.Event(console.time(e.at()), e.actor(),
          c.t.get("event." + e.kind().name().toLowerCase(Locale.ROOT)), Console.clean(e.text()), !e.visibleToRequester());
      (e.visibleToRequester() ? history : notes).add(ev);
    }
    boolean overdue = v.status().open() && console.clock.instant().isAfter(v.dueAt().toInstant());
    Views.Request view = new Views.Request(v.number(), base, c.t.get("type." + v.type().key()),
        c.t.get("channel." + v.channel().name().toLowerCase(Locale.ROOT)),
        c.t.get("urgency." + v.urgency().name().toLowerCase(Locale.ROOT)), c.t.get("status." + v.status().key()),
        v.status().open(), Console.clean(v.name()), Console.clean(v.email()), Console.clean(v.subject()),
        Console.clean(v.message()), console.time(v.registeredAt()),
        console.date(v.dueDate(), c.t), v.status().open() ? console.left(v.dueDate(), overdue, c.t) : "", overdue,
        String.join("\n\n", explained), own, answers, base + "/raw", history, notes,
        Permission.ACT.grantedTo(c.account().role()), drafts, previewHtml,
        workflow(c, v, console.register.assignment(v.number()), chosenTemplate, templateLanguage,
            drafts.refuseGround()));
    console.page(w, status, "request.ftlh", console.frame(w, c.t, c.session, v.number() + " — " + Console.clean(v.subject()), flash,
        errors), view);
  }

  private static String size(long bytes) {
    return bytes < 1024 ? bytes + " B" : bytes < 1024 * 1024 ? (bytes + 1023) / 1024 + " KB"
        : String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
  }

  /** The assignment and what the account may do with it, the templates to start from. */
  private Views.Workflow workflow(Console.Call c, RequestView v, Assignment a, String chosen, String language,
      String refuseGround) throws RegisterException {
    Account account = c.account();
    boolean route = Permission.ROUTE.grantedTo(account.role());
    boolean ofUnit = account.role() == Role.UNIT_RESPONDER && a.unit().isPresent() && a.unit().equals(account.unit());
    List<Views.Option> units = new ArrayList<>();
    for (String u : new java.util.TreeSet<>(console.register.units())) {
      units.add(new Views.Option(u, u, a.unit().equals(Optional.of(u))));
    }
    List<Views.Option> grounds = new ArrayList<>();
    boolean reopenable = false;
    for (ReopenGround g : ReopenGround.values()) {
      if (g.allows(v.status())) {
        reopenable = true;
        grounds.add(new Views.Option(g.key(), c.t.get("reopen.ground." + g.key()), grounds.isEmpty()));
      }
    }
    List<Views.Option> templates = new ArrayList<>();
    java.util.Set<String> seen = new java.util.TreeSet<>();
    java.util.Set<String> retired = new java.util.HashSet<>();
    java.util.Map<String, String> groundLabels = new java.util.HashMap<>();
    List<Views.Option> refusalGrounds = new ArrayList<>();
    refusalGrounds.add(new Views.Option("", c.t.get("refuse.ground.choose"), refuseGround.isEmpty()));
    for (az.disclose.inbox.model.RefusalGround g : console.register.refusalGrounds()) {
      groundLabels.put(g.ground(), g.label(c.t.language()));
      if (!g.inUse()) {
        retired.add(g.ground());
      } else {
        refusalGrounds.add(new Views.Option(g.ground(), g.label(c.t.language()), g.ground().equals(refuseGround)));
      }
    }
    for (NoticeTemplate t : console.register.listTemplates()) {
      String value = t.kind().key() + (t.ground().isEmpty() ? "" : "/" + t.ground());
      if (!actionOf(t.kind()).isEmpty() && !retired.contains(t.ground()) && seen.add(value)) {
        templates.add(new Views.Option(value, c.t.get("template.kind." + t.kind().key())
            + (t.ground().isEmpty() ? "" : " — " + groundLabels.getOrDefault(t.ground(), t.ground())),
            value.equals(chosen)));
      }
    }
    List<Views.Option> languages = new ArrayList<>();
    for (String l : Texts.LANGUAGES) {
      languages.add(new Views.Option(l, c.t.get("language.name." + l), l.equals(language)));
    }
    boolean open = v.status().open();
    boolean unassigned = a.state() == AssignmentState.NONE || a.state() == AssignmentState.REJECTED;
    return new Views.Workflow(assignment(a, console.register.units(), c.t), route && open && a.state() == AssignmentState.NONE,
        route && open && a.state() != AssignmentState.NONE, units, ofUnit && open && a.state() == AssignmentState.PENDING,
        route && reopenable, grounds, route && open, templates, languages, unassigned, refusalGrounds);
  }

  /** The workflow actions on a request: assignment, the unit's answer to it, reopening, withdrawal. */
  static final List<String> FLOW = List.of("assign", "reassign", "accept", "reject", "reopen", "withdraw");

  /** The permission each {@link #FLOW} action needs (accept and reject: the responder of the unit, checked too). */
  static Permission permissionOf(String flow) {
    return flow.equals("accept") || flow.equals("reject") ? Permission.ACT : Permission.ROUTE;
  }

  void flow(Web w, Console.Call c, String action) throws Exception {
    Optional<RequestView> found = open(w, c);
    if (found.isEmpty()) {
      return;
    }
    RequestView v = found.get();
    Account account = c.account();
    if (action.equals("accept") || action.equals("reject")) {
      Assignment a = console.register.assignment(v.number());
      if (account.role() != Role.UNIT_RESPONDER || a.unit().isEmpty() || !a.unit().equals(account.unit())) {
        console.deny(w, c.t, c.session.orElseThrow(), "POST " + Console.PATH + w.path
            + ": only a responder of the unit the request is assigned to accepts or rejects it");
        return;
      }
    }
    String unit = c.form.get("unit");
    String reason = c.form.get("reason");
    String id = action + "-" + (action.equals("assign") ? "unit" : "reason");
    if (!action.equals("accept") && !action.equals("assign") && reason.isEmpty()) {
      show(w, c, 400, v, "", List.of(new Views.FieldError(id, c.t.get("flow.error.reason"))), Views.Drafts.none(), "");
      return;
    }
    if (reason.length() > MAX_TEXT) {
      show(w, c, 400, v, "", List.of(new Views.FieldError(id, c.t.format("action.error.long", MAX_TEXT))),
          Views.Drafts.none(), "");
      return;
    }
    try {
      switch (action) {
        case "assign" -> console.register.assign(v.number(), unit, c.actor());
        case "reassign" -> console.register.reassign(v.number(), unit, c.actor(), reason);
        case "accept" -> console.register.accept(v.number(), c.actor());
        case "reject" -> console.register.reject(v.number(), c.actor(), reason);
        case "reopen" -> console.register.reopen(v.number(), c.actor(),
            ReopenGround.ofKey(c.form.get("ground")).orElseThrow(() -> new RequestException(
                "choose the ground of the reopening (" + c.form.get("ground") + " is not one)")), reason);
        case "withdraw" -> console.register.withdraw(v.number(), c.actor(), reason);
        default -> throw new IllegalArgumentException("unknown action " + action);
      }
    } catch (RequestException ex) {
      show(w, c, 409, v, "", List.of(new Views.FieldError(id, c.t.get("action.error.refused") + " "
          + Console.clean(ex.getMessage()))), Views.Drafts.none(), "");
      return;
    } catch (RegisterException ex) {
      console.unavailable(w, c.t, ex);
      return;
    }
    console.audited(c, action + " " + v.number() + (unit.isEmpty() ? "" : " to unit " + unit));
    // A responder who rejected the request no longer sees it: back to the queue.
    w.redirect(action.equals("reject") ? Console.PATH + "/?flash=reject"
        : Console.PATH + "/requests/" + v.number() + "?flash=" + action);
  }

  void file(Web w, Console.Call c) throws Exception {
    Optional<RequestView> v = open(w, c);
    if (v.isEmpty()) {
      return;
    }
    List<StoredFile> files = console.register.files(v.get().number());
    String index = c.param("index");
    Optional<Attachment> file = !index.matches("\\d{1,4}") || Integer.parseInt(index) >= files.size() ? Optional.empty()
        : console.register.file(v.get().number(), files.get(Integer.parseInt(index)).position());
    if (file.isEmpty()) {
      console.message(w, c.t, 404, "error.notfound.heading", "error.notfound.text", Console.csrfOf(c.session));
      return;
    }
    Attachment a = file.get();
    w.download(a.fileName(), a.bytes());
  }

  void raw(Web w, Console.Call c) throws Exception {
    Optional<RequestView> v = open(w, c);
    if (v.isEmpty()) {
      return;
    }
    boolean mail = v.get().channel() == az.disclose.inbox.model.Channel.EMAIL;
    w.download(v.get().number() + (mail ? ".eml" : ".txt"), console.register.raw(v.get().number()));
  }

  /** The form field of each action's text, and its id on the page. */
  private static String field(String action) {
    return switch (action) {
      case "extend" -> "reason";
      case "forward" -> "body";
      default -> "text";
    };
  }

  void act(Web w, Console.Call c, String action) throws Exception {
    Optional<RequestView> found = open(w, c);
    if (found.isEmpty()) {
      return;
    }
    RequestView v = found.get();
    if (action.equals("refuse")) {
      refuse(w, c, v);
      return;
    }
    String text = c.form.get(field(action));
    Views.Drafts drafts = drafts(action, text);
    String id = action + "-" + field(action);
    if (text.isEmpty()) {
      show(w, c, 400, v, "", List.of(new Views.FieldError(id, c.t.get("action.error.empty." + action))), drafts, "");
      return;
    }
    if (text.length() > MAX_TEXT) {
      show(w, c, 400, v, "", List.of(new Views.FieldError(id, c.t.format("action.error.long", MAX_TEXT))), drafts, "");
      return;
    }
    if (action.equals("answer") && !c.form.get("preview").isEmpty()) {
      show(w, c, 200, v, "", List.of(), drafts, markdown.toHtml(text));
      return;
    }
    HistoryEvent e;
    try {
      e = switch (action) {
        case "answer" -> console.register.answer(v.number(), c.actor(), text, attachments(c.form));
        case "extend" -> console.register.extend(v.number(), c.actor(), text);
        case "forward" -> console.register.forward(v.number(), c.actor(), text);
        case "clarify" -> console.register.clarify(v.number(), c.actor(), text);
        case "note" -> console.register.note(v.number(), c.actor(), text);
        default -> throw new IllegalArgumentException("unknown action " + action);
      };
    } catch (RequestException ex) {
      // The register refuses (answered already, extended once): say so beside the form.
      show(w, c, 409, v, "", List.of(new Views.FieldError(id, c.t.get("action.error.refused") + " " + ex.getMessage())),
          drafts, "");
      return;
    } catch (RegisterException ex) {
      console.unavailable(w, c.t, ex);
      return;
    }
    console.audited(c, action + " " + v.number());
    String mail = action.equals("note") ? "" : "&mail=" + console.mail.of(v.number(), e.id()).name().toLowerCase(Locale.ROOT);
    w.redirect(Console.PATH + "/requests/" + v.number() + "?flash=" + action + mail);
  }

  private static Views.Drafts drafts(String action, String text) {
    return new Views.Drafts(action.equals("answer") ? text : "", action.equals("extend") ? text : "",
        action.equals("forward") ? text : "", action.equals("clarify") ? text : "", action.equals("refuse") ? text : "",
        action.equals("note") ? text : "", "");
  }

  /**
   * The refusal: a ground in use must be chosen ({@code ground}, its key) and a letter written ({@code
   * text}); "fill from the template" ({@code fill}) puts the ground's template, in the requester's
   * language, into the letter and shows the form again without refusing.
   */
  private void refuse(Web w, Console.Call c, RequestView v) throws Exception {
    String ground = c.form.get("ground").strip();
    String letter = c.form.get("text");
    Views.Drafts drafts = drafts("refuse", letter).withRefuseGround(ground);
    Optional<az.disclose.inbox.model.RefusalGround> g = Optional.empty();
    for (az.disclose.inbox.model.RefusalGround x : console.register.refusalGrounds()) {
      if (x.ground().equals(ground)) {
        g = Optional.of(x);
      }
    }
    String problem = ground.isEmpty() ? "refuse.error.ground.missing" : g.isEmpty() ? "refuse.error.ground.unknown"
        : g.get().inUse() ? "" : "refuse.error.ground.retired";
    if (!problem.isEmpty()) {
      show(w, c, 400, v, "", List.of(new Views.FieldError("refuse-ground", c.t.get(problem))),
          drafts.withRefuseGround(""), "");
      return;
    }
    if (!c.form.get("fill").isEmpty()) {
      try {
        String filled = console.register.fillTemplate(TemplateKind.REFUSE, ground,
            v.language().equals("en") ? "en" : "az", v.number());
        show(w, c, 200, v, "", List.of(), drafts("refuse", filled).withRefuseGround(ground), "");
      } catch (RequestException ex) {
        show(w, c, 409, v, "", List.of(new Views.FieldError("refuse-ground", c.t.get("action.error.refused") + " "
            + Console.clean(ex.getMessage()))), drafts, "");
      }
      return;
    }
    if (letter.isBlank()) {
      show(w, c, 400, v, "", List.of(new Views.FieldError("refuse-text", c.t.get("action.error.empty.refuse"))),
          drafts, "");
      return;
    }
    if (letter.length() > MAX_TEXT) {
      show(w, c, 400, v, "", List.of(new Views.FieldError("refuse-text", c.t.format("action.error.long", MAX_TEXT))),
          drafts, "");
      return;
    }
    HistoryEvent e;
    try {
      e = console.register.refuse(v.number(), c.actor(), ground, letter);
    } catch (RequestException ex) {
      show(w, c, 409, v, "", List.of(new Views.FieldError("refuse-ground", c.t.get("action.error.refused") + " "
          + Console.clean(ex.getMessage()))), drafts, "");
      return;
    } catch (RegisterException ex) {
      console.unavailable(w, c.t, ex);
      return;
    }
    console.audited(c, "refuse " + v.number() + " on ground " + ground);
    w.redirect(Console.PATH + "/requests/" + v.number() + "?flash=refuse&mail="
        + console.mail.of(v.number(), e.id()).name().toLowerCase(Locale.ROOT));
  }

  private static List<Attachment> attachments(Form form) {
    List<Attachment> out = new ArrayList<>();
    for (Form.Upload u : form.files()) {
      out.add(new Attachment(safeName(u.fileName()), u.contentType(), u.bytes()));
    }
    return out;
  }

  /** The last segment of a file name, without control or bidi characters or leading dots. */
  static String safeName(String name) {
    String n = name.replace('\\', '/');
    n = n.substring(n.lastIndexOf('/') + 1);
    StringBuilder b = new StringBuilder();
    n.codePoints().filter(cp -> !Character.isISOControl(cp) && Character.getType(cp) != Character.FORMAT)
        .forEach(b::appendCodePoint);
    String s = b.toString().strip().replaceFirst("^\\.+", "");
    return s.isEmpty() ? "file" : s.length() > 200 ? s.substring(0, 200) : s;
  }
}
