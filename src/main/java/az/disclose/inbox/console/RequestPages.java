package az.disclose.inbox.console;

import az.disclose.calendar.DeadlineExplanation;
import az.disclose.inbox.ListFilter;
import az.disclose.inbox.Register.RegisterException;
import az.disclose.inbox.RequestException;
import az.disclose.inbox.model.Attachment;
import az.disclose.inbox.model.HistoryEvent;
import az.disclose.inbox.model.RequestStatus;
import az.disclose.inbox.model.RequestSummary;
import az.disclose.inbox.model.RequestView;
import az.disclose.inbox.model.StoredAttachment;
import az.disclose.render.Markdown;
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

  void list(Web w, Console.Call c) throws Exception {
    ListFilter filter = ListFilter.all();
    Optional<RequestStatus> status = statusOf(w.query("status"));
    if (status.isPresent()) {
      filter = filter.withStatus(status.get());
    }
    boolean open = w.query("open").equals("1");
    boolean overdue = w.query("overdue").equals("1");
    String due = w.query("due");
    if (open) {
      filter = filter.onlyOpen();
    }
    if (overdue) {
      filter = filter.onlyOverdue();
    }
    if (due.matches("\\d{1,3}")) {
      filter = filter.dueWithin(Integer.parseInt(due));
    } else {
      due = "";
    }
    List<RequestSummary> all;
    try {
      all = console.register.list(filter);
    } catch (RegisterException e) {
      console.unavailable(w, c.t, e);
      return;
    }
    List<RequestSummary> visible = new ArrayList<>();
    for (RequestSummary s : all) {
      if (console.access.listed(c.account(), s)) {
        visible.add(s);
      }
    }
    // Newest first: the work of today on top.
    java.util.Collections.reverse(visible);
    int pages = Math.max(1, (visible.size() + Console.PAGE_SIZE - 1) / Console.PAGE_SIZE);
    int page = w.query("page").matches("\\d{1,6}") ? Math.min(Math.max(1, Integer.parseInt(w.query("page"))), pages) : 1;
    List<Views.RequestRow> rows = new ArrayList<>();
    for (RequestSummary s : visible.subList((page - 1) * Console.PAGE_SIZE,
        Math.min(visible.size(), page * Console.PAGE_SIZE))) {
      rows.add(new Views.RequestRow(s.number(), Console.PATH + "/requests/" + s.number(), c.t.get("type." + s.type().key()),
          c.t.get("channel." + s.channel().name().toLowerCase(Locale.ROOT)), c.t.get("status." + s.status().key()),
          console.time(s.registeredAt()), console.date(s.dueDate(), c.t),
          s.status().open() ? console.left(s.dueDate(), s.overdue(), c.t) : "", s.overdue(), Console.clean(s.name()), Console.clean(s.subject())));
    }
    String query = (status.map(x -> "&status=" + x.key()).orElse("")) + (open ? "&open=1" : "")
        + (overdue ? "&overdue=1" : "") + (due.isEmpty() ? "" : "&due=" + due);
    List<Views.Option> statuses = new ArrayList<>();
    statuses.add(new Views.Option("", c.t.get("list.status.any"), status.isEmpty()));
    for (RequestStatus s : RequestStatus.values()) {
      statuses.add(new Views.Option(s.key(), c.t.get("status." + s.key()), status.equals(Optional.of(s))));
    }
    Views.RequestList view = new Views.RequestList(rows, visible.size(), page, pages,
        page > 1 ? Console.PATH + "/?page=" + (page - 1) + query : "",
        page < pages ? Console.PATH + "/?page=" + (page + 1) + query : "", statuses, open, overdue, due);
    console.page(w, 200, "list.ftlh", console.frame(w, c.t, c.session, c.t.get("list.title"), Console.flash(w, c.t),
        List.of()), view);
  }

  private static Optional<RequestStatus> statusOf(String key) {
    for (RequestStatus s : RequestStatus.values()) {
      if (s.key().equals(key)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
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
    if (!console.access.mayOpen(c.account(), v.get())) {
      console.deny(w, c.t, c.session.orElseThrow(), w.request.getMethod() + " " + Console.PATH + w.path
          + ": the request is not assigned to the account's unit");
      return Optional.empty();
    }
    return v;
  }

  void page(Web w, Console.Call c) throws Exception {
    Optional<RequestView> v = open(w, c);
    if (v.isPresent()) {
      show(w, c, 200, v.get(), Console.flash(w, c.t), List.of(), Views.Drafts.none(), "");
    }
  }

  private void show(Web w, Console.Call c, int status, RequestView v, String flash, List<Views.FieldError> errors,
      Views.Drafts drafts, String previewHtml) throws Exception {
    String base = Console.PATH + "/requests/" + v.number();
    List<String> explained = new ArrayList<>();
    for (DeadlineExplanation d : console.register.explainDeadline(v.number())) {
      explained.add(d.toText(c.t.locale()));
    }
    List<Views.FileLink> own = new ArrayList<>();
    List<Views.FileLink> answers = new ArrayList<>();
    List<StoredAttachment> files = console.register.attachments(v.number());
    for (int i = 0; i < files.size(); i++) {
      StoredAttachment a = files.get(i);
      Views.FileLink link = new Views.FileLink(Console.clean(a.attachment().fileName()),
          Console.clean(a.attachment().contentType()),
          size(a.attachment().bytes().length), base + "/files/" + i);
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
        Permission.ACT.grantedTo(c.account().role()), drafts, previewHtml);
    console.page(w, status, "request.ftlh", console.frame(w, c.t, c.session, v.number() + " — " + Console.clean(v.subject()), flash,
        errors), view);
  }

  private static String size(long bytes) {
    return bytes < 1024 ? bytes + " B" : bytes < 1024 * 1024 ? (bytes + 1023) / 1024 + " KB"
        : String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
  }

  void file(Web w, Console.Call c) throws Exception {
    Optional<RequestView> v = open(w, c);
    if (v.isEmpty()) {
      return;
    }
    List<StoredAttachment> files = console.register.attachments(v.get().number());
    String index = c.param("index");
    if (!index.matches("\\d{1,4}") || Integer.parseInt(index) >= files.size()) {
      console.message(w, c.t, 404, "error.notfound.heading", "error.notfound.text", Console.csrfOf(c.session));
      return;
    }
    Attachment a = files.get(Integer.parseInt(index)).attachment();
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
      case "refuse" -> "ground";
      default -> "text";
    };
  }

  void act(Web w, Console.Call c, String action) throws Exception {
    Optional<RequestView> found = open(w, c);
    if (found.isEmpty()) {
      return;
    }
    RequestView v = found.get();
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
        case "refuse" -> console.register.refuse(v.number(), c.actor(), text);
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
        action.equals("note") ? text : "");
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
