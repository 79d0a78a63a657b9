package az.disclose.inbox.mail;

import az.disclose.inbox.model.Attachment;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An incoming message, parsed. Header values are decoded (RFC 2047, 8-bit bytes by {@link
 * TextDecoder}); the raw bytes are kept as received.
 *
 * @param fromAddress the sender's address (From), empty when missing or unreadable
 * @param fromName the sender's display name, empty when none
 * @param replyAddress where answers go: Reply-To when present, else From
 * @param messageId the Message-ID with its angle brackets, empty when none
 * @param inReplyTo the In-Reply-To ids and the References ids, in order, without duplicates
 * @param contentType the top-level media type, lower case (e.g. {@code multipart/report})
 * @param headers every header by lower-case name (values decoded), in order of appearance
 * @param text the text body: plain text as sent, or HTML turned into text
 * @param attachments every non-body part, byte for byte (transfer encoding removed)
 * @param notes what the parser had to guess or repair (for the history and the logs)
 * @param raw the message exactly as received
 */
public record ParsedMessage(
    String fromAddress,
    String fromName,
    String replyAddress,
    String subject,
    Optional<Instant> date,
    String messageId,
    List<String> inReplyTo,
    String contentType,
    Map<String, List<String>> headers,
    String text,
    List<Attachment> attachments,
    List<String> notes,
    byte[] raw) {

  /** The first value of header {@code name} (any case), or empty. */
  public Optional<String> header(String name) {
    List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
    return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
  }

  public List<String> headers(String name) {
    return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
  }
}
