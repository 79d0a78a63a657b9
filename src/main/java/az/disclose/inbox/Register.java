package az.disclose.inbox;

import az.disclose.inbox.model.Receipt;
import az.disclose.inbox.model.StoredAttachment;
import az.disclose.inbox.model.StoredFile;
import az.disclose.inbox.model.Attachment;
import az.disclose.inbox.model.RequestView;
import az.disclose.inbox.model.Submission;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The request register: the one service that every channel (web form, e-mail) calls. A number is
 * given only together with the stored request, in one transaction.
 */
public interface Register {

  /**
   * Registers a submission: stores it with every field, its raw bytes and attachments, assigns the
   * next number of the current year, computes the due date, and appends the REGISTERED event — all
   * in one transaction. Returns only once the transaction is committed (or, when the commit call
   * failed, once the request was found stored). Throws {@link RegisterException} otherwise; its
   * {@link RegisterException#outcome()} says what is known: nothing registered (checked), refused
   * for lack of disk space, or not known.
   */
  Receipt register(Submission submission) throws RegisterException;

  /**
   * The state of the register for a health check: a write probe (a real transaction that commits)
   * and the free disk space where it is watched. Never throws.
   */
  Health health();

  /** The request whose private status link carries {@code token}. */
  Optional<RequestView> findByToken(String token) throws RegisterException;

  Optional<RequestView> find(String number) throws RegisterException;

  /**
   * The request's stored files with their bytes: the request's own ({@link StoredAttachment#REQUEST})
   * and the answers' ({@link StoredAttachment#ANSWER}); a {@link RequestException} for an unknown number.
   */
  List<StoredAttachment> attachments(String number) throws RequestException, RegisterException;

  /**
   * The request's stored files without their bytes, in the order of {@link #attachments}: enough to
   * list them; a {@link RequestException} for an unknown number.
   */
  List<StoredFile> files(String number) throws RequestException, RegisterException;

  /** The bytes of one of the request's files, by its {@link StoredFile#position()}; empty if there is none. */
  Optional<Attachment> file(String number, int position) throws RequestException, RegisterException;

  /**
   * A requester who lost the private status link asks for it again: when {@code number} names a request
   * whose address on record is {@code email} (compared without case and surrounding spaces), an internal
   * {@link az.disclose.inbox.model.EventKind#LINK_RESENT} event is appended, in whose transaction the
   * outbox (when mail is on) queues the link to the address on record. Returns whether the pair matched;
   * the caller must not tell the requester.
   */
  boolean resendLink(String number, String email) throws RegisterException;

  /** What is known of a registration that did not return a receipt. */
  enum Outcome {
    /** Not the failure of a registration (a read, an officer's action, a bad argument). */
    FAILED,
    /** Refused before anything was written: the free disk space is below the watermark. */
    LOW_DISK,
    /** The transaction failed, and the database, read afterwards, holds no request with its token. */
    NOT_REGISTERED,
    /** The transaction failed and the database could not be read afterwards: it may be stored or not. */
    UNKNOWN
  }

  /**
   * Free space where the register's data lives.
   *
   * @param directory the SQLite database's directory
   * @param usableBytes free space there for this process
   * @param minimumBytes the watermark ({@code min_free_disk_mb}); 0 when the check is off
   */
  record DiskSpace(Path directory, long usableBytes, long minimumBytes) {
    /** Whether new submissions are refused. */
    public boolean low() {
      return minimumBytes > 0 && usableBytes < minimumBytes;
    }
  }

  /**
   * The register's health: whether a write transaction could commit just now (with its duration
   * and error), and the disk space (empty on PostgreSQL, whose disk is the database server's).
   */
  record Health(boolean canCommit, long probeMillis, String probeError, Optional<DiskSpace> disk) {
    /** Whether the register takes new submissions. */
    public boolean healthy() {
      return canCommit && disk.map(d -> !d.low()).orElse(true);
    }
  }

  /** Thrown when the register cannot do what was asked; the message says why. */
  final class RegisterException extends Exception {
    private static final long serialVersionUID = 1L;
    private final Outcome outcome;
    private final String statusToken;

    public RegisterException(String message, Throwable cause) {
      this(message, cause, Outcome.FAILED, null);
    }

    public RegisterException(String message) {
      this(message, null, Outcome.FAILED, null);
    }

    /**
     * A failed registration: {@code statusToken} is the token the request would have (for {@link
     * Outcome#UNKNOWN}, so that the requester can check later), else null.
     */
    public RegisterException(String message, Throwable cause, Outcome outcome, String statusToken) {
      super(message, cause);
      this.outcome = java.util.Objects.requireNonNull(outcome, "outcome");
      this.statusToken = statusToken;
    }

    public Outcome outcome() {
      return outcome;
    }

    /** For {@link Outcome#UNKNOWN}: the status token of the request, if it was stored. */
    public Optional<String> statusToken() {
      return Optional.ofNullable(statusToken);
    }
  }
}
