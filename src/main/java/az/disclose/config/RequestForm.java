package az.disclose.config;

import java.util.List;

/**
 * What the citizen's request form offers and the limits its fields carry, as data for the theme's
 * one form macro ({@code theme/templates/request-form.ftlh}). The site's {@code /request/} page shows
 * the form with {@link #defaults()}; the inbox re-shows it (with what was typed and the errors) with
 * the limits it enforces ({@code IntakeLimits#form()}), whose defaults are the constants here, so the
 * form's {@code maxlength}s and its attachment hint always say what the server accepts.
 *
 * @param maxNameLength characters of the name (UTF-16 units, as the form's {@code maxlength})
 * @param maxEmailLength characters of the e-mail address (RFC 5321 path limit)
 * @param maxSubjectLength characters of the subject
 * @param maxMessageLength characters of the message
 * @param maxAttachments files per request
 * @param maxAttachmentBytes bytes per file
 */
public record RequestForm(int maxNameLength, int maxEmailLength, int maxSubjectLength, int maxMessageLength,
    int maxAttachments, long maxAttachmentBytes) {

  public static final int MAX_NAME_LENGTH = 200;
  public static final int MAX_EMAIL_LENGTH = 254;
  public static final int MAX_SUBJECT_LENGTH = 300;
  public static final int MAX_MESSAGE_LENGTH = 20_000;
  public static final int MAX_ATTACHMENTS = 5;
  public static final long MAX_ATTACHMENT_BYTES = 10L * 1024 * 1024;

  /**
   * The request types the site's form offers, by key (the inbox's {@code RequestType} keys; a test
   * keeps the two in step). Comments on consultations come from the consultation's own page.
   */
  public static final List<String> SITE_TYPES = List.of("information", "proposal", "complaint", "question");

  /** The urgencies the form offers, by key (the inbox's {@code Urgency} keys), the first the default. */
  public static final List<String> URGENCIES = List.of("normal", "relevance", "life");

  public RequestForm {
    if (maxNameLength < 1 || maxEmailLength < 1 || maxSubjectLength < 1 || maxMessageLength < 1
        || maxAttachments < 0 || maxAttachmentBytes < 1) {
      throw new IllegalArgumentException("request form limits must be positive");
    }
  }

  /** The constants above. */
  public static RequestForm defaults() {
    return new RequestForm(MAX_NAME_LENGTH, MAX_EMAIL_LENGTH, MAX_SUBJECT_LENGTH, MAX_MESSAGE_LENGTH, MAX_ATTACHMENTS,
        MAX_ATTACHMENT_BYTES);
  }

  /** The size limit of one attachment in whole MiB (rounded down, at least 1), for the form's hint. */
  public long maxAttachmentMebibytes() {
    return Math.max(1, maxAttachmentBytes / (1024 * 1024));
  }
}
