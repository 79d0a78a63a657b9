package az.disclose.inbox.console;

/**
 * What became of the mail an action sends the requester, for the page to say so: the composition
 * root knows the outbox; the console asks it.
 */
@FunctionalInterface
public interface MailDelivery {
  enum State {
    /** No outgoing mail is configured: the requester was not mailed. */
    OFF,
    /** The action sends no mail, or the request has no address to send to. */
    NONE,
    /** Queued in the outbox; the sender mails it within seconds. */
    QUEUED,
    /** Sent. */
    SENT
  }

  /** The mail of history event {@code eventId} of request {@code number}. */
  State of(String number, long eventId);

  /** No outgoing mail configured. */
  MailDelivery OFF = (number, eventId) -> State.OFF;
}
