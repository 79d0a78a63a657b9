package az.disclose.inbox;

import az.disclose.inbox.model.Assignment;
import az.disclose.inbox.model.Attachment;
import az.disclose.inbox.model.EventKind;
import az.disclose.inbox.model.HistoryEvent;
import az.disclose.inbox.model.PurgeCandidate;
import az.disclose.inbox.model.RequestStatus;
import az.disclose.inbox.model.StoredRequest;
import az.disclose.inbox.model.Submission;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The operations of one write transaction of the register. Everything done through it (and through
 * its {@link Tables}, for the tables of components that join the transaction) is committed
 * together or not at all.
 */
public interface RequestTx extends Tables {
  /**
   * The next sequence number of {@code year}: increments the year's counter, whose row stays locked
   * until the transaction ends (so numbers are gap-free: a rolled-back transaction gives its number
   * back).
   */
  int nextSequence(int year) throws SQLException;

  /** Locks the number counter of {@code year} until the transaction ends. */
  void lockCounter(int year) throws SQLException;

  /** Stores a new request with its raw bytes; its attachments and events are added separately. */
  void insertRequest(String number, int year, int sequence, Submission s, String token, Instant registeredAt,
      RequestStatus status, String deadlineRule, LocalDate dueDate, Instant dueAt) throws SQLException;

  /** Adds attachments after those already stored for the request. */
  void addAttachments(String number, String role, long historyId, List<Attachment> attachments) throws SQLException;

  /** Appends one event to the request's history and returns it with its id. */
  HistoryEvent append(String number, Instant at, String actor, EventKind kind, String text, boolean visible)
      throws SQLException;

  /** The request, locked against other writers until the transaction ends. */
  Optional<StoredRequest> lock(String number) throws SQLException;

  List<HistoryEvent> history(String number) throws SQLException;

  /** Every request whose status is one of {@code statuses}, locked, in number order. */
  List<StoredRequest> withStatus(Collection<RequestStatus> statuses) throws SQLException;

  /**
   * Sets the request's current state, explained by {@code cause}: the event appended to its history
   * just before, in this transaction (the database refuses a state change without it).
   */
  void setState(String number, HistoryEvent cause, RequestStatus status, String deadlineRule, LocalDate dueDate,
      Instant dueAt) throws SQLException;

  /** The request's current assignment to a unit ({@link Assignment#NONE} when never assigned). */
  Assignment assignment(String number) throws SQLException;

  /**
   * Sets the request's assignment, explained by {@code cause}: the event appended to its history
   * just before, in this transaction.
   */
  void setAssignment(String number, HistoryEvent cause, Assignment assignment) throws SQLException;

  /** Records the legal ground of the refusal just set by {@link #setState} (for the queues' filter). */
  void setRefusalGround(String number, String ground) throws SQLException;

  /** Requests whose latest event is before {@code cutoff}, with their status, in number order. */
  List<PurgeCandidate> lastActiveBefore(Instant cutoff) throws SQLException;

  /** Logs the removal of a request in the purge log, then deletes its attachments, history and row. */
  void delete(PurgeCandidate candidate, Instant at, String actor) throws SQLException;
}
