package az.disclose.inbox.web;

/**
 * The limits of the web intake, as named constants with a record to override them (tests use
 * small ones; the load benchmark raises the rate limit).
 *
 * @param maxBodyBytes the largest request body accepted (multipart with attachments); more is
 *     answered 413
 * @param maxFormBytes the largest url-encoded body (no attachments possible); more is 413
 * @param maxAttachments files per request
 * @param maxAttachmentBytes bytes per file
 * @param maxParts multipart parts per request (fields and files together)
 * @param maxNameLength characters of the name (UTF-16 units, as the form's {@code maxlength})
 * @param maxEmailLength characters of the e-mail address (RFC 5321 path limit)
 * @param maxSubjectLength characters of the subject
 * @param maxMessageLength characters of the message
 * @param ratePerMinute submissions per minute per remote address (token bucket refill); 0 or
 *     less turns the rate limit off
 * @param rateBurst the bucket's capacity: submissions one address may make at once
 */
public record IntakeLimits(
    long maxBodyBytes,
    long maxFormBytes,
    int maxAttachments,
    long maxAttachmentBytes,
    int maxParts,
    int maxNameLength,
    int maxEmailLength,
    int maxSubjectLength,
    int maxMessageLength,
    int ratePerMinute,
    int rateBurst) {

  public static final int MAX_ATTACHMENTS = 5;
  public static final long MAX_ATTACHMENT_BYTES = 10L * 1024 * 1024;
  /** Five full attachments plus 1 MiB for the text fields and multipart framing. */
  public static final long MAX_BODY_BYTES = MAX_ATTACHMENTS * MAX_ATTACHMENT_BYTES + 1024 * 1024;
  /** 20,000 characters percent-encoded as 3-byte UTF-8 (9 bytes each) plus the other fields. */
  public static final long MAX_FORM_BYTES = 256L * 1024;
  public static final int MAX_PARTS = 32;
  public static final int MAX_NAME_LENGTH = 200;
  public static final int MAX_EMAIL_LENGTH = 254;
  public static final int MAX_SUBJECT_LENGTH = 300;
  public static final int MAX_MESSAGE_LENGTH = 20_000;
  public static final int RATE_PER_MINUTE = 10;
  public static final int RATE_BURST = 10;

  public IntakeLimits {
    if (maxBodyBytes < 1 || maxFormBytes < 1 || maxAttachments < 0 || maxAttachmentBytes < 1 || maxParts < 1
        || maxNameLength < 1 || maxEmailLength < 1 || maxSubjectLength < 1 || maxMessageLength < 1) {
      throw new IllegalArgumentException("intake limits must be positive");
    }
    if (ratePerMinute > 0 && rateBurst < 1) {
      throw new IllegalArgumentException("rateBurst must be at least 1 when the rate limit is on");
    }
  }

  /** The defaults: the constants above. */
  public static IntakeLimits defaults() {
    return new IntakeLimits(MAX_BODY_BYTES, MAX_FORM_BYTES, MAX_ATTACHMENTS, MAX_ATTACHMENT_BYTES, MAX_PARTS,
        MAX_NAME_LENGTH, MAX_EMAIL_LENGTH, MAX_SUBJECT_LENGTH, MAX_MESSAGE_LENGTH, RATE_PER_MINUTE, RATE_BURST);
  }

  public IntakeLimits withRate(int perMinute, int burst) {
    return new IntakeLimits(maxBodyBytes, maxFormBytes, maxAttachments, maxAttachmentBytes, maxParts,
        maxNameLength, maxEmailLength, maxSubjectLength, maxMessageLength, perMinute, burst);
  }

  /** No per-address rate limit (load tests on loopback). */
  public IntakeLimits withoutRateLimit() {
    return withRate(0, 0);
  }

  public IntakeLimits withBodyLimits(long bodyBytes, long formBytes) {
    return new IntakeLimits(bodyBytes, formBytes, maxAttachments, maxAttachmentBytes, maxParts,
        maxNameLength, maxEmailLength, maxSubjectLength, maxMessageLength, ratePerMinute, rateBurst);
  }

  public IntakeLimits withAttachmentBytes(long bytes) {
    return new IntakeLimits(maxBodyBytes, maxFormBytes, maxAttachments, bytes, maxParts,
        maxNameLength, maxEmailLength, maxSubjectLength, maxMessageLength, ratePerMinute, rateBurst);
  }

  public boolean rateLimited() {
    return ratePerMinute > 0;
  }
}
