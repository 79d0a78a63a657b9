package az.disclose.inbox.web;

import az.disclose.config.RequestForm;
import az.disclose.site.Views.Option;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * The typed models of the inbox's pages (each template reads its record as {@code view}, beside the
 * site's frame) and of its JSON answers.
 */
public final class InboxViews {
  private InboxViews() {}

  // ------------------------------------------------------------------ pages

  /**
   * {@code inbox-error.ftlh}: a refusal or failure. {@code link} (null: none) is shown under the text;
   * {@code backToForm} offers the form and the e-mail address again.
   */
  public record ErrorPage(String heading, String text, int status, boolean backToForm, String link) {}

  /**
   * {@code inbox-form-errors.ftlh}: the request form re-shown with what was typed ({@code values},
   * field to text) and the errors, listed above it and by field ({@code errors}, field to message).
   */
  public record FormPage(RequestForm spec, String action, String language, List<Option> types, List<Option> urgencies,
      Map<String, String> values, Map<String, String> errors, List<ListedError> errorList) {}

  /** One error of the list above the re-shown form. */
  public record ListedError(String field, String message) {}

  /**
   * {@code inbox-receipt.ftlh} and {@code inbox-status.ftlh}: a registered request as its requester
   * sees it, in the request's language. {@code showsUrgency}: the urgency is named (information
   * requests). {@code basis}: the public legal basis of the period in force (empty when the theme does
   * not name the rule). {@code message} and {@code attachments}: the requester's own question and files.
   * {@code answers}: the answers, newest first (the page leads with them). {@code events}: the history
   * as sentences. {@code lostLinkPath}: the form that e-mails the link again.
   */
  public record RequestPage(String number, String subject, String typeLabel, boolean showsUrgency, String urgencyLabel,
      String statusKey, String statusLabel, String registeredIso, String registeredText, String dueIso, String dueText,
      String basis, String statusPath, String statusUrl, String message, List<FileLine> attachments,
      List<AnswerView> answers, List<EventLine> events, String lostLinkPath) {}

  /**
   * An answer of the officers: {@code html} is its Markdown rendered by {@code render.Markdown} (raw HTML
   * escaped, unsafe links neutralised), the only text a template prints unescaped; {@code id} the
   * element's id the history links to.
   */
  public record AnswerView(String id, String iso, String when, String html, List<FileLine> files) {}

  /** A file: its name, its size as words, and its download address ({@code href} null: not downloadable). */
  public record FileLine(String name, String size, String href) {}

  /** An entry of the request's history: a sentence; {@code anchor} (null: none) the element it points to. */
  public record EventLine(String iso, String when, String text, String anchor) {}

  /**
   * {@code inbox-lost-link.ftlh}: the form that e-mails the private link again ({@code sent} false), or
   * the answer to it ({@code sent} true: the same whether the number and address matched or not).
   */
  public record LostLinkPage(String action, String language, boolean sent, String formPath) {}

  // ------------------------------------------------------------------ JSON

  /** {@code 201} to a JSON submission. */
  public record ReceiptJson(String number, @JsonProperty("due_date") String dueDate, @JsonProperty("due_at") String dueAt,
      @JsonProperty("legal_basis") String legalBasis, @JsonProperty("status_url") String statusUrl) {}

  /** A request's status in JSON. */
  public record StatusJson(String number, String type, String urgency, String status, String subject,
      @JsonProperty("registered_at") String registeredAt, @JsonProperty("due_date") String dueDate,
      @JsonProperty("due_at") String dueAt, @JsonProperty("status_url") String statusUrl, List<FileJson> attachments,
      List<AnswerJson> answers, List<HistoryJson> history) {}

  /** A history entry: {@code text} is the sentence the page shows, in the request's language. */
  public record HistoryJson(String at, String kind, String text) {}

  /** A file: {@code url} the download address (null for the requester's own files, which are not served). */
  public record FileJson(String name, @JsonProperty("content_type") String contentType, long size,
      @JsonInclude(JsonInclude.Include.NON_NULL) String url) {}

  /** An answer: its text as the officers wrote it (Markdown) and its files. */
  public record AnswerJson(String at, String text, List<FileJson> files) {}

  /**
   * {@code /healthz}: {@code disk} null without a watermark (PostgreSQL), {@code mail} left out when
   * mail is not configured.
   */
  public record HealthJson(String status, @JsonProperty("accepting_submissions") boolean acceptingSubmissions,
      ProbeJson register, DiskJson disk, @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, Object> mail) {}

  /** The register's write probe: {@code error} null when it committed. */
  public record ProbeJson(@JsonProperty("can_commit") boolean canCommit, @JsonProperty("probe_ms") long probeMs,
      String error) {}

  public record DiskJson(@JsonProperty("free_bytes") long freeBytes, @JsonProperty("min_free_bytes") long minFreeBytes,
      boolean low) {}

  /** {@code 422} to a JSON submission. */
  public record FieldErrorsJson(List<ListedError> errors) {}
}
