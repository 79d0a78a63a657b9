package az.disclose.inbox.store;

/** The database could not do what was asked; nothing of the failed transaction was kept. */
public final class StoreException extends Exception {
  private static final long serialVersionUID = 1L;

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }

  public StoreException(String message) {
    super(message);
  }
}
