package az.disclose.inbox.web;

import az.disclose.inbox.Register;
import az.disclose.inbox.RequestException;
import az.disclose.inbox.model.Attachment;
import az.disclose.inbox.model.EventKind;
import az.disclose.inbox.model.HistoryEvent;
import az.disclose.inbox.model.StoredAttachment;
import az.disclose.inbox.model.StoredFile;
import az.disclose.inbox.model.RequestType;
import az.disclose.inbox.model.RequestView;
import az.disclose.inbox.model.Urgency;
import az.disclose.inbox.web.InboxViews.AnswerJson;
import az.disclose.inbox.web.InboxViews.AnswerView;
import az.disclose.inbox.web.InboxViews.EventLine;
import az.disclose.inbox.web.InboxViews.FileJson;
import az.disclose.inbox.web.InboxViews.FileLine;
import az.disclose.inbox.web.InboxViews.HistoryJson;
import az.disclose.inbox.web.InboxViews.RequestPage;
import az.disclose.inbox.web.InboxViews.StatusJson;
import az.disclose.render.AzDates;
import az.disclose.render.Markdown;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /requests/receipt/<token>} and {@code /requests/status/<token>}: a registered request as
 * its requester sees it (the receipt right after sending, the status page later, leading with the
 * answer), or its JSON; and {@code /requests/status/<token>/files/<position>}, the answers' files, for
 * whoever holds the private link.
 */
final class RequestPageEndpoint implements IntakeHandler.Endpoint {
  static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{16,200}");
  /** The tail of a file's address under the status path: {@code /files/<position>}. */
  static final String FILES = "/files/";
  private static final Pattern FILE_ID = Pattern.compile("[0-9]{1,9}");
  private static final Markdown MARKDOWN = new Markdown();
  private static final Logger LOG = LoggerFactory.getLogger(RequestPageEndpoint.class);

  private final Register register;
  private final Answers answers;
  private final String prefix;
  private final boolean receipt;

  /** @param receipt the receipt page under {@code prefix}, else the status page */
  RequestPageEndpoint(Register register, Answers answers, String prefix, boolean receipt) {
    this.register = register;
    this.answers = answers;
    this.prefix = prefix;
    this.receipt = receipt;
  }

  @Override
  public boolean owns(String path) {
    return path.startsWith(prefix);
  }

  @Override
  public void answer(Exchange x) throws Exception {
    String lang0 = answers.defaultLanguage();
    if (!x.get()) {
      x.header(HttpHeader.ALLOW, "GET, HEAD");
      answers.error(x, HttpStatus.METHOD_NOT_ALLOWED_405, lang0, "method", "method_not_allowed");
      return;
    }
    String rest = x.path().substring(prefix.length());
    String token = rest;
    String fileId = null;
    int files = rest.indexOf(FILES);
    if (files >= 0 && !receipt) {
      token = rest.substring(0, files);
      fileId = rest.substring(files + FILES.length());
    }
    Optional<RequestView> found;
    List<StoredFile> stored;
    try {
      found = TOKEN.matcher(token).matches() ? register.findByToken(token) : Optional.empty();
      stored = found.isEmpty() ? List.of() : register.files(found.get().number());
    } catch (Register.RegisterException | RequestException | RuntimeException e) {
      LOG.error("the register could not look up a status token: {}", e.getMessage());
      answers.error(x, HttpStatus.SERVICE_UNAVAILABLE_503, lang0, "lookupfailed", "unavailable");
      return;
    }
    if (found.isEmpty()) {
      answers.error(x, HttpStatus.NOT_FOUND_404, lang0, "notfound", "not_found");
      return;
    }
    RequestView view = found.get();
    String lang = FormValidator.LANGUAGES.contains(view.language()) ? view.language() : lang0;
    String statusPath = IntakeHandler.STATUS_PREFIX + token;
    List<StoredFile> answerFiles = stored.stream()
        .filter(a -> a.role().equals(StoredAttachment.ANSWER)).toList();
    if (fileId != null) {
      download(x, lang, view, answerFiles, fileId);
      return;
    }
    Map<String, String> msg = answers.messages(lang);
    Locale locale = Locale.forLanguageTag(lang);
    ZoneId zone = view.dueAt() != null ? view.dueAt().getZone() : IntakeHandler.BAKU;
    List<PublicHistory.Entry> entries = PublicHistory.of(view.number(), view.history(), msg, locale);
    List<HistoryEvent> answered = view.history().stream()
        .filter(e -> e.kind() == EventKind.ANSWERED && e.visibleToRequester())
        .sorted(Comparator.comparing(HistoryEvent::at).thenComparing(HistoryEvent::id).reversed()).toList();
    if (x.json) {
      x.sendJson(HttpStatus.OK_200, new StatusJson(view.number(), view.type().key(), view.urgency().key(),
          view.status().key(), view.subject(), view.registeredAt().toString(), view.dueDate().toString(),
          view.dueAt() == null ? null : view.dueAt().toOffsetDateTime().toString(), statusPath,
          view.attachments().stream().map(a -> new FileJson(a.fileName(), a.contentType(), a.size(), null)).toList(),
          answered.stream().map(e -> new AnswerJson(e.at().toString(), e.text(),
              filesOf(answerFiles, e).stream().map(a -> new FileJson(a.fileName(),
                  Downloads.contentType(a.contentType()), a.size(),
                  answers.absolute(lang, filePath(statusPath, a)))).toList())).toList(),
          entries.stream().map(e -> new HistoryJson(e.event().at().toString(),
              e.event().kind().name().toLowerCase(Locale.ROOT), e.sentence())).toList()));
      return;
    }
    List<EventLine> events = entries.stream().map(e -> new EventLine(
        e.event().at().toString(),
        PublicHistory.dateTime(e.event().at(), zone, locale),
        e.sentence(),
        e.anchor())).toList();
    List<AnswerView> answerViews = answered.stream().map(e -> new AnswerView(
        "answer-" + e.id(),
        e.at().toString(),
        PublicHistory.dateTime(e.at(), zone, locale),
        MARKDOWN.toHtml(e.text() == null ? "" : e.text()),
        filesOf(answerFiles, e).stream().map(a -> new FileLine(a.fileName(),
            size(msg, locale, a.size()), filePath(statusPath, a))).toList())).toList();
    List<FileLine> own = view.attachments().stream()
        .map(a -> new FileLine(a.fileName(), size(msg, locale, a.size()), null)).toList();
    String basis = PublicHistory.currentRule(view.history())
        .map(rule -> PublicHistory.basisText(msg, rule))
        .filter(b -> !b.isEmpty())
        .orElseGet(() -> msg.getOrDefault(basisKey(view), ""));
    RequestPage page = new RequestPage(
        view.number(),
        view.subject(),
        typeLabel(msg, view.type()),
        view.type().regime().allowsUrgency(),
        urgencyLabel(msg, view.urgency()),
        view.status().key(),
        msg.getOrDefault("inbox.state." + view.status().key(), view.status().key()),
        view.registeredAt().toString(),
        PublicHistory.dateTime(view.registeredAt(), zone, locale),
        view.dueDate().toString(),
        hourRule(view) ? PublicHistory.dateTime(view.dueAt(), locale) : AzDates.format(view.dueDate(), locale),
        basis,
        statusPath,
        answers.absolute(lang, statusPath),
        view.message() == null ? "" : view.message(),
        own,
        answerViews,
        events,
        IntakeHandler.LOST_LINK_PATH + "?lang=" + lang);
    String title = msg.getOrDefault(receipt ? "inbox.receipt.title" : "inbox.status.title", "");
    answers.page(x, HttpStatus.OK_200, lang, receipt ? "inbox-receipt.ftlh" : "inbox-status.ftlh", title, page);
  }

  /**
   * {@code <status path>/files/<position>}: a file of one of the request's answers; any other id (the
   * request's own files, another request's, none) is not found.
   */
  private void download(Exchange x, String lang, RequestView view, List<StoredFile> answerFiles, String id)
      throws Exception {
    Optional<StoredFile> listed = FILE_ID.matcher(id).matches()
        ? answerFiles.stream().filter(a -> Integer.toString(a.position()).equals(id)).findFirst()
        : Optional.empty();
    Optional<Attachment> file;
    try {
      file = listed.isEmpty() ? Optional.empty() : register.file(view.number(), listed.get().position());
    } catch (Register.RegisterException | RequestException | RuntimeException e) {
      LOG.error("the register could not read an answer file of {}: {}", view.number(), e.getMessage());
      answers.error(x, HttpStatus.SERVICE_UNAVAILABLE_503, lang, "lookupfailed", "unavailable");
      return;
    }
    if (file.isEmpty()) {
      answers.error(x, HttpStatus.NOT_FOUND_404, lang, "filenotfound", "not_found");
      return;
    }
    Attachment a = file.get();
    LOG.debug("{}: answer file {} downloaded", view.number(), id);
    x.sendDownload(Downloads.contentType(a.contentType()), Downloads.contentDisposition(a.fileName()), a.bytes());
  }

  private static List<StoredFile> filesOf(List<StoredFile> answerFiles, HistoryEvent answer) {
    return answerFiles.stream().filter(a -> a.historyId() == answer.id()).toList();
  }

  private static String filePath(String statusPath, StoredFile a) {
    return statusPath + FILES + a.position();
  }

  /** A size in words: bytes under 1 KB, else KB, else MB with one decimal (the page's decimal mark). */
  static String size(Map<String, String> msg, Locale locale, long bytes) {
    if (bytes < 1024) {
      return PublicHistory.fill(msg, "inbox.size.bytes", Long.toString(bytes));
    }
    if (bytes < 1024 * 1024) {
      return PublicHistory.fill(msg, "inbox.size.kb", Long.toString((bytes + 1023) / 1024));
    }
    return PublicHistory.fill(msg, "inbox.size.mb", String.format(locale, "%.1f", bytes / (1024.0 * 1024.0)));
  }

  /** The label of a request type in the form's words, else the inbox's. */
  static String typeLabel(Map<String, String> msg, RequestType t) {
    return msg.getOrDefault("request.type." + t.key(), msg.getOrDefault("inbox.type." + t.key(), t.key()));
  }

  static String urgencyLabel(Map<String, String> msg, Urgency u) {
    return msg.getOrDefault("request.urgency." + u.key(), u.key());
  }

  /** Hour rules (art. 24.2, 24.3) are due at a time; working-day rules at the end of a day. */
  private static boolean hourRule(RequestView view) {
    return view.type().regime().allowsUrgency() && view.urgency() != Urgency.NORMAL && view.dueAt() != null;
  }

  /** {@code inbox.basis.information.<urgency>} or {@code inbox.basis.appeal}: the law and article of the period. */
  private static String basisKey(RequestView view) {
    RequestType.Regime regime = view.type().regime();
    return "inbox.basis." + regime.key() + (regime.allowsUrgency() ? "." + view.urgency().key() : "");
  }
}
