package az.disclose.inbox.mail;

/** What {@link MessageParser#parse} gives: a parsed message, or a failure with the raw bytes. */
public sealed interface ParseResult permits ParseResult.Parsed, ParseFailure {

  /** The raw message exactly as received. */
  byte[] raw();

  record Parsed(ParsedMessage message) implements ParseResult {
    @Override
    public byte[] raw() {
      return message.raw();
    }
  }
}
