package az.disclose.inbox;

/**
 * An officer asked for something the register refuses: an unknown number, an action the request's
 * state does not allow, a purge of records younger than the retention period. The message says why
 * and is meant to be shown as it is (the command line exits with 1).
 */
public final class RequestException extends Exception {
  private static final long serialVersionUID = 1L;

  public RequestException(String message) {
    super(message);
  }
}
