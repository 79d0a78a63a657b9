package az.disclose.inbox.web;

import az.disclose.inbox.model.HistoryEvent;
import az.disclose.inbox.Register;
import az.disclose.inbox.model.RequestType;
import az.disclose.inbox.model.RequestView;
import az.disclose.inbox.model.Urgency;
import az.disclose.inbox.web.InboxViews.EventLine;
import az.disclose.inbox.web.InboxViews.HistoryJson;
import az.disclose.inbox.web.InboxViews.RequestPage;
import az.disclose.inbox.web.InboxViews.StatusJson;
import az.disclose.render.AzDates;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
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
 * its requester sees it (the receipt right after sending, the status page later), or its JSON.
 */
final class RequestPageEndpoint implements IntakeHandler.Endpoint {
  static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{16,200}");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
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
    String token = x.path().substring(prefix.length());
    Optional<RequestView> found;
    try {
      found = TOKEN.matcher(token).matches() ? register.findByToken(token) : Optional.empty();
    } catch (Register.RegisterException | RuntimeException e) {
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
    List<HistoryEvent> visible = view.history().stream().filter(HistoryEvent::visibleToRequester).toList();
    if (x.json) {
      x.sendJson(HttpStatus.OK_200, new StatusJson(view.number(), view.type().key(), view.urgency().key(),
          view.status().key(), view.subject(), view.registeredAt().toString(), view.dueDate().toString(),
          view.dueAt() == null ? null : view.dueAt().toOffsetDateTime().toString(), statusPath,
          visible.stream().map(e -> new HistoryJson(e.at().toString(), e.kind().name().toLowerCase(Locale.ROOT),
              e.text())).toList()));
      return;
    }
    Map<String, String> msg = answers.messages(lang);
    Locale locale = Locale.forLanguageTag(lang);
    ZoneId zone = view.dueAt() != null ? view.dueAt().getZone() : IntakeHandler.BAKU;
    List<EventLine> events = visible.stream().map(e -> new EventLine(
        e.at().toString(),
        dateTime(e.at().atZone(zone), locale),
        msg.getOrDefault("inbox.event." + e.kind().name().toLowerCase(Locale.ROOT), e.kind().name()),
        e.text() == null ? "" : e.text())).toList();
    RequestPage page = new RequestPage(
        view.number(),
        view.subject(),
        typeLabel(msg, view.type()),
        view.type().regime().allowsUrgency(),
        urgencyLabel(msg, view.urgency()),
        view.status().key(),
        msg.getOrDefault("inbox.state." + view.status().key(), view.status().key()),
        view.registeredAt().toString(),
        dateTime(view.registeredAt().atZone(zone), locale),
        view.dueDate().toString(),
        hourRule(view) ? dateTime(view.dueAt(), locale) : AzDates.format(view.dueDate(), locale),
        msg.getOrDefault(basisKey(view), ""),
        statusPath,
        answers.absolute(lang, statusPath),
        events);
    String title = msg.getOrDefault(receipt ? "inbox.receipt.title" : "inbox.status.title", "");
    answers.page(x, HttpStatus.OK_200, lang, receipt ? "inbox-receipt.ftlh" : "inbox-status.ftlh", title, page);
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

  private static String dateTime(ZonedDateTime at, Locale locale) {
    return AzDates.format(at.toLocalDate(), locale) + ", " + at.format(TIME);
  }
}
