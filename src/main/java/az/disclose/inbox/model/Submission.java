package az.disclose.inbox.model;

import java.util.List;

/**
 * A request as received, already validated by its channel, before it has a number.
 *
 * @param language the requester's language for messages: "az" or "en"
 * @param email may be empty for e-mail-less channels in future; the web form requires it
 * @param raw the submission exactly as received (the HTTP body, or the RFC 822 message), kept as
 *     evidence
 * @param rawContentType the media type of {@code raw}
 * @param remoteAddress the sender's address as the channel saw it (IP, or the mail's From)
 */
public record Submission(
    Channel channel,
    RequestType type,
    Urgency urgency,
    String name,
    String email,
    String subject,
    String message,
    String language,
    List<Attachment> attachments,
    byte[] raw,
    String rawContentType,
    String remoteAddress) {

  /** An attachment that claims to be a slice of {@code raw} must be exactly those bytes. */
  public Submission {
    for (Attachment a : attachments == null ? List.<Attachment>of() : attachments) {
      if (a != null && a.isSlice()) {
        long end = a.rawOffset() + a.bytes().length;
        if (raw == null || end > raw.length
            || !java.util.Arrays.equals(raw, (int) a.rawOffset(), (int) end, a.bytes(), 0, a.bytes().length)) {
          throw new IllegalArgumentException("attachment '" + a.fileName() + "' is not the raw bytes at "
              + a.rawOffset() + ".." + end + " it claims to be");
        }
      }
    }
  }
}
