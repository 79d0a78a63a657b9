package az.disclose.inbox;

/**
 * The database could not do what was asked. Unless {@link #commitOutcomeUnknown()}, the transaction
 * was never committed, so nothing of it was kept; when the commit call itself failed, the
 * transaction may or may not have been committed, and only a look at the database tells.
 */
public final class StoreException extends Exception {
  private static final long serialVersionUID = 1L;
  private final boolean commitOutcomeUnknown;

  public StoreException(String message, Throwable cause) {
    this(message, cause, false);
  }

  public StoreException(String message) {
    super(message);
    this.commitOutcomeUnknown = false;
  }

  private StoreException(String message, Throwable cause, boolean commitOutcomeUnknown) {
    super(message, cause);
    this.commitOutcomeUnknown = commitOutcomeUnknown;
  }

  /** The commit call failed: the transaction may have been committed or not. */
  public static StoreException commitFailed(String message, Throwable cause) {
    return new StoreException(message, cause, true);
  }

  /** A copy with the same message and outcome (to throw again on the caller's thread). */
  public StoreException rethrown() {
    return new StoreException(getMessage(), this, commitOutcomeUnknown);
  }

  /**
   * Whether the commit call itself failed, so that the transaction's outcome is unknown (look at the
   * database before saying anything about it).
   */
  public boolean commitOutcomeUnknown() {
    return commitOutcomeUnknown;
  }
}
