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
   * sees it. {@code showsUrgency}: the urgency is named (information requests); texts are localised.
   */
  public record RequestPage(String number, String subject, String typeLabel, boolean showsUrgency, String urgencyLabel,
      String statusKey, String statusLabel, String registeredIso, String registeredText, String dueIso, String dueText,
      String basis, String statusPath, String statusUrl, List<EventLine> events) {}

  /** An entry of the request's visible history. */
  public record EventLine(String iso, String when, String kind, String text) {}

  // ------------------------------------------------------------------ JSON

  /** {@code 201} to a JSON submission. */
  public record ReceiptJson(String number, @JsonProperty("due_date") String dueDate, @JsonProperty("due_at") String dueAt,
      @JsonProperty("legal_basis") String legalBasis, @JsonProperty("status_url") String statusUrl) {}

  /** A request's status in JSON. */
  public record StatusJson(String number, String type, String urgency, String status, String subject,
      @JsonProperty("registered_at") String registeredAt, @JsonProperty("due_date") String dueDate,
      @JsonProperty("due_at") String dueAt, @JsonProperty("status_url") String statusUrl, List<HistoryJson> history) {}

  public record HistoryJson(String at, String kind, String text) {}

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
