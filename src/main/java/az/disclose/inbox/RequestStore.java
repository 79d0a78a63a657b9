package az.disclose.inbox;

import az.disclose.inbox.model.Assignment;
import az.disclose.inbox.model.HistoryEvent;
import az.disclose.inbox.model.PurgedRecord;
import az.disclose.inbox.model.QueueQuery;
import az.disclose.inbox.model.QueueRow;
import az.disclose.inbox.model.RequestStatus;
import az.disclose.inbox.model.StatisticsRow;
import az.disclose.inbox.model.StoredAttachment;
import az.disclose.inbox.model.StoredFile;
import az.disclose.inbox.model.Attachment;
import az.disclose.inbox.model.StoredRequest;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The register's database: transactions of {@link RequestTx}, and reads. Implemented by {@code
 * inbox.store.JdbcRequestStore}; components with tables of their own (mail) use them through
 * {@link Tables}, inside a register transaction or in {@link #read}.
 */
public interface RequestStore extends AutoCloseable {
  /** Work done inside one transaction. */
  @FunctionalInterface
  interface Work<T, E extends Exception> {
    T run(RequestTx tx) throws SQLException, E;
  }

  /** Reads done on one connection, outside any write transaction. */
  @FunctionalInterface
  interface Reading<T> {
    T run(Tables tables) throws SQLException;
  }

  /**
   * Runs {@code work} in one transaction and commits it; rolls everything back when it throws.
   * Exceptions of type {@code E} pass through unchanged (after the rollback). A {@link
   * StoreException} says whether the commit call itself failed ({@link
   * StoreException#commitOutcomeUnknown()}); otherwise nothing of {@code work} was committed.
   */
  <T, E extends Exception> T write(Work<T, E> work) throws StoreException, E;

  /**
   * Like {@link #write}, but queued with the other grouped writes waiting now and committed in one
   * transaction with them; answered only after that commit.
   */
  <T> T writeGrouped(Work<T, RuntimeException> work) throws StoreException;

  /** Runs {@code work} on a connection of its own, outside any write transaction. */
  <T> T read(Reading<T> work) throws StoreException;

  /**
   * The number of the request whose status token is {@code token}, read on a new connection of its
   * own with short time-outs (after a failed write). Throws when the database cannot be read.
   */
  Optional<String> numberOfToken(String token) throws StoreException;

  /** What a write probe found: whether a write transaction committed, how long it took, and why not. */
  record WriteProbe(boolean committed, long millis, String error) {}

  /** A real write transaction that commits, without touching the archive. */
  WriteProbe probeWrite(Instant now);

  Optional<StoredRequest> find(String number) throws StoreException;

  Optional<StoredRequest> findByToken(String token) throws StoreException;

  /** The requests whose status is one of {@code statuses} (all when empty), in number order. */
  List<StoredRequest> list(Collection<RequestStatus> statuses) throws StoreException;

  List<HistoryEvent> history(String number) throws StoreException;

  List<StoredAttachment> attachments(String number) throws StoreException;

  /** The request's files without their bytes, ordered as {@link #attachments}. */
  List<StoredFile> files(String number) throws StoreException;

  /** One file's bytes by its position, or empty. */
  Optional<Attachment> file(String number, int position) throws StoreException;

  /** The submission exactly as received. */
  Optional<byte[]> raw(String number) throws StoreException;

  /** Every request of the register as a {@link StatisticsRow}, in order of registration. */
  List<StatisticsRow> statisticsRows() throws StoreException;

  /** The current assignment of every request that was ever assigned to a unit, by number. */
  java.util.Map<String, Assignment> assignments() throws StoreException;

  /** The request's current assignment ({@link Assignment#NONE} when never assigned or unknown). */
  Assignment assignment(String number) throws StoreException;

  /**
   * The moments and the folded search term a {@link QueueQuery} is evaluated with, computed by the
   * service from its clock, zone and calendar.
   *
   * @param now open requests due before it are overdue
   * @param dueSoonUntil open requests due before it (and not overdue) are due soon
   * @param monthStart the start of the current month: answered since then is "answered this month"
   * @param receivedFrom registered at or after (empty: no bound)
   * @param receivedBefore registered before (empty: no bound)
   * @param searchTerm the search term folded by {@link SearchText#fold}, found anywhere in the folded
   *     number, subject and text
   */
  record QueueBounds(Instant now, Instant dueSoonUntil, Instant monthStart, Optional<Instant> receivedFrom,
      Optional<Instant> receivedBefore, Optional<String> searchTerm) {}

  /**
   * A page of a queue, its rows without working days left (which the service adds), and how many rows match: exactly, or, for a text search with more than
   * {@link QueueQuery#MAX_SEARCH_COUNT} hits, that many and {@code more}.
   */
  record QueueResult(List<QueueRow> rows, long total, boolean more) {}

  /** One page of {@code query}, in due order (then number), and how many rows match in all. */
  QueueResult queue(QueueQuery query, QueueBounds bounds) throws StoreException;

  /** The purge log, in number order. */
  List<PurgedRecord> purgeLog() throws StoreException;

  @Override
  void close();
}
