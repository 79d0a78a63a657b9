package az.disclose.inbox;

import java.util.Optional;

/**
 * The request register: the one service that every channel (web form, e-mail) calls. A number is
 * given only together with the stored request, in one transaction.
 */
public interface Register {

  /**
   * Registers a submission: stores it with every field, its raw bytes and attachments, assigns the
   * next number of the current year, computes the due date, and appends the REGISTERED event — all
   * in one transaction. Throws {@link RegisterException} when it cannot store (nothing is then kept
   * and no number is used).
   */
  Receipt register(Submission submission) throws RegisterException;

  /** The request whose private status link carries {@code token}. */
  Optional<RequestView> findByToken(String token) throws RegisterException;

  Optional<RequestView> find(String number) throws RegisterException;

  /** Thrown when the register cannot do what was asked; the message says why. */
  final class RegisterException extends Exception {
    private static final long serialVersionUID = 1L;

    public RegisterException(String message, Throwable cause) {
      super(message, cause);
    }

    public RegisterException(String message) {
      super(message);
    }
  }
}
