package az.disclose.inbox.web;

import az.disclose.inbox.model.Channel;
import az.disclose.inbox.model.Receipt;
import az.disclose.inbox.Register;
import az.disclose.inbox.model.RequestType;
import az.disclose.inbox.model.Submission;
import az.disclose.inbox.model.Urgency;
import az.disclose.inbox.web.InboxViews.FieldErrorsJson;
import az.disclose.inbox.web.InboxViews.FormPage;
import az.disclose.inbox.web.InboxViews.ListedError;
import az.disclose.inbox.web.InboxViews.ReceiptJson;
import az.disclose.site.Views.Option;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A received body made a request: decoded, checked, registered, and answered with the receipt (or
 * the form again with its errors, or what is known when the register failed).
 *
 * <p>Citizens' text is never logged; log lines carry request numbers only.
 */
final class Registration {
  private static final Logger LOG = LoggerFactory.getLogger(Registration.class);

  private final Register register;
  private final Answers answers;
  private final IntakeLimits limits;
  private final FormValidator validator;

  Registration(Register register, Answers answers, IntakeLimits limits) {
    this.register = register;
    this.answers = answers;
    this.limits = limits;
    this.validator = new FormValidator(limits);
  }

  /** @param urlEncoded the body is {@code application/x-www-form-urlencoded}, else multipart */
  void decodeAndRegister(Exchange x, byte[] body, String contentType, boolean urlEncoded, String address)
      throws Exception {
    String defaultLanguage = answers.defaultLanguage();
    FormInput form;
    try {
      form = urlEncoded ? FormInput.urlEncoded(body) : FormInput.multipart(body, contentType, limits);
    } catch (FormInput.MalformedException e) {
      LOG.info("submission refused: {}", e.getMessage());
      if (e.encoding()) {
        answers.error(x, HttpStatus.BAD_REQUEST_400, defaultLanguage, "encoding", "not_utf8");
      } else {
        answers.error(x, HttpStatus.BAD_REQUEST_400, defaultLanguage, "malformed", "malformed");
      }
      return;
    }
    String lang = FormValidator.language(form, defaultLanguage);
    if (FormValidator.honeypotFilled(form)) {
      LOG.info("submission refused: the honeypot field was filled; nothing stored");
      answers.error(x, HttpStatus.BAD_REQUEST_400, lang, "honeypot", "rejected");
      return;
    }
    FormValidator.Result result = validator.validate(form, defaultLanguage);
    lang = result.language();
    if (!result.valid()) {
      invalid(x, result);
      return;
    }
    Submission submission = new Submission(
        Channel.WEB,
        result.type(),
        result.urgency(),
        result.typed().get("name"),
        result.typed().get("email"),
        result.typed().get("subject"),
        result.typed().get("message"),
        lang,
        result.attachments(),
        body,
        contentType,
        address);
    Receipt receipt;
    try {
      receipt = register.register(submission);
    } catch (Register.RegisterException e) {
      notRegistered(x, lang, e);
      return;
    } catch (RuntimeException e) {
      // a bug, not a database failure: what was stored is not known, and the page must not say otherwise
      LOG.error("registering a web submission failed unexpectedly; whether it was stored is not known: {}",
          e.toString(), e);
      answers.error(x, HttpStatus.SERVICE_UNAVAILABLE_503, lang, "unknown", "unconfirmed");
      return;
    }
    LOG.debug("registered {} (web, {} attachment(s), {} bytes)", receipt.number(), result.attachments().size(), body.length);
    String receiptPath = IntakeHandler.RECEIPT_PREFIX + receipt.statusToken();
    String statusPath = IntakeHandler.STATUS_PREFIX + receipt.statusToken();
    if (x.json) {
      x.header(HttpHeader.LOCATION, statusPath);
      x.sendJson(HttpStatus.CREATED_201, new ReceiptJson(receipt.number(), receipt.deadline().dueDate().toString(),
          receipt.deadline().dueAt().toOffsetDateTime().toString(), receipt.deadline().rule().legalBasis(), statusPath));
    } else {
      x.redirect(HttpStatus.SEE_OTHER_303, receiptPath);
    }
  }

  /**
   * The answer to a submission that got no receipt, saying exactly what is known: refused for lack
   * of disk space, not registered (checked), or not known (with the status link to check before
   * sending it again). The register has logged the failure.
   */
  private void notRegistered(Exchange x, String lang, Register.RegisterException e) throws Exception {
    switch (e.outcome()) {
      case LOW_DISK -> answers.error(x, HttpStatus.SERVICE_UNAVAILABLE_503, lang, "lowdisk", "low_disk");
      case UNKNOWN -> {
        String statusPath = e.statusToken().map(t -> IntakeHandler.STATUS_PREFIX + t).orElse(null);
        if (statusPath == null) {
          answers.error(x, HttpStatus.SERVICE_UNAVAILABLE_503, lang, "unknown", "unconfirmed");
          return;
        }
        String link = answers.absolute(lang, statusPath);
        answers.error(x, HttpStatus.SERVICE_UNAVAILABLE_503, lang, "unconfirmed", "unconfirmed",
            Map.of("status_url", statusPath), link, link);
      }
      case NOT_REGISTERED -> answers.error(x, HttpStatus.SERVICE_UNAVAILABLE_503, lang, "unavailable", "unavailable");
      default -> {
        LOG.error("a web submission failed and whether it was stored is not known: {}", e.getMessage());
        answers.error(x, HttpStatus.SERVICE_UNAVAILABLE_503, lang, "unknown", "unconfirmed");
      }
    }
  }

  private void invalid(Exchange x, FormValidator.Result result) throws Exception {
    Map<String, String> msg = answers.messages(result.language());
    List<ListedError> errorList = new ArrayList<>();
    Map<String, String> byField = new LinkedHashMap<>();
    for (FormValidator.FieldError e : result.errors()) {
      String text = e.message(msg);
      errorList.add(new ListedError(e.field(), text));
      byField.merge(e.field(), text, (a, b) -> a + " " + b);
    }
    LOG.info("submission refused: invalid field(s) {}", byField.keySet());
    if (x.json) {
      x.sendJson(HttpStatus.UNPROCESSABLE_ENTITY_422, new FieldErrorsJson(errorList));
      return;
    }
    FormPage page = new FormPage(limits.form(), IntakeHandler.FORM_PATH, result.language(),
        Arrays.stream(RequestType.values()).map(t -> new Option(t.key(), RequestPageEndpoint.typeLabel(msg, t))).toList(),
        Arrays.stream(Urgency.values()).map(u -> new Option(u.key(), RequestPageEndpoint.urgencyLabel(msg, u))).toList(),
        result.typed(), byField, errorList);
    answers.page(x, HttpStatus.UNPROCESSABLE_ENTITY_422, result.language(), "inbox-form-errors.ftlh",
        msg.getOrDefault("request.title", "Request"), page);
  }
}
