package az.disclose.inbox.web;

import az.disclose.inbox.Register;
import az.disclose.inbox.web.InboxViews.LostLinkPage;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Fields;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /requests/link}: a requester who lost the private status link asks for it again with the
 * request's number and e-mail address. {@code GET} shows the form; {@code POST} asks the register
 * ({@link Register#resendLink}), which queues the link to the address on record when the pair matches.
 * The answer is the same page whether it matched or not, and never shows the link: only the owner of
 * the address on record gets it. Rate-limited per client and per e-mail address; a filled honeypot
 * field is refused as on the request form. No CSRF token: the form changes nothing an attacker could
 * use (at most a mail to the address on record, under the limits).
 */
final class LostLinkEndpoint implements IntakeHandler.Endpoint {
  /** The largest form body read (a number and an address are a few dozen bytes). */
  static final int MAX_FORM_BYTES = 4 * 1024;
  /** Per client address: this many asks at once... */
  static final int CLIENT_BURST = 5;
  /** ...then one more per this period. */
  static final Duration CLIENT_REFILL = Duration.ofMinutes(1);
  /** Per e-mail address typed (whatever the client): this many asks at once... */
  static final int EMAIL_BURST = 3;
  /** ...then one more per this period, so that an address gets at most about 3 links an hour. */
  static final Duration EMAIL_REFILL = Duration.ofMinutes(20);
  /** The longest number and e-mail address looked at (longer is no request's). */
  static final int MAX_FIELD_CHARS = 254;
  private static final Logger LOG = LoggerFactory.getLogger(LostLinkEndpoint.class);

  private final Register register;
  private final Answers answers;
  private final IntakeLimits limits;
  private final RateLimiter perClient;
  private final RateLimiter perEmail;

  LostLinkEndpoint(Register register, Answers answers, IntakeLimits limits, Clock clock) {
    this.register = register;
    this.answers = answers;
    this.limits = limits;
    this.perClient = new RateLimiter(clock, CLIENT_BURST, CLIENT_REFILL);
    this.perEmail = new RateLimiter(clock, EMAIL_BURST, EMAIL_REFILL);
  }

  @Override
  public void answer(Exchange x) throws Exception {
    if (x.get()) {
      Fields query = Request.extractQueryParameters(x.request);
      String lang = query.getValue("lang");
      lang = lang != null && answers.hasLanguage(lang) ? lang : answers.language(
          x.request.getHeaders().get(HttpHeader.ACCEPT_LANGUAGE));
      page(x, HttpStatus.OK_200, lang, false);
    } else if (HttpMethod.POST.is(x.request.getMethod())) {
      ask(x);
    } else {
      x.header(HttpHeader.ALLOW, "GET, HEAD, POST");
      answers.error(x, HttpStatus.METHOD_NOT_ALLOWED_405, answers.defaultLanguage(), "method", "method_not_allowed");
    }
  }

  private void ask(Exchange x) throws Exception {
    String lang = answers.language(x.request.getHeaders().get(HttpHeader.ACCEPT_LANGUAGE));
    String contentType = x.request.getHeaders().get(HttpHeader.CONTENT_TYPE);
    String mime = contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    if (!mime.equals(SubmitEndpoint.URLENCODED)) {
      answers.error(x, HttpStatus.UNSUPPORTED_MEDIA_TYPE_415, lang, "unsupported", "unsupported_media_type");
      return;
    }
    long declared = x.request.getLength();
    if (declared > MAX_FORM_BYTES) {
      x.header(HttpHeader.CONNECTION, "close");
      answers.error(x, HttpStatus.PAYLOAD_TOO_LARGE_413, lang, "toolarge", "too_large",
          Map.of("max_bytes", MAX_FORM_BYTES), (MAX_FORM_BYTES / 1024) + " KiB");
      return;
    }
    long wait = perClient.acquire(x.remoteAddress());
    if (wait > 0) {
      limited(x, lang, wait);
      return;
    }
    byte[] body;
    try {
      body = BodyReceiver.receiveInMemory(x.request, MAX_FORM_BYTES, limits.bodyIdleTimeout(), limits.bodyTotalTimeout());
    } catch (BodyReceiver.TooLarge e) {
      x.header(HttpHeader.CONNECTION, "close");
      answers.error(x, HttpStatus.PAYLOAD_TOO_LARGE_413, lang, "toolarge", "too_large",
          Map.of("max_bytes", MAX_FORM_BYTES), (MAX_FORM_BYTES / 1024) + " KiB");
      return;
    } catch (BodyReceiver.TimedOut e) {
      x.header(HttpHeader.CONNECTION, "close");
      answers.error(x, HttpStatus.REQUEST_TIMEOUT_408, lang, "timeout", "timeout");
      return;
    } catch (IOException e) {
      x.callback.failed(e);
      return;
    }
    FormInput form;
    try {
      form = FormInput.urlEncoded(body);
    } catch (FormInput.MalformedException e) {
      answers.error(x, HttpStatus.BAD_REQUEST_400, lang, e.encoding() ? "encoding" : "malformed",
          e.encoding() ? "not_utf8" : "malformed");
      return;
    }
    lang = FormValidator.language(form, lang);
    if (FormValidator.honeypotFilled(form)) {
      LOG.info("lost-link request refused: the honeypot field was filled");
      answers.error(x, HttpStatus.BAD_REQUEST_400, lang, "honeypot", "rejected");
      return;
    }
    String number = field(form, "number");
    String email = field(form, "email");
    if (number.isEmpty() || email.isEmpty()) {
      page(x, HttpStatus.UNPROCESSABLE_ENTITY_422, lang, false);
      return;
    }
    wait = perEmail.acquire(email.toLowerCase(Locale.ROOT));
    if (wait > 0) {
      limited(x, lang, wait);
      return;
    }
    try {
      // whether it matched is neither logged with the address nor shown
      register.resendLink(number, email);
    } catch (Register.RegisterException e) {
      LOG.error("a lost-link request could not be recorded: {}", e.getMessage());
      answers.error(x, HttpStatus.SERVICE_UNAVAILABLE_503, lang, "lookupfailed", "unavailable");
      return;
    }
    page(x, HttpStatus.OK_200, lang, true);
  }

  private static String field(FormInput form, String name) {
    String v = form.get(name);
    return v == null || v.length() > MAX_FIELD_CHARS ? "" : v.strip();
  }

  private void limited(Exchange x, String lang, long wait) throws Exception {
    x.header(HttpHeader.RETRY_AFTER, Long.toString(wait));
    answers.error(x, HttpStatus.TOO_MANY_REQUESTS_429, lang, "ratelimited", "rate_limited",
        Map.of("retry_after", wait), String.valueOf(wait));
  }

  private void page(Exchange x, int status, String lang, boolean sent) throws Exception {
    Map<String, String> msg = answers.messages(lang);
    String title = msg.getOrDefault(sent ? "inbox.lostlink.sent_title" : "inbox.lostlink.title", "");
    answers.page(x, status, lang, "inbox-lost-link.ftlh", title,
        new LostLinkPage(IntakeHandler.LOST_LINK_PATH, lang, sent, IntakeHandler.FORM_PAGE));
  }
}
