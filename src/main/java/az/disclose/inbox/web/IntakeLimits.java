package az.disclose.inbox.web;

import az.disclose.config.RequestForm;
import java.time.Duration;
import java.util.Objects;

/**
 * The limits of the web intake, as named constants (the form fields' from {@link RequestForm}, which the
 * site's form page shows too) with a record to override them (from the
 * {@code web:} section of {@code disclose.yaml}, see {@link WebSettings}; tests use small ones; the
 * load benchmark raises the rate limit).
 *
 * @param maxBodyBytes the largest request body accepted (multipart with attachments); more is
 *     answered 413
 * @param maxFormBytes the largest url-encoded body (no attachments possible); more is 413
 * @param maxAttachments files per request
 * @param maxAttachmentBytes bytes per file
 * @param maxParts multipart text fields per request (files are counted by {@code maxAttachments})
 * @param maxNameLength characters of the name (UTF-16 units, as the form's {@code maxlength})
 * @param maxEmailLength characters of the e-mail address (RFC 5321 path limit)
 * @param maxSubjectLength characters of the subject
 * @param maxMessageLength characters of the message
 * @param ratePerMinute submissions per minute per remote address (token bucket refill); 0 or
 *     less turns the rate limit off
 * @param rateBurst the bucket's capacity: submissions one address may make at once
 * @param bodyIdleTimeout the longest wait for the next bytes of a body; then 408
 * @param bodyTotalTimeout the longest time to receive a whole body; then 408
 * @param maxUploads bodies being received at once, from all addresses; more are answered 503
 * @param maxUploadsPerAddress bodies being received at once from one address; more are answered 503
 * @param memoryBudgetBytes heap that submissions being decoded and stored may hold at once (each
 *     holds about twice its body); a submission waits up to {@code bodyIdleTimeout} for its share,
 *     then gets 503
 * @param dailyBytesPerAddress request bytes one address may send a day (Baku time); more is 429;
 *     0 or less turns the budget off
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
    int rateBurst,
    Duration bodyIdleTimeout,
    Duration bodyTotalTimeout,
    int maxUploads,
    int maxUploadsPerAddress,
    long memoryBudgetBytes,
    long dailyBytesPerAddress) {

  public static final int MAX_ATTACHMENTS = RequestForm.MAX_ATTACHMENTS;
  public static final long MAX_ATTACHMENT_BYTES = RequestForm.MAX_ATTACHMENT_BYTES;
  /** Five full attachments plus 1 MiB for the text fields and multipart framing. */
  public static final long MAX_BODY_BYTES = MAX_ATTACHMENTS * MAX_ATTACHMENT_BYTES + 1024 * 1024;
  /** 20,000 characters percent-encoded as 3-byte UTF-8 (9 bytes each) plus the other fields. */
  public static final long MAX_FORM_BYTES = 256L * 1024;
  public static final int MAX_PARTS = 32;
  public static final int MAX_NAME_LENGTH = RequestForm.MAX_NAME_LENGTH;
  public static final int MAX_EMAIL_LENGTH = RequestForm.MAX_EMAIL_LENGTH;
  public static final int MAX_SUBJECT_LENGTH = RequestForm.MAX_SUBJECT_LENGTH;
  public static final int MAX_MESSAGE_LENGTH = RequestForm.MAX_MESSAGE_LENGTH;
  public static final int RATE_PER_MINUTE = 10;
  public static final int RATE_BURST = 10;
  /** A pause in a body longer than this ends it: no browser on a working link stalls that long. */
  public static final Duration BODY_IDLE_TIMEOUT = Duration.ofSeconds(30);
  /** A full body (51 MiB) at about 1 Mbit/s takes seven minutes; slower than that is cut off. */
  public static final Duration BODY_TOTAL_TIMEOUT = Duration.ofMinutes(10);
  /** Bodies received at once: each holds a worker thread while it arrives. */
  public static final int MAX_UPLOADS = 32;
  public static final int MAX_UPLOADS_PER_ADDRESS = 4;
  /** Room for one full-size submission (twice its body) and small forms beside it. */
  public static final long MEMORY_BUDGET_BYTES = 2 * MAX_BODY_BYTES + 8L * 1024 * 1024;
  public static final long DAILY_BYTES_PER_ADDRESS = 200L * 1024 * 1024;

  public IntakeLimits {
    if (maxBodyBytes < 1 || maxFormBytes < 1 || maxAttachments < 0 || maxAttachmentBytes < 1 || maxParts < 1
        || maxNameLength < 1 || maxEmailLength < 1 || maxSubjectLength < 1 || maxMessageLength < 1
        || maxUploads < 1 || maxUploadsPerAddress < 1 || memoryBudgetBytes < 1) {
      throw new IllegalArgumentException("intake limits must be positive");
    }
    if (ratePerMinute > 0 && rateBurst < 1) {
      throw new IllegalArgumentException("rateBurst must be at least 1 when the rate limit is on");
    }
    Objects.requireNonNull(bodyIdleTimeout, "bodyIdleTimeout");
    Objects.requireNonNull(bodyTotalTimeout, "bodyTotalTimeout");
    if (bodyIdleTimeout.isNegative() || bodyIdleTimeout.isZero() || bodyTotalTimeout.isNegative()
        || bodyTotalTimeout.isZero()) {
      throw new IllegalArgumentException("body time-outs must be positive");
    }
  }

  /** The defaults: the constants above. */
  public static IntakeLimits defaults() {
    return new IntakeLimits(MAX_BODY_BYTES, MAX_FORM_BYTES, MAX_ATTACHMENTS, MAX_ATTACHMENT_BYTES, MAX_PARTS,
        MAX_NAME_LENGTH, MAX_EMAIL_LENGTH, MAX_SUBJECT_LENGTH, MAX_MESSAGE_LENGTH, RATE_PER_MINUTE, RATE_BURST,
        BODY_IDLE_TIMEOUT, BODY_TOTAL_TIMEOUT, MAX_UPLOADS, MAX_UPLOADS_PER_ADDRESS, MEMORY_BUDGET_BYTES,
        DAILY_BYTES_PER_ADDRESS);
  }

  public IntakeLimits withRate(int perMinute, int burst) {
    return new IntakeLimits(maxBodyBytes, maxFormBytes, maxAttachments, maxAttachmentBytes, maxParts,
        maxNameLength, maxEmailLength, maxSubjectLength, maxMessageLength, perMinute, burst,
        bodyIdleTimeout, bodyTotalTimeout, maxUploads, maxUploadsPerAddress, memoryBudgetBytes, dailyBytesPerAddress);
  }

  /** No per-address rate limit (load tests on loopback). */
  public IntakeLimits withoutRateLimit() {
    return withRate(0, 0);
  }

  public IntakeLimits withBodyLimits(long bodyBytes, long formBytes) {
    return new IntakeLimits(bodyBytes, formBytes, maxAttachments, maxAttachmentBytes, maxParts,
        maxNameLength, maxEmailLength, maxSubjectLength, maxMessageLength, ratePerMinute, rateBurst,
        bodyIdleTimeout, bodyTotalTimeout, maxUploads, maxUploadsPerAddress, memoryBudgetBytes, dailyBytesPerAddress);
  }

  public IntakeLimits withAttachmentBytes(long bytes) {
    return new IntakeLimits(maxBodyBytes, maxFormBytes, maxAttachments, bytes, maxParts,
        maxNameLength, maxEmailLength, maxSubjectLength, maxMessageLength, ratePerMinute, rateBurst,
        bodyIdleTimeout, bodyTotalTimeout, maxUploads, maxUploadsPerAddress, memoryBudgetBytes, dailyBytesPerAddress);
  }

  public IntakeLimits withBodyTimeouts(Duration idle, Duration total) {
    return new IntakeLimits(maxBodyBytes, maxFormBytes, maxAttachments, maxAttachmentBytes, maxParts,
        maxNameLength, maxEmailLength, maxSubjectLength, maxMessageLength, ratePerMinute, rateBurst,
        idle, total, maxUploads, maxUploadsPerAddress, memoryBudgetBytes, dailyBytesPerAddress);
  }

  public IntakeLimits withUploads(int overall, int perAddress) {
    return new IntakeLimits(maxBodyBytes, maxFormBytes, maxAttachments, maxAttachmentBytes, maxParts,
        maxNameLength, maxEmailLength, maxSubjectLength, maxMessageLength, ratePerMinute, rateBurst,
        bodyIdleTimeout, bodyTotalTimeout, overall, perAddress, memoryBudgetBytes, dailyBytesPerAddress);
  }

  public IntakeLimits withMemoryBudget(long bytes) {
    return new IntakeLimits(maxBodyBytes, maxFormBytes, maxAttachments, maxAttachmentBytes, maxParts,
        maxNameLength, maxEmailLength, maxSubjectLength, maxMessageLength, ratePerMinute, rateBurst,
        bodyIdleTimeout, bodyTotalTimeout, maxUploads, maxUploadsPerAddress, bytes, dailyBytesPerAddress);
  }

  /** {@code bytes} a day per address; 0 or less: no daily budget. */
  public IntakeLimits withDailyBytes(long bytes) {
    return new IntakeLimits(maxBodyBytes, maxFormBytes, maxAttachments, maxAttachmentBytes, maxParts,
        maxNameLength, maxEmailLength, maxSubjectLength, maxMessageLength, ratePerMinute, rateBurst,
        bodyIdleTimeout, bodyTotalTimeout, maxUploads, maxUploadsPerAddress, memoryBudgetBytes, bytes);
  }

  /** The form's limits as the theme's form macro shows them: the ones enforced here. */
  public RequestForm form() {
    return new RequestForm(maxNameLength, maxEmailLength, maxSubjectLength, maxMessageLength, maxAttachments,
        maxAttachmentBytes);
  }

  public boolean rateLimited() {
    return ratePerMinute > 0;
  }

  public boolean dailyBudgeted() {
    return dailyBytesPerAddress > 0;
  }
}
