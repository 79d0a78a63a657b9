package az.disclose.inbox.mail;

/**
 * A message that could not be parsed; it goes to the quarantine with its raw bytes, never dropped.
 *
 * @param reason what went wrong, in words for an officer
 * @param raw the message exactly as received
 */
public record ParseFailure(String reason, byte[] raw) implements ParseResult {}
