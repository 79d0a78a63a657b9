package az.disclose.inbox.mail;

import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.search.FlagTerm;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.protocol.BODY;
import org.eclipse.angus.mail.imap.protocol.FetchResponse;
import org.eclipse.angus.mail.imap.protocol.MessageSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls the configured IMAP mailbox: fetches each message's raw bytes, hands them to {@link
 * MailIntake} (which stores the outcome and the message's key in one transaction), and only then
 * moves the message to the processed folder (or, when none is configured, flags it {@code \Seen}
 * and {@value #PROCESSED_FLAG}). A crash or a dropped connection between the two leaves the message
 * in the mailbox; the next poll fetches it again and the intake recognises its key, so it is never
 * registered twice. A message the database could not record stays in the mailbox and is tried on
 * the next poll. Never throws out of a poll.
 *
 * <p>Between polls, when the server offers IDLE, the poller waits in IDLE on the folder (opened
 * read-only, on a connection of its own) and polls as soon as the server announces a change, so a
 * new message is processed within seconds; otherwise, or after a failed poll, it waits the poll
 * interval. The IDLE wait only wakes the poller up: every message still goes through {@link
 * #pollOnce}, so the store-then-move guarantees are the same. {@link #close} ends an IDLE at once.
 */
public final class ImapPoller implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ImapPoller.class);
  /** The IMAP keyword set on processed messages when there is no processed folder. */
  public static final String PROCESSED_FLAG = "$DiscloseProcessed";
  private static final int BATCH = 200;
  /** At most this many bytes of messages are fetched in one command. */
  private static final long PREFETCH_BYTES = 32L * 1024 * 1024;

  private final MailSettings settings;
  private final MailSettings.Server imap;
  private final MailIntake intake;
  private final Session session;
  private final Object lifecycle = new Object();
  private ScheduledExecutorService executor;
  private ExecutorService workers;
  /** Counted down by {@link #close}: ends the wait between polls. */
  private volatile CountDownLatch stopped = new CountDownLatch(0);
  /** The folder the poller is idling on, if it is; {@link #close} closes it to end the IDLE. */
  private volatile IMAPFolder idling;
  /**
   * An IDLE is ended and restarted this often (well inside the read timeout and the servers'
   * 29-minute limit of RFC 2177).
   */
  static final Duration IDLE_RENEW = Duration.ofSeconds(25);
  /** The shortest time between the starts of two polls woken by IDLE. */
  static final Duration MIN_POLL_GAP = Duration.ofSeconds(1);
  /** What the last wait between polls did (for tests and the log). */
  private volatile boolean lastWaitIdled;
  /** How many polls the loop of {@link #start} made (for tests). */
  private final AtomicInteger loopPolls = new AtomicInteger();
  /** Messages of a batch are registered concurrently, so the register commits them in groups. */
  private static final int WORKERS = 16;

  public ImapPoller(MailSettings settings, MailIntake intake) {
    this.settings = settings;
    this.imap = settings.imap().orElseThrow(() -> new IllegalArgumentException("no mail.imap section"));
    this.intake = intake;
    this.session = Session.getInstance(properties(imap));
  }

  /**
   * A poller for {@code settings}, or empty — with one clear log line — when no mailbox is
   * configured.
   */
  public static Optional<ImapPoller> create(MailSettings settings, MailIntake intake) {
    if (settings.imap().isEmpty()) {
      LOG.info("mail intake disabled: no mailbox configured (add mail.imap to disclose.yaml to receive requests by"
          + " e-mail)");
      return Optional.empty();
    }
    return Optional.of(new ImapPoller(settings, intake));
  }

  static Properties properties(MailSettings.Server s) {
    Properties p = s.sessionProperties("imap", 60_000);
    String proto = s.protocol("imap");
    p.setProperty("mail.store.protocol", proto);
    p.setProperty("mail." + proto + ".peek", "true");
    p.setProperty("mail." + proto + ".partialfetch", "false");
    return p;
  }

  /**
   * The poller's state for a health check: when the last poll ended, when the last poll that
   * recorded every message ended, and the last failure (empty once a poll succeeds again).
   */
  public record Status(Optional<java.time.Instant> lastPoll, Optional<java.time.Instant> lastSuccess,
      Optional<String> lastError) {}

  private volatile Status status = new Status(Optional.empty(), Optional.empty(), Optional.empty());

  public Status status() {
    return status;
  }

  private PollReport remember(PollReport r) {
    java.time.Instant now = intake.clock().instant();
    Optional<String> error = r.error().isPresent() ? r.error()
        : r.failed() > 0 ? Optional.of(r.failed() + " message(s) could not be recorded; they stay in the mailbox")
        : Optional.empty();
    status = new Status(Optional.of(now), error.isEmpty() ? Optional.of(now) : status.lastSuccess(), error);
    return r;
  }

  /** What one poll did. */
  public record PollReport(int fetched, Map<MailIntake.Outcome, Integer> outcomes, int failed, Optional<String> error) {}

  /** Polls once: processes every message in the folder (in batches) and moves it. Never throws. */
  public synchronized PollReport pollOnce() {
    Map<MailIntake.Outcome, Integer> outcomes = new EnumMap<>(MailIntake.Outcome.class);
    int fetched = 0;
    int failed = 0;
    Store store = null;
    Folder folder = null;
    try {
      store = session.getStore();
      store.connect(imap.host(), imap.port(), imap.user(), imap.password());
      Folder processed = processedFolder(store);
      while (true) {
        // the folder is opened afresh for each batch: the message numbers after a move are the server's
        folder = store.getFolder(settings.folder());
        folder.open(Folder.READ_WRITE);
        Message[] batch = pending(folder);
        if (batch.length == 0) {
          break;
        }
        List<byte[]> raws = fetchRaw(folder, batch); // the server's bytes; the parser works on its own copy
        fetched += batch.length;
        List<Future<MailIntake.Result>> results = new ArrayList<>(batch.length);
        for (byte[] raw : raws) {
          results.add(workers().submit(() -> intake.ingest(raw))); // concurrent: one commit for many (group commit)
        }
        List<Message> done = new ArrayList<>();
        for (int i = 0; i < batch.length; i++) {
          try {
            MailIntake.Result r = results.get(i).get();
            outcomes.merge(r.outcome(), 1, Integer::sum);
            done.add(batch[i]);
          } catch (ExecutionException e) {
            failed++;
            LOG.error("mail intake: a message could not be recorded; it stays in the mailbox: {}",
                e.getCause().getMessage());
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MessagingException("interrupted");
          }
        }
        markProcessed(folder, processed, done);
        folder.close(true);
        folder = null;
        if (done.size() < batch.length) {
          break; // the database is failing: try the rest on the next poll
        }
      }
      return remember(new PollReport(fetched, outcomes, failed, Optional.empty()));
    } catch (MessagingException | RuntimeException e) {
      LOG.warn("mail intake: polling {} failed ({}); {} message(s) processed before, the rest on the next poll", imap,
          e.getMessage(), outcomes.values().stream().mapToInt(Integer::intValue).sum());
      return remember(new PollReport(fetched, outcomes, failed, Optional.of(String.valueOf(e.getMessage()))));
    } finally {
      closeQuietly(folder, store);
    }
  }

  private ExecutorService workers() {
    synchronized (lifecycle) {
      if (workers == null) {
        AtomicInteger n = new AtomicInteger();
        workers = Executors.newFixedThreadPool(WORKERS, r -> {
          Thread t = new Thread(r, "disclose-mail-intake-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
      }
      return workers;
    }
  }

  /**
   * The messages of a batch exactly as the server holds them ({@code FETCH BODY.PEEK[]}), in the
   * batch's order: one IMAP command for up to {@value #PREFETCH_BYTES} bytes of messages (a larger
   * message alone). Not {@code Message.writeTo}: that re-serialises the headers the library parsed
   * (a bare CR in a header becomes a line break, a leading space of the first line is lost, a
   * missing final newline is added), and the stored evidence must be the server's bytes.
   */
  static List<byte[]> fetchRaw(Folder folder, Message[] batch) throws MessagingException {
    if (!(folder instanceof IMAPFolder imapFolder)) {
      throw new MessagingException("not an IMAP folder: " + folder.getFullName());
    }
    List<byte[]> out = new ArrayList<>(batch.length);
    int i = 0;
    while (i < batch.length) {
      int from = i;
      long bytes = 0;
      while (i < batch.length && (i == from || bytes + Math.max(0, batch[i].getSize()) <= PREFETCH_BYTES)) {
        bytes += Math.max(0, batch[i].getSize());
        i++;
      }
      int[] numbers = new int[i - from];
      for (int k = from; k < i; k++) {
        numbers[k - from] = batch[k].getMessageNumber();
      }
      Map<Integer, byte[]> got = fetchBodies(imapFolder, numbers);
      for (int n : numbers) {
        byte[] raw = got.get(n);
        if (raw == null) {
          throw new MessagingException("the server returned no BODY[] for message " + n);
        }
        out.add(raw);
      }
    }
    return out;
  }

  /** Message number to the bytes of its {@code BODY[]}, for sorted message numbers, in one command. */
  @SuppressWarnings("unchecked")
  private static Map<Integer, byte[]> fetchBodies(IMAPFolder folder, int[] numbers) throws MessagingException {
    return (Map<Integer, byte[]>) folder.doCommand(p -> {
      Response[] rs = p.fetch(MessageSet.createMessageSets(numbers), "BODY.PEEK[]");
      if (rs.length == 0) {
        throw new org.eclipse.angus.mail.iap.ProtocolException("no response to FETCH BODY.PEEK[]");
      }
      Map<Integer, byte[]> bodies = new HashMap<>();
      List<Response> others = new ArrayList<>();
      for (int k = 0; k < rs.length - 1; k++) {
        BODY b = rs[k] instanceof FetchResponse f ? f.getItem(BODY.class) : null;
        if (b != null && b.getSection().isEmpty() && b.getByteArray() != null) {
          bodies.put(((FetchResponse) rs[k]).getNumber(), b.getByteArray().getNewBytes());
        } else {
          others.add(rs[k]); // unsolicited responses (EXISTS, EXPUNGE, FLAGS...) go to the folder as usual
        }
      }
      p.notifyResponseHandlers(others.toArray(new Response[0]));
      p.handleResult(rs[rs.length - 1]);
      return bodies;
    });
  }

  private Message[] pending(Folder folder) throws MessagingException {
    Message[] all;
    if (settings.processedFolder().isEmpty()) {
      Flags processed = new Flags(PROCESSED_FLAG);
      all = folder.search(new FlagTerm(processed, false));
    } else {
      int count = folder.getMessageCount();
      all = count == 0 ? new Message[0] : folder.getMessages(1, Math.min(count, BATCH));
    }
    FetchProfile flags = new FetchProfile();
    flags.add(FetchProfile.Item.FLAGS);
    flags.add(FetchProfile.Item.SIZE);
    folder.fetch(all, flags);
    List<Message> out = new ArrayList<>();
    for (Message m : all) {
      if (!m.isExpunged() && !m.isSet(Flags.Flag.DELETED)) {
        out.add(m);
      }
      if (out.size() >= BATCH) {
        break;
      }
    }
    return out.toArray(new Message[0]);
  }

  private Folder processedFolder(Store store) throws MessagingException {
    if (settings.processedFolder().isEmpty()) {
      return null;
    }
    Folder f = store.getFolder(settings.processedFolder());
    if (!f.exists() && !f.create(Folder.HOLDS_MESSAGES)) {
      throw new MessagingException("cannot create the folder " + settings.processedFolder());
    }
    return f;
  }

  private void markProcessed(Folder folder, Folder processed, List<Message> done) throws MessagingException {
    if (done.isEmpty()) {
      return;
    }
    Message[] msgs = done.toArray(new Message[0]);
    if (processed == null) {
      Flags f = new Flags(Flags.Flag.SEEN);
      f.add(PROCESSED_FLAG);
      folder.setFlags(msgs, f, true);
      return;
    }
    if (folder instanceof IMAPFolder imapFolder) {
      try {
        imapFolder.moveMessages(msgs, processed); // MOVE, or COPY + \Deleted + EXPUNGE when the server lacks it
        return;
      } catch (MessagingException e) {
        LOG.debug("MOVE failed ({}), copying instead", e.getMessage());
      }
    }
    folder.copyMessages(msgs, processed);
    folder.setFlags(msgs, new Flags(Flags.Flag.DELETED), true);
    folder.expunge();
  }

  private static void closeQuietly(Folder folder, Store store) {
    try {
      if (folder != null && folder.isOpen()) {
        folder.close(false);
      }
    } catch (MessagingException | RuntimeException e) {
      LOG.debug("closing the folder: {}", e.getMessage());
    }
    try {
      if (store != null) {
        store.close();
      }
    } catch (MessagingException | RuntimeException e) {
      LOG.debug("closing the IMAP connection: {}", e.getMessage());
    }
  }

  /** Polls every {@code mail.imap.poll_seconds} on a daemon thread, until {@link #close}. */
  public void start() {
    start(settings.pollInterval());
  }

  public void start(Duration interval) {
    CountDownLatch stop = new CountDownLatch(1);
    synchronized (lifecycle) {
      if (executor != null) {
        return;
      }
      AtomicInteger n = new AtomicInteger();
      executor = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, n.incrementAndGet() == 1 ? "disclose-imap-poller" : "disclose-imap-idle-timer");
        t.setDaemon(true);
        return t;
      });
      stopped = stop;
      ScheduledExecutorService timer = executor;
      executor.execute(() -> run(interval, stop, timer));
    }
    LOG.info("mail intake: polling {} folder {} every {} (at once on new mail when the server offers IDLE)", imap,
        settings.folder(), interval);
  }

  /** Polls, waits (in IDLE where it can), polls again, until {@code stop}. */
  private void run(Duration interval, CountDownLatch stop, ScheduledExecutorService timer) {
    while (stop.getCount() > 0) {
      long started = System.nanoTime();
      PollReport r = pollOnce();
      loopPolls.incrementAndGet();
      if (stop.getCount() == 0) {
        return;
      }
      boolean healthy = r.error().isEmpty() && r.failed() == 0;
      try {
        if (!(healthy && idle(interval, stop, timer))) {
          lastWaitIdled = false;
          stop.await(interval.toMillis(), TimeUnit.MILLISECONDS);
        } else {
          // never more than one poll a second, whatever the server announces
          long gap = MIN_POLL_GAP.toNanos() - (System.nanoTime() - started);
          if (gap > 0) {
            stop.await(gap, TimeUnit.NANOSECONDS);
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        LOG.warn("mail intake: waiting for new mail failed ({}); polling again", e.toString());
      }
    }
  }

  int loopPolls() {
    return loopPolls.get();
  }

  /** Whether the last wait between polls was in IDLE. */
  boolean lastWaitIdled() {
    return lastWaitIdled;
  }

  /**
   * Waits in IDLE until the folder holds a message to process, {@code interval} has passed or
   * {@code stop}. Returns false when the server does not offer IDLE or the IDLE failed (the caller
   * then waits the interval: a failing server is not hammered).
   */
  private boolean idle(Duration interval, CountDownLatch stop, ScheduledExecutorService timer) {
    long deadline = System.nanoTime() + interval.toNanos();
    Store store = null;
    IMAPFolder folder = null;
    try {
      store = session.getStore();
      store.connect(imap.host(), imap.port(), imap.user(), imap.password());
      if (!(store instanceof IMAPStore s) || !s.hasCapability("IDLE")
          || !(store.getFolder(settings.folder()) instanceof IMAPFolder f)) {
        LOG.debug("mail intake: {} does not offer IDLE; polling every {}", imap, interval);
        return false;
      }
      folder = f;
      folder.open(Folder.READ_ONLY);
      idling = folder;
      if (stop.getCount() == 0) {
        return true;
      }
      lastWaitIdled = true;
      while (stop.getCount() > 0 && pending(folder).length == 0) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          break;
        }
        IMAPFolder target = folder;
        // ends the IDLE (a NOOP from another thread makes Angus send DONE) at the deadline or to renew it
        ScheduledFuture<?> renew = timer.schedule(() -> wake(target),
            Math.min(left, IDLE_RENEW.toNanos()), TimeUnit.NANOSECONDS);
        try {
          folder.idle(true); // returns on the server's next response (new mail: EXISTS), or when woken
        } finally {
          renew.cancel(false);
        }
      }
      return true;
    } catch (MessagingException | RuntimeException e) {
      if (stop.getCount() == 0) {
        return true;
      }
      LOG.debug("mail intake: IDLE on {} failed ({}); waiting the poll interval", imap, e.getMessage());
      return false;
    } finally {
      idling = null;
      closeQuietly(folder, store);
    }
  }

  private static void wake(IMAPFolder folder) {
    try {
      folder.doCommand(p -> {
        p.simpleCommand("NOOP", null);
        return null;
      });
    } catch (MessagingException | RuntimeException e) {
      LOG.debug("ending an IDLE: {}", e.getMessage());
    }
  }

  @Override
  public void close() {
    ScheduledExecutorService e;
    ExecutorService w;
    synchronized (lifecycle) {
      e = executor;
      executor = null;
      w = workers;
      workers = null;
    }
    stopped.countDown();
    IMAPFolder f = idling;
    if (f != null) {
      try {
        f.close(false); // ends the IDLE (Angus sends DONE first)
      } catch (MessagingException | RuntimeException x) {
        LOG.debug("closing the idling folder: {}", x.getMessage());
      }
      try {
        f.getStore().close();
      } catch (MessagingException | RuntimeException x) {
        LOG.debug("closing the idling connection: {}", x.getMessage());
      }
    }
    if (w != null) {
      w.shutdown();
    }
    if (e != null) {
      e.shutdownNow();
      try {
        e.awaitTermination(30, TimeUnit.SECONDS);
      } catch (InterruptedException x) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
