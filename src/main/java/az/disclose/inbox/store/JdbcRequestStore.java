package az.disclose.inbox.store;

import az.disclose.inbox.InboxSettings;
import az.disclose.inbox.RequestStore;
import az.disclose.inbox.RequestTx;
import az.disclose.inbox.SearchText;
import az.disclose.inbox.StoreException;
import az.disclose.inbox.Tables;
import az.disclose.inbox.model.Assignment;
import az.disclose.inbox.model.AssignmentState;
import az.disclose.inbox.model.Attachment;
import az.disclose.inbox.model.QueueQuery;
import az.disclose.inbox.model.QueueRow;
import az.disclose.inbox.model.Channel;
import az.disclose.inbox.model.EventKind;
import az.disclose.inbox.model.HistoryEvent;
import az.disclose.inbox.model.PurgeCandidate;
import az.disclose.inbox.model.PurgedRecord;
import az.disclose.inbox.model.RequestStatus;
import az.disclose.inbox.model.RequestType;
import az.disclose.inbox.model.StatisticsRow;
import az.disclose.inbox.model.StoredAttachment;
import az.disclose.inbox.model.StoredFile;
import az.disclose.inbox.model.StoredRequest;
import az.disclose.inbox.model.Submission;
import az.disclose.inbox.model.Urgency;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The register's tables through JDBC, on SQLite (embedded default) or PostgreSQL. Thread-safe.
 *
 * <p>Every change runs in one transaction through {@link #write}: on SQLite, writes are serialised
 * in this process and each transaction starts with {@code BEGIN IMMEDIATE} (the database's write
 * lock, so another process waits on {@code busy_timeout}); on PostgreSQL the number counter's row is
 * locked by its {@code UPDATE} until commit. SQLite runs in WAL mode with {@code synchronous=FULL}:
 * a transaction that returned from commit survives a crash or power loss. Only bind parameters are
 * used.
 *
 * <p><b>Group commit.</b> {@link #writeGrouped} queues short units of work (registrations) to one
 * writer thread owned by this store. The writer takes every waiting unit (at most {@link
 * #MAX_GROUP}), runs them one after the other in <em>one</em> transaction and commits once (one
 * fsync), then completes each caller. If a unit fails, the whole transaction is rolled back and each
 * unit of the group is run again alone, in its own transaction, so that one bad unit fails only its
 * own caller. When no transaction can be started (no connection, or another process holds SQLite's
 * write lock past the busy timeout), every caller of the group fails at once without a retry: no unit
 * ran. If the commit itself fails, every caller of the group gets a failure whose outcome is unknown
 * ({@link StoreException#commitOutcomeUnknown()}; the group is not retried). No caller is answered
 * before the commit returned. A connection that saw a failure is evicted from the pool, never
 * reused. {@link
 * #close} fails the units still waiting in the queue, lets the group in progress finish, and stops
 * the writer.
 */
public final class JdbcRequestStore implements RequestStore {
  private static final Logger LOG = LoggerFactory.getLogger(JdbcRequestStore.class);
  /** How long a writer waits for another process's write lock on SQLite, by default ({@code database.busy_timeout_ms}). */
  public static final int SQLITE_BUSY_TIMEOUT_MS = InboxSettings.DEFAULT_BUSY_TIMEOUT_MS;

  public enum Dialect {
    SQLITE("sqlite"),
    POSTGRESQL("postgresql");

    private final String folder;

    Dialect(String folder) {
      this.folder = folder;
    }

    /** The migration location of this dialect. */
    public String migrations() {
      return "classpath:db/migration/" + folder;
    }
  }

  private static final String REQUEST_COLUMNS = "number, year, sequence, channel, type, urgency, name, email, subject,"
      + " message, language, raw_content_type, remote_address, status_token, registered_at, status, deadline_rule,"
      + " due_date, due_at";

  /**
   * How long a caller waits for a connection of the pool: with the database down, a submission is
   * answered (refused) within about this long.
   */
  public static final long POOL_WAIT_MS = 10_000;
  /** Connect and socket time-out of the lone connection that looks a token up after a failure (PostgreSQL). */
  public static final int LOOKUP_TIMEOUT_SECONDS = 5;

  /** The most units of work {@link #writeGrouped} commits in one transaction. */
  public static final int MAX_GROUP = 64;
  /** How long {@link #close} waits for the group in progress to finish. */
  private static final long CLOSE_WAIT_MS = 60_000;

  private final HikariDataSource pool;
  private final Dialect dialect;
  private final ReentrantLock sqliteWriter = new ReentrantLock(true);
  private final GroupWriter groupWriter = new GroupWriter();
  private final AtomicLong evictions = new AtomicLong();
  /** SQLite: the thread that moves pending keys into the search indexes after their commit (migration V17). */
  private final ScheduledExecutorService searchIndexer;
  private final AtomicBoolean searchIndexQueued = new AtomicBoolean();
  private volatile boolean searchIndexing = true;

  private final InboxSettings settings;
  /** Whether a trigram index serves the text search (migration V12): always on SQLite; on PostgreSQL when pg_trgm could be had. */
  private final boolean searchIndex;

  private JdbcRequestStore(HikariDataSource pool, Dialect dialect, InboxSettings settings, boolean searchIndex) {
    this.pool = pool;
    this.dialect = dialect;
    this.settings = settings;
    this.searchIndex = searchIndex;
    this.searchIndexer = dialect == Dialect.SQLITE ? Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "disclose-search-index");
      t.setDaemon(true); // a request not yet indexed is read by every search and indexed at the next open
      return t;
    }) : null;
  }

  /** Opens the pool and brings the schema up to date (Flyway). */
  public static JdbcRequestStore open(InboxSettings settings) throws StoreException {
    HikariConfig config = new HikariConfig();
    config.setPoolName("disclose-register");
    Dialect dialect;
    if (settings.isSqlite()) {
      dialect = Dialect.SQLITE;
      String url = settings.databaseUrl();
      String file = url.substring("jdbc:sqlite:".length());
      int q = file.indexOf('?');
      if (q >= 0) {
        file = file.substring(0, q);
      }
      if (file.isEmpty() || file.equals(":memory:") || file.startsWith("file::memory:")) {
        throw new StoreException("an in-memory SQLite database would lose every request: give a file, not " + url);
      }
      try {
        Path parent = Path.of(file).toAbsolutePath().getParent();
        if (parent != null) {
          Files.createDirectories(parent);
        }
      } catch (IOException | RuntimeException e) {
        throw new StoreException("cannot create the directory of the database " + file + ": " + e.getMessage(), e);
      }
      SQLiteConfig sqlite = new SQLiteConfig();
      sqlite.setJournalMode(SQLiteConfig.JournalMode.WAL);
      sqlite.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
      sqlite.setBusyTimeout(settings.busyTimeoutMs());
      sqlite.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
      sqlite.enforceForeignKeys(true);
      SQLiteDataSource ds = new SQLiteDataSource(sqlite);
      ds.setUrl(url);
      config.setDataSource(ds);
      config.setMaximumPoolSize(4);
    } else {
      dialect = Dialect.POSTGRESQL;
      config.setJdbcUrl(settings.databaseUrl());
      if (!settings.databaseUser().isEmpty()) {
        config.setUsername(settings.databaseUser());
      }
      if (!settings.databasePassword().isEmpty()) {
        config.setPassword(settings.databasePassword());
      }
      config.setMaximumPoolSize(10);
      // every statement planned with its values: the driver prepares a statement on the server after
      // a few runs, and PostgreSQL's generic plan of a queue search, blind to the term, reads the
      // whole table for a count its custom plan finds through the word index (docs/register.md, "Queues")
      config.setConnectionInitSql("SET plan_cache_mode = force_custom_plan");
    }
    config.setConnectionTimeout(POOL_WAIT_MS);
    HikariDataSource pool;
    try {
      pool = new HikariDataSource(config);
    } catch (RuntimeException e) {
      throw new StoreException("cannot connect to " + settings.databaseUrl() + ": " + rootMessage(e), e);
    }
    try {
      Flyway.configure()
          .dataSource(pool)
          .locations(dialect.migrations())
          .failOnMissingLocations(true)
          .load()
          .migrate();
    } catch (FlywayException e) {
      pool.close();
      throw new StoreException("cannot prepare the database " + settings.databaseUrl() + ": " + rootMessage(e), e);
    }
    boolean searchIndex = true;
    if (dialect == Dialect.POSTGRESQL) {
      try (Connection c = pool.getConnection(); PreparedStatement p = c.prepareStatement(
          "SELECT 1 FROM pg_indexes WHERE schemaname = current_schema() AND indexname = 'request_queue_search_trgm'");
          ResultSet r = p.executeQuery()) {
        searchIndex = r.next();
      } catch (SQLException e) {
        pool.close();
        throw new StoreException("cannot read the indexes of " + settings.databaseUrl() + ": " + e.getMessage(), e);
      }
      if (!searchIndex) {
        LOG.warn("no trigram index on request_queue.search (the pg_trgm extension was not available to migration V12):"
            + " the queue text search reads every row; docs/register.md (\"Queues\") tells how to add it");
      }
    }
    LOG.info("request register open: {} ({})", settings.databaseUrl(), dialect);
    return new JdbcRequestStore(pool, dialect, settings, searchIndex);
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + t.getMessage() + ")";
  }

  public Dialect dialect() {
    return dialect;
  }

  /** The pool, for tests and operators' checks. */
  public DataSource dataSource() {
    return pool;
  }

  /**
   * Stops the group writer (units still queued fail with a {@link StoreException}; the group in
   * progress finishes) and closes the pool. Idempotent.
   */
  @Override
  public void close() {
    groupWriter.stop();
    if (searchIndexer != null) {
      searchIndexer.shutdown();
      try {
        if (!searchIndexer.awaitTermination(CLOSE_WAIT_MS, TimeUnit.MILLISECONDS)) {
          LOG.warn("the search indexer did not finish within {} ms; what it did not index is indexed at the next open",
              CLOSE_WAIT_MS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    pool.close();
  }

  /**
   * Runs {@code work} in one transaction and commits it; rolls everything back when it throws.
   * Exceptions of type {@code E} pass through unchanged (after the rollback). A {@link
   * StoreException} says whether the commit call itself failed ({@link
   * StoreException#commitOutcomeUnknown()}); otherwise nothing of {@code work} was committed.
   *
   * <p>A connection that saw any failure (starting the transaction, the work, the commit, the
   * rollback, or resetting it afterwards) is evicted from the pool and closed, never reused: after a
   * failed {@code BEGIN IMMEDIATE} sqlite-jdbc believes a transaction is open while SQLite is back in
   * its own autocommit mode, and a connection in that state would commit every later statement on
   * its own (see docs/register.md, "Faults").
   */
  public <T, E extends Exception> T write(Work<T, E> work) throws StoreException, E {
    return write(work, true);
  }

  /** {@link #write} without asking the search indexer to run afterwards (the indexer's own writes). */
  private <T, E extends Exception> T writeUnnudged(Work<T, E> work) throws StoreException, E {
    return write(work, false);
  }

  private <T, E extends Exception> T write(Work<T, E> work, boolean nudge) throws StoreException, E {
    boolean sqlite = dialect == Dialect.SQLITE;
    if (sqlite) {
      sqliteWriter.lock();
    }
    try {
      Connection c = connection();
      boolean broken = true;
      try {
        begin(c);
        Tx tx = new Tx(c);
        T result;
        try {
          result = work.run(tx);
        } catch (SQLException | RuntimeException e) {
          tx.closeStatements();
          rollback(c, e);
          throw new StoreException("database write failed: " + e.getMessage(), e);
        } catch (Exception e) {
          tx.closeStatements();
          rollback(c, e);
          throw e;
        }
        tx.closeStatements();
        commit(c);
        broken = !endTransaction(c);
        if (sqlite && nudge) {
          indexSearchSoon();
        }
        return result;
      } finally {
        release(c, broken);
      }
    } finally {
      if (sqlite) {
        sqliteWriter.unlock();
      }
    }
  }

  /** A connection of the pool, or a {@link StoreException} (nothing was written). */
  private Connection connection() throws StoreException {
    try {
      return pool.getConnection();
    } catch (SQLException e) {
      throw new StoreException("database unavailable: " + e.getMessage(), e);
    }
  }

  /** Starts the transaction ({@code BEGIN IMMEDIATE} on SQLite: waits for the write lock). */
  private static void begin(Connection c) throws StoreException {
    try {
      c.setAutoCommit(false);
    } catch (SQLException e) {
      throw new StoreException("cannot start a transaction (nothing was written): " + e.getMessage(), e);
    }
  }

  /** Commits; when the commit call fails, the outcome is unknown (it may have been committed). */
  private static void commit(Connection c) throws StoreException {
    try {
      c.commit();
    } catch (SQLException e) {
      rollback(c, e);
      throw StoreException.commitFailed("database commit failed (the transaction may or may not be committed): "
          + e.getMessage(), e);
    }
  }

  /**
   * Puts a committed connection back into autocommit mode (so that the pool has nothing to reset);
   * false when that failed (the connection is then evicted; the commit stands).
   */
  private static boolean endTransaction(Connection c) {
    try {
      c.setAutoCommit(true);
      return true;
    } catch (SQLException e) {
      LOG.warn("a connection failed after its commit ({}); it is discarded", e.getMessage());
      return false;
    }
  }

  /**
   * Returns {@code c} to the pool, or, when it saw a failure, evicts it (the pool closes it and opens
   * a new one when needed).
   */
  private void release(Connection c, boolean broken) {
    if (broken) {
      evictions.incrementAndGet();
      try {
        pool.evictConnection(c);
      } catch (RuntimeException e) {
        LOG.debug("evicting a connection: {}", e.toString());
      }
    }
    try {
      c.close();
    } catch (SQLException | RuntimeException e) {
      // an evicted connection is closed already: the pool's reset of it may fail (even with a
      // NullPointerException in HikariCP 7), which changes nothing
      LOG.debug("closing a connection: {}", e.toString());
    }
  }

  /** How many connections were discarded after a failure since the store opened (for tests and operators). */
  public long evictedConnections() {
    return evictions.get();
  }

  // ---------------------------------------------------------------- group commit

  /**
   * Runs {@code work} in a transaction shared with the other units waiting at the same time, and
   * returns once that transaction is committed (durably: one fsync for the whole group). {@code
   * work} may be run twice (again alone when another unit of its group failed), so it must do
   * nothing but database work through its {@link Tx}. Throws {@link StoreException} when its
   * transaction failed (nothing of {@code work} was kept) or the store is closed.
   */
  public <T> T writeGrouped(Work<T, RuntimeException> work) throws StoreException {
    Pending<T> p = new Pending<>(work);
    groupWriter.enqueue(p);
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return p.result.get();
        } catch (InterruptedException e) {
          interrupted = true; // the outcome comes in bounded time; a number must not be lost on the way
        } catch (ExecutionException e) {
          Throwable cause = e.getCause();
          if (cause instanceof StoreException se) {
            throw se.rethrown();
          }
          throw new StoreException("database write failed: " + cause, cause);
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Counters of the group writer, for operators and tests. */
  public GroupStats groupStats() {
    return groupWriter.stats();
  }

  /** Units waiting for the group writer (not counting the group being written). */
  public int queuedWrites() {
    return groupWriter.queue.size();
  }

  /**
   * What the group writer did: {@code groups} groups written holding {@code units} units (so {@code
   * units / groups} is the mean group size), the largest group, how many groups failed and were run
   * again unit by unit, and how many units the group being written now holds (0 when idle).
   */
  public record GroupStats(long groups, long units, int largestGroup, long failedGroups, int writing) {}

  private static final class Pending<T> {
    final Work<T, RuntimeException> work;
    final CompletableFuture<T> result = new CompletableFuture<>();

    Pending(Work<T, RuntimeException> work) {
      this.work = work;
    }

    @SuppressWarnings("unchecked")
    void complete(Object value) {
      result.complete((T) value);
    }
  }

  /** The single writer thread of {@link #writeGrouped}, started on first use. */
  private final class GroupWriter implements Runnable {
    final LinkedBlockingQueue<Pending<?>> queue = new LinkedBlockingQueue<>();
    private final Pending<Void> stopSignal = new Pending<>(tx -> null);
    private final AtomicLong groups = new AtomicLong();
    private final AtomicLong units = new AtomicLong();
    private final AtomicLong failedGroups = new AtomicLong();
    private volatile int largest;
    private volatile int writing;
    private Thread thread;
    private boolean closed;

    GroupStats stats() {
      return new GroupStats(groups.get(), units.get(), largest, failedGroups.get(), writing);
    }

    synchronized void enqueue(Pending<?> p) throws StoreException {
      if (closed) {
        throw closedException();
      }
      if (thread == null) {
        thread = new Thread(this, "disclose-register-writer");
        thread.setDaemon(true); // a JVM that exits mid-group is a crash: nobody of that group was answered
        thread.start();
      }
      queue.add(p);
    }

    void stop() {
      Thread t;
      synchronized (this) {
        if (closed) {
          return;
        }
        closed = true;
        t = thread;
        failQueued();
        queue.add(stopSignal);
      }
      if (t != null && t != Thread.currentThread()) {
        try {
          t.join(CLOSE_WAIT_MS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        if (t.isAlive()) {
          LOG.warn("the register's writer did not finish its transaction within {} ms; closing anyway", CLOSE_WAIT_MS);
        }
      }
    }

    private void failQueued() {
      List<Pending<?>> left = new ArrayList<>();
      queue.drainTo(left);
      for (Pending<?> p : left) {
        if (p != stopSignal) {
          p.result.completeExceptionally(closedException());
        }
      }
    }

    private static StoreException closedException() {
      return new StoreException("the register is closed (shutting down); nothing was stored");
    }

    @Override
    public void run() {
      List<Pending<?>> group = new ArrayList<>(MAX_GROUP);
      while (true) {
        Pending<?> first;
        try {
          first = queue.take();
        } catch (InterruptedException e) {
          continue; // only stop() ends the writer
        }
        if (first == stopSignal) {
          failQueued();
          return;
        }
        group.clear();
        group.add(first);
        queue.drainTo(group, MAX_GROUP - 1);
        boolean stop = group.remove(stopSignal);
        writing = group.size();
        try {
          writeGroup(group);
        } catch (Throwable e) { // never leave a caller waiting
          for (Pending<?> p : group) {
            p.result.completeExceptionally(new StoreException("database write failed: " + e, e));
          }
        } finally {
          writing = 0;
        }
        if (stop) {
          failQueued();
          return;
        }
      }
    }

    private void writeGroup(List<Pending<?>> group) {
      if (group.size() == 1) {
        alone(group.get(0));
        count(1);
        return;
      }
      Object[] results = new Object[group.size()];
      Exception workFailure = null;
      StoreException notStarted = null;
      StoreException commitFailure = null;
      boolean sqlite = dialect == Dialect.SQLITE;
      if (sqlite) {
        sqliteWriter.lock();
      }
      try {
        Connection c = connection();
        boolean broken = true;
        try {
          begin(c);
          Tx tx = new Tx(c);
          try {
            for (int i = 0; i < results.length; i++) {
              results[i] = group.get(i).work.run(tx);
            }
          } catch (SQLException | RuntimeException e) {
            workFailure = e;
          } finally {
            tx.closeStatements();
          }
          if (workFailure != null) {
            rollback(c, workFailure);
          } else {
            try {
              commit(c);
              broken = !endTransaction(c);
            } catch (StoreException e) {
              commitFailure = e;
            }
          }
        } finally {
          release(c, broken);
        }
      } catch (StoreException e) {
        notStarted = e; // no connection, or no transaction: no unit ran, nothing was written
      } finally {
        if (sqlite) {
          sqliteWriter.unlock();
        }
      }
      if (notStarted != null) {
        // the database is not writable now: running each unit alone would only wait again, once per unit
        failedGroups.incrementAndGet();
        for (Pending<?> p : group) {
          p.result.completeExceptionally(new StoreException(notStarted.getMessage(), notStarted));
        }
        count(group.size());
        return;
      }
      if (commitFailure != null) {
        failedGroups.incrementAndGet();
        for (Pending<?> p : group) {
          p.result.completeExceptionally(commitFailure.rethrown());
        }
        count(group.size());
        return;
      }
      if (workFailure != null) {
        failedGroups.incrementAndGet();
        LOG.warn("a group of {} registrations was rolled back ({}); writing each alone", group.size(),
            workFailure.getMessage());
        for (Pending<?> p : group) {
          alone(p);
        }
        count(group.size());
        return;
      }
      if (sqlite) {
        indexSearchSoon();
      }
      for (int i = 0; i < results.length; i++) {
        group.get(i).complete(results[i]);
      }
      count(group.size());
    }

    private void alone(Pending<?> p) {
      try {
        p.complete(write(p.work));
      } catch (StoreException | RuntimeException e) {
        p.result.completeExceptionally(e);
      }
    }

    private void count(int size) {
      groups.incrementAndGet();
      units.addAndGet(size);
      if (size > largest) {
        largest = size;
      }
    }
  }

  /** Rolls back; a failure is added to {@code cause} (the connection is evicted by the caller anyway). */
  private static void rollback(Connection c, Exception cause) {
    try {
      c.rollback();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }

  @FunctionalInterface
  private interface Read<T> {
    T run(Connection c) throws SQLException;
  }

  @Override
  public <T> T read(Reading<T> work) throws StoreException {
    return onConnection(c -> work.run(new ConnectionTables(c)));
  }

  /** Runs {@code work} on a connection of the pool; a connection whose work failed is evicted, like a writer's. */
  private <T> T onConnection(Read<T> work) throws StoreException {
    Connection c;
    try {
      c = pool.getConnection();
    } catch (SQLException e) {
      throw new StoreException("database read failed: " + e.getMessage(), e);
    }
    boolean broken = true;
    try {
      T result = work.run(c);
      broken = false;
      return result;
    } catch (SQLException e) {
      throw new StoreException("database read failed: " + e.getMessage(), e);
    } finally {
      release(c, broken);
    }
  }

  // ---------------------------------------------------------------- after a failure

  /**
   * The number of the request whose status token is {@code token}, read on a new connection of its
   * own (not one of the pool, which may still hold connections that the failure being investigated
   * broke), with short time-outs. Throws when the database cannot be read.
   */
  public Optional<String> numberOfToken(String token) throws StoreException {
    try (Connection c = lone(); PreparedStatement p = c.prepareStatement(
        "SELECT number FROM requests WHERE status_token = ?")) {
      p.setString(1, token);
      try (ResultSet r = p.executeQuery()) {
        return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new StoreException("cannot look the request up: " + e.getMessage(), e);
    }
  }

  private Connection lone() throws SQLException {
    if (dialect == Dialect.SQLITE) {
      SQLiteConfig sqlite = new SQLiteConfig();
      sqlite.setBusyTimeout(settings.busyTimeoutMs());
      sqlite.setReadOnly(true);
      return sqlite.createConnection(settings.databaseUrl());
    }
    java.util.Properties p = new java.util.Properties();
    if (!settings.databaseUser().isEmpty()) {
      p.setProperty("user", settings.databaseUser());
    }
    if (!settings.databasePassword().isEmpty()) {
      p.setProperty("password", settings.databasePassword());
    }
    p.setProperty("connectTimeout", Integer.toString(LOOKUP_TIMEOUT_SECONDS));
    p.setProperty("loginTimeout", Integer.toString(LOOKUP_TIMEOUT_SECONDS));
    p.setProperty("socketTimeout", Integer.toString(2 * LOOKUP_TIMEOUT_SECONDS));
    return java.sql.DriverManager.getConnection(settings.databaseUrl(), p);
  }

  /**
   * A real write transaction that commits: it stamps {@code now} on the one row of {@code
   * health_probe} (migration V7), so that the lock, the journal and the commit's sync are all
   * exercised without touching the archive. It queues behind the registrations like any writer.
   */
  public WriteProbe probeWrite(Instant now) {
    long started = System.nanoTime();
    try {
      this.<Void, RuntimeException>write(tx -> {
        ((Tx) tx).stampProbe(now);
        return null;
      });
      return new WriteProbe(true, (System.nanoTime() - started) / 1_000_000, "");
    } catch (StoreException | RuntimeException e) {
      return new WriteProbe(false, (System.nanoTime() - started) / 1_000_000, String.valueOf(e.getMessage()));
    }
  }

  // ---------------------------------------------------------------- reads

  public Optional<StoredRequest> find(String number) throws StoreException {
    return onConnection(c -> one(c, "SELECT " + REQUEST_COLUMNS + " FROM requests WHERE number = ?", number));
  }

  public Optional<StoredRequest> findByToken(String token) throws StoreException {
    return onConnection(c -> one(c, "SELECT " + REQUEST_COLUMNS + " FROM requests WHERE status_token = ?", token));
  }

  /** Requests in number order, all of them or those whose status is in {@code statuses}. */
  public List<StoredRequest> list(Collection<RequestStatus> statuses) throws StoreException {
    return onConnection(c -> {
      StringBuilder sql = new StringBuilder("SELECT " + REQUEST_COLUMNS + " FROM requests");
      List<String> keys = statuses.stream().map(RequestStatus::key).toList();
      if (!keys.isEmpty()) {
        sql.append(" WHERE status IN (").append(String.join(", ", keys.stream().map(k -> "?").toList())).append(')');
      }
      sql.append(" ORDER BY year, sequence");
      try (PreparedStatement p = c.prepareStatement(sql.toString())) {
        for (int i = 0; i < keys.size(); i++) {
          p.setString(i + 1, keys.get(i));
        }
        return all(p);
      }
    });
  }

  public List<HistoryEvent> history(String number) throws StoreException {
    return onConnection(c -> history(c, number));
  }

  public List<StoredAttachment> attachments(String number) throws StoreException {
    return onConnection(c -> attachments(c, number));
  }

  @Override
  public List<StoredFile> files(String number) throws StoreException {
    // the size column, not the bytes: no file is read to list them
    return onConnection(c -> {
      try (PreparedStatement p = c.prepareStatement("SELECT position, role, history_id, file_name, content_type, size"
          + " FROM attachments WHERE request_number = ? ORDER BY position")) {
        p.setString(1, number);
        List<StoredFile> out = new ArrayList<>();
        try (ResultSet r = p.executeQuery()) {
          while (r.next()) {
            long historyId = r.getLong(3);
            out.add(new StoredFile(r.getInt(1), r.getString(2), r.wasNull() ? 0 : historyId, r.getString(4),
                r.getString(5), r.getLong(6)));
          }
        }
        return out;
      }
    });
  }

  @Override
  public Optional<Attachment> file(String number, int position) throws StoreException {
    return onConnection(c -> {
      try (PreparedStatement p = c.prepareStatement("SELECT a.file_name, a.content_type,"
          + " CASE WHEN a.raw_offset IS NULL THEN a.bytes ELSE substr(r.raw, a.raw_offset + 1, a.raw_length) END"
          + " FROM attachments a JOIN requests r ON r.number = a.request_number"
          + " WHERE a.request_number = ? AND a.position = ?")) {
        p.setString(1, number);
        p.setInt(2, position);
        try (ResultSet r = p.executeQuery()) {
          return r.next() ? Optional.of(new Attachment(r.getString(1), r.getString(2), r.getBytes(3)))
              : Optional.<Attachment>empty();
        }
      }
    });
  }

  /** The submission exactly as received. */
  public Optional<byte[]> raw(String number) throws StoreException {
    return onConnection(c -> {
      try (PreparedStatement p = c.prepareStatement("SELECT raw FROM requests WHERE number = ?")) {
        p.setString(1, number);
        try (ResultSet r = p.executeQuery()) {
          return r.next() ? Optional.of(r.getBytes(1)) : Optional.empty();
        }
      }
    });
  }

  /** Every request of the register as a {@link StatisticsRow}, in order of registration. */
  public List<StatisticsRow> statisticsRows() throws StoreException {
    return onConnection(c -> {
      try (PreparedStatement p = c.prepareStatement("SELECT r.channel, r.registered_at, r.status, r.due_at, MIN(h.at)"
          + " FROM requests r LEFT JOIN history h ON h.request_number = r.number AND h.kind IN (?, ?, ?)"
          + " GROUP BY r.number, r.channel, r.registered_at, r.status, r.due_at"
          + " ORDER BY r.registered_at, r.number")) {
        p.setString(1, EventKind.ANSWERED.name());
        p.setString(2, EventKind.REFUSED.name());
        p.setString(3, EventKind.FORWARDED.name());
        List<StatisticsRow> out = new ArrayList<>();
        try (ResultSet r = p.executeQuery()) {
          while (r.next()) {
            long closed = r.getLong(5);
            Optional<Instant> closedAt = r.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(closed));
            out.add(new StatisticsRow(Channel.valueOf(r.getString(1)), Instant.ofEpochMilli(r.getLong(2)),
                status(r.getString(3)), Instant.ofEpochMilli(r.getLong(4)), closedAt));
          }
        }
        return out;
      }
    });
  }

  public Map<String, Assignment> assignments() throws StoreException {
    return onConnection(c -> {
      try (PreparedStatement p = c.prepareStatement(
          "SELECT number, unit, assignment, assignee FROM request_queue WHERE unit IS NOT NULL")) {
        Map<String, Assignment> out = new HashMap<>();
        try (ResultSet r = p.executeQuery()) {
          while (r.next()) {
            out.put(r.getString(1), assignment(r, 2));
          }
        }
        return out;
      }
    });
  }

  public Assignment assignment(String number) throws StoreException {
    return onConnection(c -> assignment(c, number));
  }

  private static Assignment assignment(Connection c, String number) throws SQLException {
    try (PreparedStatement p = c.prepareStatement(
        "SELECT unit, assignment, assignee FROM request_queue WHERE number = ?")) {
      p.setString(1, number);
      try (ResultSet r = p.executeQuery()) {
        return r.next() ? assignment(r, 1) : Assignment.NONE;
      }
    }
  }

  /** The assignment in columns {@code from} (unit), {@code from + 1} (state), {@code from + 2} (assignee). */
  private static Assignment assignment(ResultSet r, int from) throws SQLException {
    String state = r.getString(from + 1);
    return new Assignment(Optional.ofNullable(r.getString(from)),
        AssignmentState.ofKey(state).orElseThrow(() -> new IllegalStateException(
            "unknown assignment state '" + state + "' in the database")),
        Optional.ofNullable(r.getString(from + 2)));
  }

  /**
   * The shortest search term (in characters) the trigram index serves (migration V12): a shorter one
   * has no trigram, and is looked for by reading the search text of every row the rest of the query leaves.
   */
  public static final int MIN_INDEXED_TERM = 3;
  /**
   * On SQLite, a term with more hits than this in the search index is looked for in the rows the
   * rest of the query leaves instead (joining every hit would cost more than reading them).
   */
  public static final int MAX_INDEX_CANDIDATES = 5_000;
  /** The key of a request in the SQLite search index: year * this + sequence (migration V12). */
  private static final long SEARCH_KEY_YEAR = 1_000_000_000L;

  private static final List<String> OPEN_KEYS = java.util.Arrays.stream(RequestStatus.values())
      .filter(RequestStatus::open).map(RequestStatus::key).toList();

  /**
   * One page of a queue from {@code request_queue} alone (its indexes: migration V10), then the
   * subjects of that page's requests by number. Two statements with the same conditions: the page
   * and the count.
   */
  public QueueResult queue(QueueQuery q, QueueBounds b) throws StoreException {
    StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    List<Object> args = new ArrayList<>();
    String open = " AND q.status IN (" + String.join(", ", OPEN_KEYS.stream().map(k -> "?").toList()) + ")";
    switch (q.queue()) {
      case ALL -> { }
      case MINE -> {
        where.append(open).append(" AND q.assignee = ? AND q.assignment = ?");
        args.addAll(OPEN_KEYS);
        args.add(q.actor());
        args.add(AssignmentState.ACCEPTED.key());
      }
      case MY_UNIT -> {
        where.append(open).append(" AND q.unit = ? AND q.assignment IN (?, ?)");
        args.addAll(OPEN_KEYS);
        args.add(q.actorUnit().orElse(""));
        args.add(AssignmentState.PENDING.key());
        args.add(AssignmentState.ACCEPTED.key());
      }
      case UNASSIGNED -> {
        where.append(open).append(" AND (q.unit IS NULL OR q.assignment = ?)");
        args.addAll(OPEN_KEYS);
        args.add(AssignmentState.REJECTED.key());
      }
      case DUE_SOON -> {
        where.append(open).append(" AND q.due_at >= ? AND q.due_at < ?");
        args.addAll(OPEN_KEYS);
        args.add(b.now().toEpochMilli());
        args.add(b.dueSoonUntil().toEpochMilli());
      }
      case OVERDUE -> {
        where.append(open).append(" AND q.due_at < ?");
        args.addAll(OPEN_KEYS);
        args.add(b.now().toEpochMilli());
      }
      case WAITING -> {
        where.append(" AND q.status = ?");
        args.add(RequestStatus.CLARIFICATION_REQUESTED.key());
      }
      case ANSWERED_THIS_MONTH -> {
        where.append(" AND q.status = ? AND q.closed_at >= ?");
        args.add(RequestStatus.ANSWERED.key());
        args.add(b.monthStart().toEpochMilli());
      }
      default -> throw new IllegalStateException("unknown queue " + q.queue());
    }
    q.status().ifPresent(v -> { where.append(" AND q.status = ?"); args.add(v.key()); });
    q.type().ifPresent(v -> { where.append(" AND q.type = ?"); args.add(v.key()); });
    q.unit().ifPresent(v -> { where.append(" AND q.unit = ?"); args.add(v); });
    q.channel().ifPresent(v -> { where.append(" AND q.channel = ?"); args.add(v.name()); });
    q.refusalGround().ifPresent(v -> { where.append(" AND q.refusal_ground = ?"); args.add(v.strip()); });
    b.receivedFrom().ifPresent(v -> { where.append(" AND q.registered_at >= ?"); args.add(v.toEpochMilli()); });
    b.receivedBefore().ifPresent(v -> { where.append(" AND q.registered_at < ?"); args.add(v.toEpochMilli()); });
    String from = " FROM request_queue q";
    boolean searchOnly = where.toString().equals(" WHERE 1 = 1"); // the queue of all, no filter
    String countSql = null;
    List<Object> countArgs = args;
    if (b.searchTerm().isPresent()) {
      String v = b.searchTerm().get();
      boolean indexed = searchIndex && v.codePointCount(0, v.length()) >= MIN_INDEXED_TERM;
      String phrase = "\"" + v.replace("\"", "\"\"") + "\"";
      Optional<String> hits = Optional.empty();
      if (dialect == Dialect.SQLITE && searchIndex) {
        // the word index (V17) first: a phrase of whole words and word starts is found by the
        // positions of its words; then the trigram index (V12), which also sees a term's first word
        // when it may start inside a word, and serves a part of one word
        Optional<String> wordPhrase = SearchWords.fts5Phrase(v);
        if (wordPhrase.isPresent()) {
          Optional<String> candidates = indexHits("request_search_words", wordPhrase.get());
          if (candidates.isPresent()) {
            // a phrase of words is wider than the substring (another separator between the words,
            // a first word that only ends the same): the rows holding the term, read once here
            // rather than by both the page and the count
            hits = Optional.of(substringHits(candidates.get(), v));
          }
        }
        if (hits.isEmpty() && indexed) {
          hits = indexHits("request_search", phrase);
        }
      }
      Optional<String> words = dialect == Dialect.POSTGRESQL ? SearchWords.query(v) : Optional.empty();
      if (indexed && dialect == Dialect.SQLITE && hits.isEmpty() && searchOnly) {
        // a common term and nothing else: the index counts its hits (a phrase of trigrams is
        // exactly a substring) faster than reading every row's text; the page below still comes
        // from the rows in due order, which stops at its first 50
        // (and the requests not indexed yet, V17, tested one by one, in the same statement)
        countSql = "SELECT (SELECT COUNT(*) FROM (SELECT 1 FROM request_search WHERE request_search MATCH ? LIMIT ?))"
            + " + (SELECT COUNT(*) FROM request_search_pending p JOIN request_queue q ON q.year = p.key / "
            + SEARCH_KEY_YEAR + " AND q.sequence = p.key % " + SEARCH_KEY_YEAR + " WHERE instr(q.search, ?) > 0)";
        countArgs = List.of(phrase, QueueQuery.MAX_SEARCH_COUNT + 1, v);
      }
      if (hits.isPresent()) {
        // an index (the words of V17 or the trigrams of V12) found the candidates once; the page and
        // the count read their queue rows by key, and instr checks each (a phrase of words also
        // matches other separators between them)
        from = " FROM json_each(?) s JOIN request_queue q ON q.year = s.value / " + SEARCH_KEY_YEAR
            + " AND q.sequence = s.value % " + SEARCH_KEY_YEAR;
        args.add(0, hits.get());
        where.append(" AND instr(q.search, ?) > 0");
        args.add(v);
      } else if (words.isPresent()) {
        // the word index (V14) finds the rows holding the term's words and word pairs (see
        // SearchWords); strpos keeps the hits exactly the substring's
        where.append(" AND strpos(q.search, ?) > 0"
            + " AND q.number IN (SELECT w.number FROM request_words w WHERE w.words @@ ?::tsquery)");
        args.add(v);
        args.add(words.get());
      } else if (indexed && dialect == Dialect.POSTGRESQL) {
        // pg_trgm's GIN index serves LIKE (and rechecks each candidate); the term's wildcards escaped
        where.append(" AND q.search LIKE ? ESCAPE '!'");
        args.add("%" + v.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
      } else {
        // no index, a term too short for trigrams, or (SQLite) one so common that reading the rows the
        // rest of the query leaves costs less than its many index hits (and the page in due order
        // stops at its first 50): a plain substring test (no pattern: LIKE's matcher costs more)
        where.append(dialect == Dialect.SQLITE ? " AND instr(q.search, ?) > 0" : " AND strpos(q.search, ?) > 0");
        args.add(v);
      }
    }
    String page = "SELECT q.number, q.type, q.channel, q.status, q.registered_at, q.due_date, q.due_at, q.unit,"
        + " q.assignment, q.assignee" + from + where
        + " ORDER BY q.due_at, q.year, q.sequence LIMIT ? OFFSET ?";
    // a search counts its hits up to MAX_SEARCH_COUNT + 1 only: "more than 1,000" is all an officer
    // needs of a term in most requests, and counting them all reads them all
    boolean capped = b.searchTerm().isPresent();
    String count = countSql != null ? countSql
        : capped ? "SELECT COUNT(*) FROM (SELECT 1" + from + where + " LIMIT ?) c" : "SELECT COUNT(*)" + from + where;
    List<Object> countBound = new ArrayList<>(countArgs);
    if (capped && countSql == null) {
      countBound.add(QueueQuery.MAX_SEARCH_COUNT + 1);
    }
    return onConnection(c -> {
      List<QueueRow> rows = new ArrayList<>();
      try (PreparedStatement p = c.prepareStatement(page)) {
        int i = bind(p, args);
        p.setInt(++i, QueueQuery.PAGE_SIZE);
        p.setLong(++i, (long) (q.page() - 1) * QueueQuery.PAGE_SIZE);
        try (ResultSet r = p.executeQuery()) {
          while (r.next()) {
            RequestStatus status = status(r.getString(4));
            long dueAt = r.getLong(7);
            rows.add(new QueueRow(r.getString(1),
                RequestType.ofKey(r.getString(2)).orElseThrow(() -> bad("type", r)),
                Channel.valueOf(r.getString(3)), status, Instant.ofEpochMilli(r.getLong(5)),
                LocalDate.parse(r.getString(6)), Optional.empty(),
                status.open() && dueAt < b.now().toEpochMilli(), assignment(r, 8), ""));
          }
        }
      }
      if (!rows.isEmpty()) {
        Map<String, String> subjects = new HashMap<>();
        try (PreparedStatement p = c.prepareStatement("SELECT number, subject FROM requests WHERE number IN ("
            + String.join(", ", rows.stream().map(x -> "?").toList()) + ")")) {
          for (int i = 0; i < rows.size(); i++) {
            p.setString(i + 1, rows.get(i).number());
          }
          try (ResultSet r = p.executeQuery()) {
            while (r.next()) {
              subjects.put(r.getString(1), r.getString(2));
            }
          }
        }
        rows.replaceAll(x -> new QueueRow(x.number(), x.type(), x.channel(), x.status(), x.registeredAt(),
            x.dueDate(), x.workingDaysLeft(), x.overdue(), x.assignment(), subjects.getOrDefault(x.number(), "")));
      }
      long total;
      try (PreparedStatement p = c.prepareStatement(count)) {
        bind(p, countBound);
        try (ResultSet r = p.executeQuery()) {
          r.next();
          total = r.getLong(1);
        }
      }
      return total > QueueQuery.MAX_SEARCH_COUNT && capped
          ? new QueueResult(rows, QueueQuery.MAX_SEARCH_COUNT, true) : new QueueResult(rows, total, false);
    });
  }

  /**
   * The keys (year * {@link #SEARCH_KEY_YEAR} + sequence) of the requests matching an FTS5 query in
   * {@code table} (SQLite: request_search or request_search_words), with the keys not indexed yet
   * (request_search_pending, read in the same statement: a search never misses a committed request),
   * as a JSON array, when there are at most {@link #MAX_INDEX_CANDIDATES}; empty when there are more.
   */
  private Optional<String> indexHits(String table, String phrase) throws StoreException {
    return onConnection(c -> {
      try (PreparedStatement p = c.prepareStatement(
          "SELECT rowid FROM " + table + " WHERE " + table + " MATCH ?"
              + " UNION ALL SELECT key FROM request_search_pending LIMIT ?")) {
        p.setString(1, phrase);
        p.setInt(2, MAX_INDEX_CANDIDATES + 1);
        StringBuilder json = new StringBuilder("[");
        int count = 0;
        try (ResultSet r = p.executeQuery()) {
          while (r.next()) {
            if (++count > MAX_INDEX_CANDIDATES) {
              return Optional.<String>empty();
            }
            json.append(count == 1 ? "" : ",").append(r.getLong(1));
          }
        }
        return Optional.of(json.append(']').toString());
      }
    });
  }

  /**
   * Of the keys in {@code candidates} (a JSON array, see {@link #indexHits}), those whose search text
   * holds {@code term}, as a JSON array in the same form.
   */
  private String substringHits(String candidates, String term) throws StoreException {
    return onConnection(c -> {
      try (PreparedStatement p = c.prepareStatement("SELECT s.value FROM json_each(?) s JOIN request_queue q"
          + " ON q.year = s.value / " + SEARCH_KEY_YEAR + " AND q.sequence = s.value % " + SEARCH_KEY_YEAR
          + " WHERE instr(q.search, ?) > 0")) {
        p.setString(1, candidates);
        p.setString(2, term);
        StringBuilder json = new StringBuilder("[");
        try (ResultSet r = p.executeQuery()) {
          while (r.next()) {
            json.append(json.length() == 1 ? "" : ",").append(r.getLong(1));
          }
        }
        return json.append(']').toString();
      }
    });
  }

  /** At most this many pending requests are indexed in one transaction (migration V17). */
  static final int SEARCH_INDEX_BATCH = 100;
  /**
   * How long after a commit the indexer starts (ms): the commits of that time are indexed together,
   * in fewer and larger transactions (each FTS5 transaction writes a segment of its own); until then
   * a search reads them from request_search_pending.
   */
  static final long SEARCH_INDEX_DELAY_MS = 200;

  /**
   * Asks the indexer thread to index the pending requests (SQLite, migration V17) after a commit;
   * returns at once. A request the indexer never reaches (it failed, the process ended) stays
   * pending: every search reads it, the next run or the next open indexes it.
   */
  private void indexSearchSoon() {
    if (!searchIndexing || !searchIndexQueued.compareAndSet(false, true)) {
      return;
    }
    try {
      searchIndexer.schedule(() -> {
        searchIndexQueued.set(false);
        try {
          indexPendingSearch();
        } catch (StoreException | RuntimeException e) {
          LOG.warn("search index: {}; the requests not indexed are still found (each search reads them) and are"
              + " indexed after the next write or at the next open", e.getMessage());
        }
      }, SEARCH_INDEX_DELAY_MS, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      searchIndexQueued.set(false); // closing: the next open indexes them
    }
  }

  /**
   * Moves the pending requests into both search indexes (SQLite, migration V17), in transactions of
   * {@link #SEARCH_INDEX_BATCH}; returns how many (0 on PostgreSQL). Called by the indexer thread, at
   * open, and by benchmarks that fill the register by SQL.
   */
  public int indexPendingSearch() throws StoreException {
    if (dialect != Dialect.SQLITE) {
      return 0; // PostgreSQL's indexes are written in the registration's transaction
    }
    int total = 0;
    while (onConnection(c -> {
      try (Statement st = c.createStatement(); ResultSet r = st.executeQuery("SELECT 1 FROM request_search_pending LIMIT 1")) {
        return r.next();
      }
    })) {
      int done = this.<Integer, RuntimeException>writeUnnudged(tx -> ((Tx) tx).indexSearchBatch());
      total += done;
      if (done < SEARCH_INDEX_BATCH) {
        break;
      }
    }
    return total;
  }

  /**
   * For tests: {@code false} stops indexing after commits (as if the process ended after each
   * commit); the requests stay pending until indexing is on again and a write follows, or the next open.
   */
  public void indexSearchAfterCommits(boolean on) {
    searchIndexing = on;
  }

  /** How many requests are registered but not yet in the search indexes (SQLite; 0 on PostgreSQL). */
  public long pendingSearchIndex() throws StoreException {
    if (dialect != Dialect.SQLITE) {
      return 0;
    }
    return onConnection(c -> {
      try (Statement st = c.createStatement(); ResultSet r = st.executeQuery("SELECT COUNT(*) FROM request_search_pending")) {
        r.next();
        return r.getLong(1);
      }
    });
  }

  /** Binds {@code args} (String, Long or Integer) from parameter 1; returns the number bound. */
  private static int bind(PreparedStatement p, List<Object> args) throws SQLException {
    bind(p, args.toArray());
    return args.size();
  }

  /** The rows whose search column is not filled yet (requests stored before migration V10) at most this many at a time. */
  static final int SEARCH_FILL_BATCH = 500;

  /**
   * Fills the search column of the requests stored before migration V10 (folded in Java, by the
   * Azerbaijani rules, which SQL's lower() does not know), in batches of {@link #SEARCH_FILL_BATCH}.
   * Then, on PostgreSQL, the word vector (migration V14) of every row that has none, in batches of
   * {@link #WORDS_FILL_BATCH}: the word index must hold every row before the first search, since a
   * word query never matches a row without one.
   * Called by {@link Inbox#open}; nothing to do once every request has its search text and vector.
   */
  public void fillSearch() throws StoreException {
    while (true) {
      int done = this.<Integer, RuntimeException>write(tx -> ((Tx) tx).fillSearchBatch());
      if (done < SEARCH_FILL_BATCH) {
        break;
      }
    }
    if (dialect == Dialect.SQLITE) {
      int indexed = indexPendingSearch();
      if (indexed > 0) {
        LOG.info("search index (migration V17): {} requests registered but not yet indexed are indexed now", indexed);
      }
    }
    if (dialect == Dialect.POSTGRESQL) {
      long filled = 0;
      while (true) {
        int done = this.<Integer, RuntimeException>write(tx -> ((Tx) tx).fillWordsBatch());
        filled += done;
        if (done < WORDS_FILL_BATCH) {
          break;
        }
      }
      if (filled > 0) {
        LOG.info("word index of the queue search (migration V14): {} requests indexed", filled);
        // the planner's statistics of the new vectors, for its choice between the indexes
        this.<Void, RuntimeException>write(tx -> {
          try (Statement s = ((Tx) tx).c.createStatement()) {
            s.execute("ANALYZE request_words");
          }
          return null;
        });
      }
    }
  }

  /** The rows given their word vector (V14) at most this many at a time. */
  static final int WORDS_FILL_BATCH = 2_000;

  public List<PurgedRecord> purgeLog() throws StoreException {
    return onConnection(c -> {
      try (PreparedStatement p = c.prepareStatement(
          "SELECT number, registered_at, last_event_at FROM purged ORDER BY number")) {
        List<PurgedRecord> out = new ArrayList<>();
        try (ResultSet r = p.executeQuery()) {
          while (r.next()) {
            out.add(new PurgedRecord(r.getString(1), Instant.ofEpochMilli(r.getLong(2)), Instant.ofEpochMilli(r.getLong(3))));
          }
        }
        return out;
      }
    });
  }

  // ---------------------------------------------------------------- inside a transaction

  /** The operations of one write transaction. */
  public final class Tx implements RequestTx {
    private final Connection c;
    /** The other components' statements, on this transaction's connection. */
    private final Tables tables;
    /** Statements prepared once per transaction and reused by every unit of a group. */
    private final Map<String, PreparedStatement> statements = new HashMap<>();

    private Tx(Connection c) {
      this.c = c;
      this.tables = new ConnectionTables(c);
    }

    @Override
    public int update(String sql, Object... parameters) throws SQLException {
      return tables.update(sql, parameters);
    }

    @Override
    public <T> List<T> query(String sql, Rows<T> rows, Object... parameters) throws SQLException {
      return tables.query(sql, rows, parameters);
    }

    /** A statement prepared once in this transaction (closed when it ends: never close it yourself). */
    private PreparedStatement prepared(String sql) throws SQLException {
      PreparedStatement p = statements.get(sql);
      if (p == null) {
        p = c.prepareStatement(sql);
        statements.put(sql, p);
      }
      return p;
    }

    void closeStatements() {
      for (PreparedStatement p : statements.values()) {
        try {
          p.close();
        } catch (SQLException e) {
          LOG.debug("closing a statement: {}", e.getMessage());
        }
      }
      statements.clear();
    }

    /**
     * The next sequence number of {@code year}: increments the year's counter, whose row stays
     * locked until the transaction ends (so numbers are gap-free: a rolled-back transaction gives
     * its number back).
     */
    public int nextSequence(int year) throws SQLException {
      Integer next = bumpCounter(year);
      if (next == null) {
        PreparedStatement p = prepared(
            "INSERT INTO number_counters (year, last_sequence) VALUES (?, 0) ON CONFLICT (year) DO NOTHING");
        p.setInt(1, year);
        p.executeUpdate();
        next = bumpCounter(year);
        if (next == null) {
          throw new SQLException("number counter of " + year + " could not be created");
        }
      }
      return next;
    }

    /** Stamps {@code now} on the write probe's row. */
    void stampProbe(Instant now) throws SQLException {
      try (PreparedStatement p = c.prepareStatement("UPDATE health_probe SET probed_at = ? WHERE id = 1")) {
        p.setLong(1, now.toEpochMilli());
        if (p.executeUpdate() != 1) {
          throw new SQLException("the row of health_probe is missing (migration V7__health_probe.sql)");
        }
      }
    }

    /** The incremented counter of {@code year}, or null when the year has no counter row yet. */
    private Integer bumpCounter(int year) throws SQLException {
      PreparedStatement p = prepared(
          "UPDATE number_counters SET last_sequence = last_sequence + 1 WHERE year = ? RETURNING last_sequence");
      p.setInt(1, year);
      try (ResultSet r = p.executeQuery()) {
        return r.next() ? r.getInt(1) : null;
      }
    }

    /**
     * Locks the number counter of {@code year} until the transaction ends, so that no registration
     * of that year can proceed meanwhile ({@code FOR UPDATE} on PostgreSQL; on SQLite the write
     * transaction already excludes every other writer).
     */
    public void lockCounter(int year) throws SQLException {
      if (dialect == Dialect.POSTGRESQL) {
        try (PreparedStatement p = c.prepareStatement(
            "SELECT last_sequence FROM number_counters WHERE year = ? FOR UPDATE")) {
          p.setInt(1, year);
          p.executeQuery().close();
        }
      }
    }

    /** Stores a new request with its raw bytes; its attachments and events are added separately. */
    public void insertRequest(String number, int year, int sequence, Submission s, String token, Instant registeredAt,
        RequestStatus status, String deadlineRule, LocalDate dueDate, Instant dueAt) throws SQLException {
      PreparedStatement p = prepared("INSERT INTO requests (number, year, sequence, channel, type,"
          + " urgency, name, email, subject, message, language, raw, raw_content_type, remote_address, status_token,"
          + " registered_at, status, deadline_rule, due_date, due_at)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
      int i = 0;
      p.setString(++i, number);
      p.setInt(++i, year);
      p.setInt(++i, sequence);
      p.setString(++i, s.channel().name());
      p.setString(++i, s.type().key());
      p.setString(++i, (s.urgency() == null ? Urgency.NORMAL : s.urgency()).key());
      p.setString(++i, text(s.name()));
      p.setString(++i, nz(s.email()));
      p.setString(++i, text(s.subject()));
      p.setString(++i, text(s.message()));
      p.setString(++i, nz(s.language()));
      p.setBytes(++i, s.raw() == null ? new byte[0] : s.raw());
      p.setString(++i, nz(s.rawContentType()));
      p.setString(++i, nz(s.remoteAddress()));
      p.setString(++i, token);
      p.setLong(++i, registeredAt.toEpochMilli());
      p.setString(++i, status.key());
      p.setString(++i, deadlineRule);
      p.setString(++i, dueDate.toString());
      p.setLong(++i, dueAt.toEpochMilli());
      p.executeUpdate();
      PreparedStatement q = prepared("INSERT INTO request_queue (number, year, sequence, channel, type, status,"
          + " registered_at, due_date, due_at, search) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
      i = 0;
      q.setString(++i, number);
      q.setInt(++i, year);
      q.setInt(++i, sequence);
      q.setString(++i, s.channel().name());
      q.setString(++i, s.type().key());
      q.setString(++i, status.key());
      q.setLong(++i, registeredAt.toEpochMilli());
      q.setString(++i, dueDate.toString());
      q.setLong(++i, dueAt.toEpochMilli());
      String search = SearchText.of(number, s.subject(), s.message());
      q.setString(++i, search);
      q.executeUpdate();
      if (dialect == Dialect.POSTGRESQL) { // the word index of V14 (SQLite's FTS5 index has triggers)
        PreparedStatement w = prepared("INSERT INTO request_words (number, words) VALUES (?, ?::tsvector)");
        w.setString(1, number);
        w.setString(2, SearchWords.vector(search));
        w.executeUpdate();
      }
    }

    /** Adds attachments after those already stored for the request. */
    public void addAttachments(String number, String role, long historyId, List<Attachment> attachments)
        throws SQLException {
      if (attachments == null || attachments.isEmpty()) {
        return;
      }
      int position;
      PreparedStatement max = prepared("SELECT COALESCE(MAX(position), 0) FROM attachments WHERE request_number = ?");
      max.setString(1, number);
      try (ResultSet r = max.executeQuery()) {
        r.next();
        position = r.getInt(1);
      }
      // A slice of the request's raw bytes (a web upload) is stored as its place in them, not again.
      PreparedStatement p = prepared("INSERT INTO attachments (request_number, position, role,"
          + " history_id, file_name, content_type, size, bytes, raw_offset, raw_length)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
      try {
        for (Attachment a : attachments) {
          byte[] bytes = a.bytes() == null ? new byte[0] : a.bytes();
          if (a.isSlice()) {
            p.setLong(9, a.rawOffset());
            p.setLong(10, bytes.length);
          } else {
            p.setNull(9, java.sql.Types.BIGINT);
            p.setNull(10, java.sql.Types.BIGINT);
          }
          p.setString(1, number);
          p.setInt(2, ++position);
          p.setString(3, role);
          if (historyId > 0) {
            p.setLong(4, historyId);
          } else {
            p.setNull(4, java.sql.Types.BIGINT);
          }
          p.setString(5, nz(a.fileName()));
          p.setString(6, nz(a.contentType()));
          p.setLong(7, bytes.length);
          p.setBytes(8, a.isSlice() ? new byte[0] : bytes);
          p.addBatch();
        }
        p.executeBatch();
      } finally {
        p.clearBatch(); // a failed unit must not leave rows queued for the next one
      }
    }

    /** Appends one event to the request's history and returns it with its id. */
    public HistoryEvent append(String number, Instant at, String actor, EventKind kind, String text, boolean visible)
        throws SQLException {
      PreparedStatement p = prepared("INSERT INTO history (request_number, at, actor, kind, text,"
          + " visible) VALUES (?, ?, ?, ?, ?, ?) RETURNING id");
      p.setString(1, number);
      p.setLong(2, at.toEpochMilli());
      p.setString(3, actor);
      p.setString(4, kind.name());
      String stored = text(text);
      p.setString(5, stored);
      p.setInt(6, visible ? 1 : 0);
      try (ResultSet r = p.executeQuery()) {
        if (!r.next()) {
          throw new SQLException("no id for the new history event");
        }
        return new HistoryEvent(r.getLong(1), Instant.ofEpochMilli(at.toEpochMilli()), actor, kind, stored, visible);
      }
    }

    /**
     * The request, locked against other writers until the transaction ends ({@code FOR UPDATE} on
     * PostgreSQL; SQLite's write transaction already excludes every other writer).
     */
    public Optional<StoredRequest> lock(String number) throws SQLException {
      String sql = "SELECT " + REQUEST_COLUMNS + " FROM requests WHERE number = ?"
          + (dialect == Dialect.POSTGRESQL ? " FOR UPDATE" : "");
      return one(c, sql, number);
    }

    public List<HistoryEvent> history(String number) throws SQLException {
      return JdbcRequestStore.history(c, number);
    }

    /** Every request whose status is one of {@code statuses}, in number order. */
    public List<StoredRequest> withStatus(Collection<RequestStatus> statuses) throws SQLException {
      List<StoredRequest> out = new ArrayList<>();
      for (RequestStatus s : statuses) {
        try (PreparedStatement p = c.prepareStatement("SELECT " + REQUEST_COLUMNS + " FROM requests WHERE status = ?"
            + (dialect == Dialect.POSTGRESQL ? " FOR UPDATE" : ""))) {
          p.setString(1, s.key());
          out.addAll(all(p));
        }
      }
      out.sort(java.util.Comparator.comparingInt(StoredRequest::year).thenComparingInt(StoredRequest::sequence));
      return out;
    }

    /**
     * Sets the request's current state, explained by {@code cause}: the event appended to its history
     * just before, in this transaction. The database refuses a state change whose event is not the
     * request's newest, or not newer than the one that set the state before (migration
     * V5__archive_append_only.sql): no status or deadline changes without an event on record.
     */
    public void setState(String number, HistoryEvent cause, RequestStatus status, String deadlineRule,
        LocalDate dueDate, Instant dueAt) throws SQLException {
      if (cause == null || cause.id() <= 0) {
        throw new SQLException("the state of " + number + " changes only with an event appended to its history first");
      }
      try (PreparedStatement p = c.prepareStatement("UPDATE requests SET status = ?, deadline_rule = ?, due_date = ?,"
          + " due_at = ?, state_event_id = ? WHERE number = ?")) {
        p.setString(1, status.key());
        p.setString(2, deadlineRule);
        p.setString(3, dueDate.toString());
        p.setLong(4, dueAt.toEpochMilli());
        p.setLong(5, cause.id());
        p.setString(6, number);
        if (p.executeUpdate() != 1) {
          throw new SQLException("no request " + number);
        }
      }
      try (PreparedStatement p = c.prepareStatement("UPDATE request_queue SET status = ?, due_date = ?, due_at = ?,"
          + " closed_at = ?, refusal_ground = NULL WHERE number = ?")) {
        p.setString(1, status.key());
        p.setString(2, dueDate.toString());
        p.setLong(3, dueAt.toEpochMilli());
        if (status.open()) {
          p.setNull(4, java.sql.Types.BIGINT);
        } else {
          p.setLong(4, cause.at().toEpochMilli());
        }
        p.setString(5, number);
        if (p.executeUpdate() != 1) {
          throw new SQLException("no queue row for request " + number);
        }
      }
    }

    public Assignment assignment(String number) throws SQLException {
      return JdbcRequestStore.assignment(c, number);
    }

    /**
     * Sets the request's assignment, explained by {@code cause}, which must be the request's newest
     * event (appended just before, in this transaction).
     */
    public void setAssignment(String number, HistoryEvent cause, Assignment a) throws SQLException {
      if (cause == null || cause.id() <= 0) {
        throw new SQLException("the assignment of " + number + " changes only with an event appended to its history first");
      }
      try (PreparedStatement p = c.prepareStatement("UPDATE request_queue SET unit = ?, assignment = ?, assignee = ?"
          + " WHERE number = ? AND ? = (SELECT MAX(h.id) FROM history h WHERE h.request_number = ?)")) {
        p.setString(1, a.unit().orElse(null));
        p.setString(2, a.state().key());
        p.setString(3, a.assignee().orElse(null));
        p.setString(4, number);
        p.setLong(5, cause.id());
        p.setString(6, number);
        if (p.executeUpdate() != 1) {
          throw new SQLException("cannot set the assignment of " + number + ": no such request, or event "
              + cause.id() + " is not its newest");
        }
      }
    }

    public void setRefusalGround(String number, String ground) throws SQLException {
      try (PreparedStatement p = c.prepareStatement(
          "UPDATE request_queue SET refusal_ground = ? WHERE number = ? AND status = ?")) {
        p.setString(1, ground);
        p.setString(2, number);
        p.setString(3, RequestStatus.REFUSED.key());
        if (p.executeUpdate() != 1) {
          throw new SQLException("cannot record the refusal ground of " + number + ": it is not refused");
        }
      }
    }

    /** Indexes up to {@link #SEARCH_INDEX_BATCH} pending requests (SQLite, migration V17); returns how many. */
    int indexSearchBatch() throws SQLException {
      List<Long> keys = new ArrayList<>();
      List<String> texts = new ArrayList<>();
      try (PreparedStatement p = c.prepareStatement("SELECT p.key, q.search FROM request_search_pending p"
          + " LEFT JOIN request_queue q ON q.year = p.key / " + SEARCH_KEY_YEAR + " AND q.sequence = p.key % "
          + SEARCH_KEY_YEAR + " ORDER BY p.key LIMIT " + SEARCH_INDEX_BATCH);
          ResultSet r = p.executeQuery()) {
        while (r.next()) {
          keys.add(r.getLong(1));
          texts.add(r.getString(2));
        }
      }
      try (PreparedStatement trigrams = c.prepareStatement("INSERT INTO request_search (rowid, search) VALUES (?, ?)");
          PreparedStatement words = c.prepareStatement("INSERT INTO request_search_words (rowid, search) VALUES (?, ?)");
          PreparedStatement done = c.prepareStatement("DELETE FROM request_search_pending WHERE key = ?")) {
        for (int i = 0; i < keys.size(); i++) {
          long key = keys.get(i);
          String text = texts.get(i);
          if (text != null) { // null: the row is gone (its delete trigger removed the key too; nothing to index)
            for (PreparedStatement index : List.of(trigrams, words)) {
              index.setLong(1, key);
              index.setString(2, text);
              index.executeUpdate();
            }
          }
          done.setLong(1, key);
          done.executeUpdate();
        }
      }
      return keys.size();
    }

    int fillSearchBatch() throws SQLException {
      List<String[]> rows = new ArrayList<>();
      try (PreparedStatement p = c.prepareStatement("SELECT r.number, r.subject, r.message FROM request_queue q"
          + " JOIN requests r ON r.number = q.number WHERE q.search IS NULL LIMIT " + SEARCH_FILL_BATCH)) {
        try (ResultSet r = p.executeQuery()) {
          while (r.next()) {
            rows.add(new String[] {r.getString(1), r.getString(2), r.getString(3)});
          }
        }
      }
      try (PreparedStatement p = c.prepareStatement("UPDATE request_queue SET search = ? WHERE number = ?")) {
        for (String[] row : rows) {
          p.setString(1, SearchText.of(row[0], row[1], row[2]));
          p.setString(2, row[0]);
          p.addBatch();
        }
        if (!rows.isEmpty()) {
          p.executeBatch();
        }
      }
      return rows.size();
    }

    /** Writes the word vector (V14, PostgreSQL) of up to {@link #WORDS_FILL_BATCH} requests that have none; returns how many. */
    int fillWordsBatch() throws SQLException {
      List<String[]> rows = new ArrayList<>();
      try (PreparedStatement p = c.prepareStatement("SELECT q.number, q.search FROM request_queue q"
          + " WHERE q.search IS NOT NULL AND NOT EXISTS (SELECT 1 FROM request_words w WHERE w.number = q.number)"
          + " LIMIT " + WORDS_FILL_BATCH)) {
        try (ResultSet r = p.executeQuery()) {
          while (r.next()) {
            rows.add(new String[] {r.getString(1), r.getString(2)});
          }
        }
      }
      try (PreparedStatement p = c.prepareStatement("INSERT INTO request_words (number, words) VALUES (?, ?::tsvector)")) {
        for (String[] row : rows) {
          p.setString(1, row[0]);
          p.setString(2, SearchWords.vector(row[1]));
          p.addBatch();
        }
        if (!rows.isEmpty()) {
          p.executeBatch();
        }
      }
      return rows.size();
    }

    /** Requests whose latest event is before {@code cutoff}, with their status, in number order. */
    public List<PurgeCandidate> lastActiveBefore(Instant cutoff) throws SQLException {
      try (PreparedStatement p = c.prepareStatement("SELECT r.number, r.registered_at, r.status, MAX(h.at)"
          + " FROM requests r JOIN history h ON h.request_number = r.number"
          + " GROUP BY r.number, r.registered_at, r.status, r.year, r.sequence"
          + " HAVING MAX(h.at) < ? ORDER BY r.year, r.sequence")) {
        p.setLong(1, cutoff.toEpochMilli());
        List<PurgeCandidate> out = new ArrayList<>();
        try (ResultSet r = p.executeQuery()) {
          while (r.next()) {
            out.add(new PurgeCandidate(r.getString(1), Instant.ofEpochMilli(r.getLong(2)),
                status(r.getString(3)), Instant.ofEpochMilli(r.getLong(4))));
          }
        }
        return out;
      }
    }

    /**
     * Logs the removal of a request in the purge log, then deletes its attachments, history and row.
     * The order matters: the database lets only a closed request already in the (append-only) purge
     * log lose its rows (migration V5__archive_append_only.sql), so no deletion goes unrecorded.
     */
    public void delete(PurgeCandidate candidate, Instant at, String actor) throws SQLException {
      try (PreparedStatement p = c.prepareStatement(
          "INSERT INTO purged (number, registered_at, last_event_at, purged_at, actor) VALUES (?, ?, ?, ?, ?)")) {
        p.setString(1, candidate.number());
        p.setLong(2, candidate.registeredAt().toEpochMilli());
        p.setLong(3, candidate.lastEventAt().toEpochMilli());
        p.setLong(4, at.toEpochMilli());
        p.setString(5, actor);
        p.executeUpdate();
      }
      for (String sql : List.of("DELETE FROM attachments WHERE request_number = ?",
          "DELETE FROM history WHERE request_number = ?", "DELETE FROM request_queue WHERE number = ?",
          "DELETE FROM requests WHERE number = ?")) {
        try (PreparedStatement p = c.prepareStatement(sql)) {
          p.setString(1, candidate.number());
          p.executeUpdate();
        }
      }
    }

  }

  // ---------------------------------------------------------------- other components' tables

  /**
   * {@link Tables} on one connection: the statements of another component, prepared, bound and
   * closed here, so that the connection itself never leaves this package.
   */
  private record ConnectionTables(Connection c) implements Tables {
    @Override
    public int update(String sql, Object... parameters) throws SQLException {
      try (PreparedStatement p = c.prepareStatement(sql)) {
        bind(p, parameters);
        return p.executeUpdate();
      }
    }

    @Override
    public <T> List<T> query(String sql, Rows<T> rows, Object... parameters) throws SQLException {
      try (PreparedStatement p = c.prepareStatement(sql)) {
        bind(p, parameters);
        List<T> out = new ArrayList<>();
        try (ResultSet r = p.executeQuery()) {
          Row row = new ResultRow(r);
          while (r.next()) {
            out.add(rows.map(row));
          }
        }
        return out;
      }
    }
  }

  private static void bind(PreparedStatement p, Object... parameters) throws SQLException {
    for (int i = 0; i < parameters.length; i++) {
      Object v = parameters[i];
      if (v == null) {
        p.setNull(i + 1, java.sql.Types.NULL);
      } else if (v instanceof String s) {
        p.setString(i + 1, s);
      } else if (v instanceof Long l) {
        p.setLong(i + 1, l);
      } else if (v instanceof Integer n) {
        p.setInt(i + 1, n);
      } else if (v instanceof byte[] b) {
        p.setBytes(i + 1, b);
      } else {
        throw new SQLException("parameter " + (i + 1) + " of a statement is a " + v.getClass().getName()
            + "; bind a String, Long, Integer, byte[] or null");
      }
    }
  }

  /** The current row of a result. */
  private record ResultRow(ResultSet r) implements Tables.Row {
    @Override
    public String text(int column) throws SQLException {
      return r.getString(column);
    }

    @Override
    public long number(int column) throws SQLException {
      return r.getLong(column);
    }

    @Override
    public Optional<Long> optionalNumber(int column) throws SQLException {
      long v = r.getLong(column);
      return r.wasNull() ? Optional.empty() : Optional.of(v);
    }

    @Override
    public byte[] bytes(int column) throws SQLException {
      return r.getBytes(column);
    }
  }

  // ---------------------------------------------------------------- row mapping

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  /**
   * Text as stored: line ends as LF. Browsers send a textarea with CRLF, mail has CRLF lines and
   * officers' files may too; a CR kept in the text would reach the status page, the mails and the
   * terminal as a stray control character (the raw submission keeps the bytes as received).
   */
  static String text(String s) {
    return s == null ? "" : s.indexOf('\r') < 0 ? s : s.replace("\r\n", "\n").replace('\r', '\n');
  }

  private static Optional<StoredRequest> one(Connection c, String sql, String key) throws SQLException {
    try (PreparedStatement p = c.prepareStatement(sql)) {
      p.setString(1, key);
      List<StoredRequest> rows = all(p);
      return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }
  }

  private static List<StoredRequest> all(PreparedStatement p) throws SQLException {
    List<StoredRequest> out = new ArrayList<>();
    try (ResultSet r = p.executeQuery()) {
      while (r.next()) {
        out.add(new StoredRequest(
            r.getString("number"),
            r.getInt("year"),
            r.getInt("sequence"),
            Channel.valueOf(r.getString("channel")),
            RequestType.ofKey(r.getString("type")).orElseThrow(() -> bad("type", r)),
            Urgency.ofKey(r.getString("urgency")).orElseThrow(() -> bad("urgency", r)),
            r.getString("name"),
            r.getString("email"),
            r.getString("subject"),
            r.getString("message"),
            r.getString("language"),
            r.getString("raw_content_type"),
            r.getString("remote_address"),
            r.getString("status_token"),
            Instant.ofEpochMilli(r.getLong("registered_at")),
            status(r.getString("status")),
            r.getString("deadline_rule"),
            LocalDate.parse(r.getString("due_date")),
            Instant.ofEpochMilli(r.getLong("due_at"))));
      }
    }
    return out;
  }

  private static IllegalStateException bad(String column, ResultSet r) {
    try {
      return new IllegalStateException("unknown " + column + " '" + r.getString(column) + "' in the database");
    } catch (SQLException e) {
      return new IllegalStateException("unknown " + column, e);
    }
  }

  static RequestStatus status(String key) {
    for (RequestStatus s : RequestStatus.values()) {
      if (s.key().equals(key)) {
        return s;
      }
    }
    throw new IllegalStateException("unknown status '" + key + "' in the database");
  }

  private static List<HistoryEvent> history(Connection c, String number) throws SQLException {
    try (PreparedStatement p = c.prepareStatement(
        "SELECT id, at, actor, kind, text, visible FROM history WHERE request_number = ? ORDER BY id")) {
      p.setString(1, number);
      List<HistoryEvent> out = new ArrayList<>();
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          out.add(new HistoryEvent(r.getLong(1), Instant.ofEpochMilli(r.getLong(2)), r.getString(3),
              EventKind.valueOf(r.getString(4)), r.getString(5), r.getInt(6) == 1));
        }
      }
      return out;
    }
  }

  private static List<StoredAttachment> attachments(Connection c, String number) throws SQLException {
    // A slice is read back from the raw bytes (substr counts bytes of a BLOB/bytea, from 1).
    try (PreparedStatement p = c.prepareStatement("SELECT a.position, a.role, a.history_id, a.file_name,"
        + " a.content_type, CASE WHEN a.raw_offset IS NULL THEN a.bytes"
        + " ELSE substr(r.raw, a.raw_offset + 1, a.raw_length) END"
        + " FROM attachments a JOIN requests r ON r.number = a.request_number"
        + " WHERE a.request_number = ? ORDER BY a.position")) {
      p.setString(1, number);
      List<StoredAttachment> out = new ArrayList<>();
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          long historyId = r.getLong(3);
          out.add(new StoredAttachment(r.getInt(1), r.getString(2), r.wasNull() ? 0 : historyId,
              new Attachment(r.getString(4), r.getString(5), r.getBytes(6))));
        }
      }
      return out;
    }
  }

  /** Runs a statement outside any transaction (for operators' checks and tests), e.g. a PRAGMA. */
  public String queryText(String sql) throws StoreException {
    return onConnection(c -> {
      try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
        return r.next() ? r.getString(1) : null;
      }
    });
  }
}
