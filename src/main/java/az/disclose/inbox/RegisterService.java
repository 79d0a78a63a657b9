package az.disclose.inbox;

import az.disclose.calendar.CalendarWarning;
import az.disclose.calendar.Deadline;
import az.disclose.calendar.DeadlineExplanation;
import az.disclose.calendar.DeadlineRule;
import az.disclose.calendar.DeadlineRules;
import az.disclose.calendar.WorkingDays;
import az.disclose.inbox.model.Assignment;
import az.disclose.inbox.model.AssignmentState;
import az.disclose.inbox.model.Attachment;
import az.disclose.inbox.model.EventKind;
import az.disclose.inbox.model.HistoryEvent;
import az.disclose.inbox.model.NoticeTemplate;
import az.disclose.inbox.model.TemplateKind;
import az.disclose.inbox.model.PurgeCandidate;
import az.disclose.inbox.model.QueuePage;
import az.disclose.inbox.model.QueueQuery;
import az.disclose.inbox.model.QueueRow;
import az.disclose.inbox.model.ReopenGround;
import az.disclose.inbox.model.Receipt;
import az.disclose.inbox.model.Refusal;
import az.disclose.inbox.model.RequestStatus;
import az.disclose.inbox.model.RequestSummary;
import az.disclose.inbox.model.RequestType;
import az.disclose.inbox.model.RequestView;
import az.disclose.inbox.model.StoredAttachment;
import az.disclose.inbox.model.StoredFile;
import az.disclose.inbox.model.StoredRequest;
import az.disclose.inbox.model.Submission;
import az.disclose.inbox.model.Urgency;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The request register: numbering, archive, statuses and deadlines. Every channel registers through
 * {@link #register}; the officers' actions each append one event to the request's history, in the
 * same transaction as the change of its status or due date. Nothing is overwritten: the request as
 * received is immutable (the database refuses updates), and the history is append-only. Thread-safe.
 */
public final class RegisterService implements Register {
  private static final Logger LOG = LoggerFactory.getLogger(RegisterService.class);
  /** How many times a period may be extended. */
  public static final int MAX_EXTENSIONS = 1;
  public static final String SYSTEM = "system";
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Set<RequestStatus> OPEN = EnumSet.of(
      RequestStatus.REGISTERED, RequestStatus.CLARIFICATION_REQUESTED, RequestStatus.EXTENDED);

  /** How many times the register looks a failed registration up before it says it does not know. */
  public static final int LOOKUP_ATTEMPTS = 3;
  /** The wait before the second look-up; doubled before each later one. */
  public static final Duration LOOKUP_BACKOFF = Duration.ofMillis(300);
  /** A write probe is run at most this often; health checks in between get the last result. */
  public static final Duration PROBE_INTERVAL = Duration.ofSeconds(2);

  private final RequestStore store;
  private final InboxSettings settings;
  private final Clock clock;
  private volatile Deadline deadline;
  private volatile WorkingDays workingDays;

  public RegisterService(RequestStore store, InboxSettings settings, WorkingDays workingDays, Clock clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.workingDays = Objects.requireNonNull(workingDays, "workingDays");
    this.deadline = new Deadline(workingDays, settings.zone());
  }

  public InboxSettings settings() {
    return settings;
  }

  /** The calendar in use (replaced by {@link #replaceCalendar}). */
  public WorkingDays workingDays() {
    return workingDays;
  }

  // ================================================================= registration

  @Override
  public Receipt register(Submission s) throws RegisterException {
    return register(s, null);
  }

  /** A registration as stored, for work done in its transaction. */
  public record Registered(String number, Submission submission, HistoryEvent event, DeadlineExplanation due,
      String statusToken) {}

  /** Work done inside the transaction of a registration or of an officer's action. */
  public interface InTransaction {
    /** After a request and its REGISTERED event were stored (the group may be written again alone). */
    default void registered(RequestTx tx, Registered registered) throws SQLException {}

    /** After an officer's action appended {@code event} to {@code request}'s history. */
    default void acted(RequestTx tx, StoredRequest request, HistoryEvent event) throws SQLException {}
  }

  private final List<InTransaction> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();

  /**
   * Adds work done in the transaction of every registration and every action from now on (e.g. the
   * mail outbox: an acknowledgement or an answer is queued in the same transaction as its event).
   * Whatever it throws rolls the change back.
   */
  public void addListener(InTransaction listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
  }

  /**
   * Registers {@code s} like {@link #register(Submission)} and runs {@code also} in the same
   * transaction after the request was stored (e.g. the mail intake's dedupe key); when {@code also}
   * throws, nothing is registered.
   */
  public Receipt register(Submission s, InTransaction also) throws RegisterException {
    Objects.requireNonNull(s, "submission");
    if (s.channel() == null || s.type() == null) {
      throw new RegisterException("a submission needs a channel and a type");
    }
    Urgency urgency = s.urgency() == null ? Urgency.NORMAL : s.urgency();
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    ZonedDateTime at = now.atZone(settings.zone());
    DeadlineRule rule = settings.ruleFor(s.type(), urgency);
    DeadlineExplanation due = deadline.compute(at, rule);
    warnLoudly(due.warnings(), "registration");
    String token = newToken();
    int year = at.getYear();
    refuseWhenDiskLow(s);
    String number;
    try {
      // group commit: queued with the other registrations waiting now, stored in one transaction with them
      // (each with its own number, attachments and event), answered only after that commit
      number = store.writeGrouped(tx -> {
        int sequence = tx.nextSequence(year);
        String n = number(year, sequence);
        tx.insertRequest(n, year, sequence, s, token, now, RequestStatus.REGISTERED, rule.id(), due.dueDate(),
            due.dueAt().toInstant());
        tx.addAttachments(n, StoredAttachment.REQUEST, 0, s.attachments());
        HistoryEvent e = tx.append(n, now, SYSTEM, EventKind.REGISTERED, "registered ("
            + s.channel().name().toLowerCase(Locale.ROOT) + ", " + s.type().key() + ", " + urgency.key() + "); due "
            + describeDue(due), true);
        if (also != null || !listeners.isEmpty()) {
          Registered r = new Registered(n, s, e, due, token);
          if (also != null) {
            also.registered(tx, r);
          }
          for (InTransaction l : listeners) {
            l.registered(tx, r);
          }
        }
        return n;
      });
    } catch (StoreException e) {
      number = afterFailure(s, token, e);
    }
    LOG.info("registered {} ({}, {}), due {}", number, s.channel(), s.type().key(), due.dueDate());
    return new Receipt(number, token, due);
  }

  /**
   * Refuses a submission before anything is written when the disk of the SQLite database would be
   * left with less than {@code min_free_disk_mb} free after storing it.
   */
  private void refuseWhenDiskLow(Submission s) throws RegisterException {
    Optional<DiskSpace> disk = diskSpace();
    if (disk.isEmpty() || disk.get().minimumBytes() == 0) {
      return;
    }
    // what the store writes: the raw bytes, and each file that is not a slice of them
    long size = s.raw() == null ? 0 : s.raw().length;
    for (Attachment a : s.attachments() == null ? List.<Attachment>of() : s.attachments()) {
      size += a == null || a.bytes() == null || a.isSlice() ? 0 : a.bytes().length;
    }
    DiskSpace d = disk.get();
    if (d.usableBytes() - size < d.minimumBytes()) {
      LOG.error("!!! a {} submission was refused for lack of disk space: {} MiB free in {}, {} MiB needed for it,"
          + " below min_free_disk_mb = {}; nothing was written. Free some space.", s.channel(),
          d.usableBytes() / (1024 * 1024), d.directory(), size / (1024 * 1024), settings.minFreeDiskMb());
      throw new RegisterException("refused: only " + d.usableBytes() / (1024 * 1024) + " MiB free in "
          + d.directory() + " (min_free_disk_mb = " + settings.minFreeDiskMb() + "); nothing was registered", null,
          Outcome.LOW_DISK, null);
    }
  }

  /**
   * The free space of the SQLite database's directory with the watermark; empty on PostgreSQL or
   * when it cannot be read (then nothing is refused for it: a full disk fails the transaction).
   */
  public Optional<DiskSpace> diskSpace() {
    Optional<java.nio.file.Path> dir = settings.databaseDirectory();
    if (dir.isEmpty()) {
      return Optional.empty();
    }
    try {
      // File.getUsableSpace is one statvfs call; Files.getFileStore reads the mount table each time,
      // which cost a large share of a registration under load (docs/performance.md, "Request intake")
      java.io.File directory = dir.get().toFile();
      long usable = directory.getUsableSpace();
      if (usable == 0 && !directory.isDirectory()) {
        LOG.warn("cannot read the free space of {}: it is not a directory", dir.get());
        return Optional.empty();
      }
      return Optional.of(new DiskSpace(dir.get(), usable, settings.minFreeDiskBytes()));
    } catch (RuntimeException e) {
      LOG.warn("cannot read the free space of {}: {}", dir.get(), e.getMessage());
      return Optional.empty();
    }
  }

  /**
   * After a failed registration transaction: looks the request up by its status token on a
   * connection of its own (up to {@link #LOOKUP_ATTEMPTS} times), because a failed commit call may
   * still have committed. Returns the number when it is stored; otherwise throws with what is known.
   */
  String afterFailure(Submission s, String token, StoreException failure) throws RegisterException {
    String kind = s.type().key();
    StoreException lookupFailure = null;
    Duration wait = LOOKUP_BACKOFF;
    for (int attempt = 1; attempt <= LOOKUP_ATTEMPTS; attempt++) {
      try {
        Optional<String> found = store.numberOfToken(token);
        if (found.isPresent()) {
          LOG.warn("a {} registration reported a failure ({}), but the request is stored as {}: it is registered",
              kind, failure.getMessage(), found.get());
          return found.get();
        }
        LOG.error("could not register a {} request ({}); looked up by its status token: nothing was registered",
            kind, failure.getMessage(), failure);
        throw new RegisterException("the request could not be stored (" + failure.getMessage()
            + "); checked: nothing was registered", failure, Outcome.NOT_REGISTERED, null);
      } catch (StoreException e) {
        lookupFailure = e;
      }
      if (attempt < LOOKUP_ATTEMPTS && !sleep(wait)) {
        break;
      }
      wait = wait.multipliedBy(2);
    }
    LOG.error("!!! a {} registration failed ({}) and the register could not be read afterwards ({}): it is NOT KNOWN"
        + " whether it was stored; its status token starts with {}", kind, failure.getMessage(),
        lookupFailure.getMessage(), token.substring(0, 8), failure);
    throw new RegisterException("the request may or may not be stored: " + failure.getMessage()
        + "; the register could not be read afterwards: " + lookupFailure.getMessage(), failure, Outcome.UNKNOWN, token);
  }

  /** Waits {@code d}; false when interrupted (the interrupt is kept). */
  private static boolean sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private final java.util.concurrent.locks.ReentrantLock probeLock = new java.util.concurrent.locks.ReentrantLock();
  private volatile long lastProbeNanos;
  private volatile RequestStore.WriteProbe lastProbe;

  /**
   * A write probe (at most one every {@link #PROBE_INTERVAL}; callers in between, and callers
   * while a probe runs, get the last result rather than waiting or adding writes) and the disk space.
   */
  @Override
  public Health health() {
    RequestStore.WriteProbe probe = lastProbe;
    boolean due = probe == null || System.nanoTime() - lastProbeNanos >= PROBE_INTERVAL.toNanos();
    if (due && (probe == null ? lockProbe() : probeLock.tryLock())) {
      try {
        probe = lastProbe;
        if (probe == null || System.nanoTime() - lastProbeNanos >= PROBE_INTERVAL.toNanos()) {
          probe = store.probeWrite(clock.instant());
          lastProbe = probe;
          lastProbeNanos = System.nanoTime();
          if (!probe.committed()) {
            LOG.warn("health: the register cannot commit: {}", probe.error());
          }
        }
      } finally {
        probeLock.unlock();
      }
    }
    return new Health(probe.committed(), probe.millis(), probe.error(), diskSpace());
  }

  /** Waits for the probe lock (the very first probe: there is no earlier result to give). */
  private boolean lockProbe() {
    probeLock.lock();
    return true;
  }

  /** {@code SEN-2026-00042}. */
  public String number(int year, int sequence) {
    return String.format(Locale.ROOT, "%s-%d-%05d", settings.numberPrefix(), year, sequence);
  }

  static String newToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static String describeDue(DeadlineExplanation due) {
    return due.rule().unit() == DeadlineRule.Unit.HOURS
        ? due.dueAt().toLocalDateTime().truncatedTo(ChronoUnit.MINUTES).toString().replace('T', ' ')
            + " (" + due.rule().id() + ")"
        : due.dueDate() + " (" + due.rule().id() + ")";
  }

  private static void warnLoudly(List<CalendarWarning> warnings, String context) {
    for (CalendarWarning w : warnings) {
      LOG.warn("!!! CALENDAR WARNING ({}): {}", context, w.english());
    }
  }

  // ================================================================= reading

  @Override
  public Optional<RequestView> findByToken(String token) throws RegisterException {
    if (token == null || token.isBlank() || token.length() > 100) {
      return Optional.empty();
    }
    try {
      Optional<StoredRequest> r = store.findByToken(token);
      return r.isEmpty() ? Optional.empty() : Optional.of(view(r.get()));
    } catch (StoreException e) {
      throw new RegisterException("cannot read the register: " + e.getMessage(), e);
    }
  }

  @Override
  public Optional<RequestView> find(String number) throws RegisterException {
    try {
      Optional<StoredRequest> r = store.find(normalise(number));
      return r.isEmpty() ? Optional.empty() : Optional.of(view(r.get()));
    } catch (StoreException e) {
      throw new RegisterException("cannot read the register: " + e.getMessage(), e);
    }
  }

  /** The request, or a {@link RequestException} naming the unknown number. */
  public RequestView get(String number) throws RequestException, RegisterException {
    return find(number).orElseThrow(() -> unknown(number));
  }

  private RequestException unknown(String number) {
    String n = normalise(number);
    return new RequestException("no request " + n + " in the register"
        + (n.matches("[A-Z0-9]+-\\d{4}-\\d{5}") ? "" : " (numbers look like " + number(2026, 42) + ")"));
  }

  private static String normalise(String number) {
    return number == null ? "" : number.trim().toUpperCase(Locale.ROOT);
  }

  private RequestView view(StoredRequest r) throws StoreException {
    List<HistoryEvent> history = store.history(r.number());
    List<RequestView.AttachmentInfo> attachments = new ArrayList<>();
    for (StoredAttachment a : store.attachments(r.number())) {
      if (a.role().equals(StoredAttachment.REQUEST)) {
        attachments.add(new RequestView.AttachmentInfo(a.attachment().fileName(), a.attachment().contentType(),
            a.attachment().bytes().length));
      }
    }
    return new RequestView(r.number(), r.channel(), r.type(), r.urgency(), r.name(), r.email(), r.subject(),
        r.message(), r.language(), r.registeredAt(), r.dueDate(), dueAt(r), r.status(),
        List.copyOf(attachments), List.copyOf(history));
  }

  /** The end of the period: the end of the due date for working-day rules (stored to the millisecond). */
  private ZonedDateTime dueAt(StoredRequest r) {
    boolean workingDays = DeadlineRules.find(settings.deadlineRules(), r.deadlineRule())
        .map(rule -> rule.unit() == DeadlineRule.Unit.WORKING_DAYS).orElse(false);
    return workingDays
        ? r.dueDate().atTime(java.time.LocalTime.MAX).atZone(settings.zone())
        : r.dueAt().atZone(settings.zone());
  }

  /** The request's stored attachments (the request's own and the answers'), with their bytes. */
  @Override
  public List<StoredAttachment> attachments(String number) throws RequestException, RegisterException {
    return ofKnown(number, store::attachments);
  }

  @Override
  public List<StoredFile> files(String number) throws RequestException, RegisterException {
    return ofKnown(number, store::files);
  }

  @Override
  public Optional<Attachment> file(String number, int position) throws RequestException, RegisterException {
    return ofKnown(number, n -> store.file(n, position));
  }

  /** The submission exactly as received. */
  public byte[] raw(String number) throws RequestException, RegisterException {
    try {
      return store.raw(normalise(number)).orElseThrow(() -> unknown(number));
    } catch (StoreException e) {
      throw new RegisterException("cannot read the register: " + e.getMessage(), e);
    }
  }

  @FunctionalInterface
  private interface StoreRead<T> {
    T read(String number) throws StoreException;
  }

  /**
   * What {@code read} gives for the request {@code number}, which must exist: its row alone says so
   * ({@link #get} would read its history and files too).
   */
  private <T> T ofKnown(String number, StoreRead<T> read) throws RequestException, RegisterException {
    String n = normalise(number);
    try {
      store.find(n).orElseThrow(() -> unknown(number));
      return read.read(n);
    } catch (StoreException e) {
      throw new RegisterException("cannot read the register: " + e.getMessage(), e);
    }
  }

  /**
   * How the current due date was computed: the first period from registration, then one entry per
   * extension. The warnings of every entry (e.g. a year without holiday data) are in them.
   */
  public List<DeadlineExplanation> explainDeadline(String number) throws RequestException, RegisterException {
    RequestView v = get(number);
    Period p = period(v.history(), v.registeredAt());
    return deadlines(v.type(), v.urgency(), p.start(), p.extensions());
  }

  /**
   * The running period of a request: it starts at registration, or at the latest reopening (which
   * gives a new period: docs/register.md), and has the extensions given since then.
   */
  private record Period(Instant start, int extensions) {}

  private static Period period(List<HistoryEvent> history, Instant registeredAt) {
    Instant start = registeredAt;
    int extensions = 0;
    for (HistoryEvent e : history) {
      if (e.kind() == EventKind.REOPENED) {
        start = e.at();
        extensions = 0;
      } else if (e.kind() == EventKind.EXTENDED) {
        extensions++;
      }
    }
    return new Period(start, extensions);
  }

  private List<DeadlineExplanation> deadlines(RequestType type, Urgency urgency, Instant periodStart, int extensions) {
    Deadline d = deadline;
    ZonedDateTime at = periodStart.atZone(settings.zone());
    List<DeadlineExplanation> chain = new ArrayList<>();
    chain.add(d.compute(at, settings.ruleFor(type, urgency)));
    for (int i = 0; i < extensions; i++) {
      if (type.regime() == RequestType.Regime.INFORMATION) {
        LocalDate oldDue = chain.get(chain.size() - 1).dueDate();
        chain.add(d.compute(oldDue.atStartOfDay(settings.zone()), settings.rule(DeadlineRules.EXTENSION)));
      } else {
        chain.add(d.compute(at, settings.rule(DeadlineRules.APPEAL_EXTENDED)));
      }
    }
    return chain;
  }

  /** The requests that match {@code filter}, in number order. */
  public List<RequestSummary> list(ListFilter filter) throws RegisterException {
    Set<RequestStatus> statuses = new LinkedHashSet<>();
    filter.status().ifPresent(statuses::add);
    boolean needOpen = filter.openOnly() || filter.overdue() || filter.dueWithin().isPresent();
    if (needOpen) {
      if (statuses.isEmpty()) {
        statuses.addAll(OPEN);
      } else {
        statuses.retainAll(OPEN);
        if (statuses.isEmpty()) {
          return List.of();
        }
      }
    }
    Instant now = clock.instant();
    LocalDate today = now.atZone(settings.zone()).toLocalDate();
    LocalDate horizon = filter.dueWithin().isPresent()
        ? workingDays.addWorkingDays(today, filter.dueWithin().getAsInt()).date()
        : null;
    try {
      List<RequestSummary> out = new ArrayList<>();
      java.util.Map<String, Assignment> assignments = store.assignments();
      for (StoredRequest r : store.list(statuses)) {
        boolean overdue = r.status().open() && now.isAfter(r.dueAt());
        if (filter.overdue() && !overdue) {
          continue;
        }
        if (horizon != null && r.dueDate().isAfter(horizon)) {
          continue;
        }
        out.add(new RequestSummary(r.number(), r.channel(), r.type(), r.urgency(), r.status(), r.registeredAt(),
            r.dueDate(), dueAt(r), overdue, r.name(), r.subject(),
            assignments.getOrDefault(r.number(), Assignment.NONE)));
      }
      return out;
    } catch (StoreException e) {
      throw new RegisterException("cannot read the register: " + e.getMessage(), e);
    }
  }

  /**
   * The statistics the site publishes, of the whole register as of now: aggregate counts by month
   * and year of registration, nothing that identifies a request or a requester.
   */
  public PublishedStatistics.Snapshot statistics() throws RegisterException {
    try {
      return PublishedStatistics.compute(store.statisticsRows(), clock.instant(), settings.zone(), workingDays);
    } catch (StoreException e) {
      throw new RegisterException("cannot read the register: " + e.getMessage(), e);
    }
  }

  // ================================================================= officers' actions

  /** The answer: closes the request. {@code attachments} are archived with it. */
  public HistoryEvent answer(String number, String actor, String text, List<Attachment> attachments)
      throws RequestException, RegisterException {
    requireText(text, "the answer");
    return act(number, actor, "answer", (tx, r, now) -> {
      requireOpen(r, "answered");
      requireAcceptedByResponder(tx, r, actor, "answered");
      HistoryEvent e = tx.append(r.number(), now, actor, EventKind.ANSWERED, text, true);
      tx.addAttachments(r.number(), StoredAttachment.ANSWER, e.id(), attachments);
      tx.setState(r.number(), e, RequestStatus.ANSWERED, r.deadlineRule(), r.dueDate(), r.dueAt());
      return e;
    });
  }

  /**
   * Extends the period once: an information request gets the extension rule counted from the old
   * due date; an appeal gets the extended appeal period counted from registration.
   */
  public HistoryEvent extend(String number, String actor, String reason) throws RequestException, RegisterException {
    requireText(reason, "the reason");
    return act(number, actor, "extension", (tx, r, now) -> {
      requireOpen(r, "extended");
      requireAcceptedByResponder(tx, r, actor, "extended");
      Period p = period(tx.history(r.number()), r.registeredAt());
      int done = p.extensions();
      if (done >= MAX_EXTENSIONS) {
        throw new RequestException(r.number() + " was already extended (due " + r.dueDate()
            + "); a period can be extended only once");
      }
      DeadlineExplanation d = last(deadlines(r.type(), r.urgency(), p.start(), done + 1));
      warnLoudly(d.warnings(), "extension of " + r.number());
      HistoryEvent e = tx.append(r.number(), now, actor, EventKind.EXTENDED,
          "due date extended from " + r.dueDate() + " to " + describeDue(d) + ": " + reason, true);
      tx.setState(r.number(), e, RequestStatus.EXTENDED, d.rule().id(), d.dueDate(), d.dueAt().toInstant());
      return e;
    });
  }

  /** Forwarded to the body that holds the information (or is competent): closes the request here. */
  public HistoryEvent forward(String number, String actor, String body) throws RequestException, RegisterException {
    requireText(body, "the body forwarded to");
    return changeStatus(number, actor, "forwarding", "forwarded", EventKind.FORWARDED, RequestStatus.FORWARDED,
        "forwarded to " + body);
  }

  /** The requester is asked to complete or clarify the request (art. 24.4); the request stays open. */
  public HistoryEvent clarify(String number, String actor, String text) throws RequestException, RegisterException {
    requireText(text, "the question");
    return changeStatus(number, actor, "clarification", "asked for clarification", EventKind.CLARIFICATION_REQUESTED,
        RequestStatus.CLARIFICATION_REQUESTED, text);
  }

  /** Refused on {@code ground} with the letter of its template in the requester's language: closes the request. */
  public HistoryEvent refuse(String number, String actor, String ground) throws RequestException, RegisterException {
    return refuse(number, actor, ground, "");
  }

  /**
   * Refused on the legal ground {@code ground} (the key of a refusal ground in use, docs/register.md),
   * with {@code letter} as the officer wrote it (blank: its template in the requester's language,
   * filled): closes the request. The queues' filter finds it by the key; the event's text holds the key,
   * the ground's names in words and the letter ({@link Refusal}). Refused, nothing recorded, for an
   * unknown or retired ground.
   */
  public HistoryEvent refuse(String number, String actor, String ground, String letter)
      throws RequestException, RegisterException {
    az.disclose.inbox.model.RefusalGround g = groundForRefusal(ground);
    String text = letter == null || letter.isBlank()
        ? fillTemplate(TemplateKind.REFUSE, g.ground(), get(number).language().equals("en") ? "en" : "az", number)
        : letter;
    Refusal refusal = Refusal.of(g.ground(), g.names(), text);
    return act(number, actor, "refusal", (tx, r, now) -> {
      requireOpen(r, "refused");
      requireAcceptedByResponder(tx, r, actor, "refused");
      HistoryEvent e = tx.append(r.number(), now, actor, EventKind.REFUSED, refusal.text(), true);
      tx.setState(r.number(), e, RequestStatus.REFUSED, r.deadlineRule(), r.dueDate(), r.dueAt());
      tx.setRefusalGround(r.number(), g.ground());
      return e;
    });
  }

  /** The refusal ground {@code ground} names, when it is in use; else why not, with the grounds in use. */
  private az.disclose.inbox.model.RefusalGround groundForRefusal(String ground)
      throws RequestException, RegisterException {
    String key = ground == null ? "" : ground.strip();
    List<az.disclose.inbox.model.RefusalGround> all = refusalGrounds();
    List<String> inUse = all.stream().filter(az.disclose.inbox.model.RefusalGround::inUse)
        .map(az.disclose.inbox.model.RefusalGround::ground).toList();
    for (az.disclose.inbox.model.RefusalGround g : all) {
      if (g.ground().equals(key)) {
        if (!g.inUse()) {
          throw new RequestException("the refusal ground " + key + " was retired by " + g.retired().get().actor()
              + ": it is not used for new refusals (the grounds in use are " + String.join(", ", inUse) + ")");
        }
        return g;
      }
    }
    throw new RequestException((key.isEmpty() ? "the legal ground of the refusal is missing"
        : "there is no refusal ground '" + key + "'") + ": give one of " + String.join(", ", inUse));
  }

  // ================================================================= units, reopening, withdrawal

  private volatile Set<String> units = Set.of();
  private volatile List<String> unitsProblems = List.of();

  /**
   * The ids of the units requests can be assigned to (those of {@code content/data/units.yaml}, read
   * by the caller), from now on. Until this is called no unit is known and every assignment is refused.
   * Forgets the problems of {@link #unitsUnreadable}.
   */
  public void useUnits(Set<String> unitIds) {
    this.units = Set.copyOf(Objects.requireNonNull(unitIds, "unitIds"));
    this.unitsProblems = List.of();
  }

  /**
   * The units file was read again and is invalid: the units known so far stay in use, and {@code
   * problems} (each naming the file and line) are kept for the console to show until the next
   * {@link #useUnits}.
   */
  public void unitsUnreadable(List<String> problems) {
    this.unitsProblems = List.copyOf(Objects.requireNonNull(problems, "problems"));
  }

  /** Why the units file could not be read the last time (empty when it was, or never read again). */
  public List<String> unitsProblems() {
    return unitsProblems;
  }

  /** The ids of the units known to the register (see {@link #useUnits}). */
  public Set<String> units() {
    return units;
  }

  private String knownUnit(String unit) throws RequestException {
    requireText(unit, "the unit");
    String id = unit.strip();
    Set<String> known = units;
    if (!known.contains(id)) {
      throw new RequestException("unknown unit '" + id + "': "
          + (known.isEmpty() ? "no units are known (content/data/units.yaml has none, or it was not read)"
              : "the units are " + String.join(", ", new java.util.TreeSet<>(known)) + " (content/data/units.yaml)"));
    }
    return id;
  }

  /**
   * A unit a queue may be narrowed to: a known one, or one that left units.yaml but still has requests
   * assigned to it (they stay listed, never lost); else the error of {@link #knownUnit}.
   */
  private void listableUnit(String unit) throws RequestException, RegisterException {
    String id = unit.strip();
    if (units.contains(id)) {
      return;
    }
    try {
      if (store.assignments().values().stream().anyMatch(a -> a.unit().filter(id::equals).isPresent())) {
        return;
      }
    } catch (StoreException e) {
      throw new RegisterException("cannot read the register: " + e.getMessage(), e);
    }
    knownUnit(unit);
  }

  /** The request's current assignment to a unit. */
  public Assignment assignment(String number) throws RequestException, RegisterException {
    get(number);
    try {
      return store.assignment(normalise(number));
    } catch (StoreException e) {
      throw new RegisterException("cannot read the register: " + e.getMessage(), e);
    }
  }

  /**
   * Assigns an open request that has no unit (or whose unit sent it back) to {@code unit}; the unit
   * then accepts or rejects it. An internal event; refused for an unknown unit.
   */
  public HistoryEvent assign(String number, String unit, String actor) throws RequestException, RegisterException {
    String id = knownUnit(unit);
    return act(number, actor, "assignment", (tx, r, now) -> {
      requireOpen(r, "assigned");
      Assignment a = tx.assignment(r.number());
      if (a.state() == AssignmentState.PENDING || a.state() == AssignmentState.ACCEPTED) {
        throw new RequestException(r.number() + " is already assigned to " + a.unit().orElseThrow() + " ("
            + a.state().key() + "): use reassign to give it to another unit");
      }
      HistoryEvent e = tx.append(r.number(), now, actor, EventKind.ASSIGNED, "assigned to unit " + id, false);
      tx.setAssignment(r.number(), e, new Assignment(Optional.of(id), AssignmentState.PENDING, Optional.empty()));
      return e;
    });
  }

  /** Gives an assigned open request to another unit, with the reason; the new unit accepts or rejects it. */
  public HistoryEvent reassign(String number, String unit, String actor, String reason)
      throws RequestException, RegisterException {
    String id = knownUnit(unit);
    requireText(reason, "the reason");
    return act(number, actor, "reassignment", (tx, r, now) -> {
      requireOpen(r, "reassigned");
      Assignment a = tx.assignment(r.number());
      if (a.state() == AssignmentState.NONE) {
        throw new RequestException(r.number() + " is not assigned to any unit: use assign");
      }
      if (a.unit().orElseThrow().equals(id) && a.state() != AssignmentState.REJECTED) {
        throw new RequestException(r.number() + " is already assigned to " + id + " (" + a.state().key() + ")");
      }
      HistoryEvent e = tx.append(r.number(), now, actor, EventKind.ASSIGNED,
          "reassigned from unit " + a.unit().orElseThrow() + " to unit " + id + ": " + reason.strip(), false);
      tx.setAssignment(r.number(), e, new Assignment(Optional.of(id), AssignmentState.PENDING, Optional.empty()));
      return e;
    });
  }

  /** The unit takes on the request assigned to it; {@code actor} (its responder) becomes the assignee. */
  public HistoryEvent accept(String number, String actor) throws RequestException, RegisterException {
    return act(number, actor, "acceptance", (tx, r, now) -> {
      requireOpen(r, "accepted");
      Assignment a = tx.assignment(r.number());
      if (a.state() != AssignmentState.PENDING) {
        throw new RequestException(r.number() + " " + pendingProblem(a) + ": only a request waiting for its unit"
            + " can be accepted");
      }
      String unit = a.unit().orElseThrow();
      HistoryEvent e = tx.append(r.number(), now, actor, EventKind.ASSIGNMENT_ACCEPTED,
          "accepted by unit " + unit, false);
      tx.setAssignment(r.number(), e, new Assignment(Optional.of(unit), AssignmentState.ACCEPTED, Optional.of(actor)));
      return e;
    });
  }

  /** The unit sends the request assigned to it back, with its reason; it is unassigned again for the officers. */
  public HistoryEvent reject(String number, String actor, String reason) throws RequestException, RegisterException {
    requireText(reason, "the reason");
    return act(number, actor, "rejection", (tx, r, now) -> {
      requireOpen(r, "rejected by its unit");
      Assignment a = tx.assignment(r.number());
      if (a.state() != AssignmentState.PENDING) {
        throw new RequestException(r.number() + " " + pendingProblem(a) + ": only a request waiting for its unit"
            + " can be rejected");
      }
      String unit = a.unit().orElseThrow();
      HistoryEvent e = tx.append(r.number(), now, actor, EventKind.ASSIGNMENT_REJECTED,
          "rejected by unit " + unit + ": " + reason.strip(), false);
      tx.setAssignment(r.number(), e, new Assignment(Optional.of(unit), AssignmentState.REJECTED, Optional.empty()));
      return e;
    });
  }

  /**
   * The unit {@code actor} works for when it names a unit responder's account (the console's
   * accounts, docs/console.md): the console's user name, or the CLI's {@code --actor}. Empty for every
   * other actor (officers, administrators, names without an account).
   */
  private static Optional<String> responderUnit(RequestTx tx, String actor) throws SQLException {
    return tx.queryFirst("SELECT unit FROM accounts WHERE username = ? AND role = 'unit_responder'",
        row -> row.text(1), actor.strip().toLowerCase(Locale.ROOT));
  }

  /**
   * A unit responder answers, extends, forwards, asks for clarification or refuses only a request
   * that their unit has accepted (docs/console.md, "Accept before acting"); officers act on any open
   * request. A note needs no acceptance (it changes nothing the requester sees).
   */
  private static void requireAcceptedByResponder(RequestTx tx, StoredRequest r, String actor, String verb)
      throws SQLException, RequestException {
    Optional<String> unit = responderUnit(tx, actor);
    if (unit.isEmpty()) {
      return;
    }
    Assignment a = tx.assignment(r.number());
    boolean ofUnit = a.unit().equals(unit)
        && (a.state() == AssignmentState.PENDING || a.state() == AssignmentState.ACCEPTED);
    if (!ofUnit) {
      throw new RequestException(r.number() + " is not assigned to unit " + unit.get() + ", the unit of "
          + actor.strip() + ": a unit responder works only the requests assigned to their unit");
    }
    if (a.state() == AssignmentState.PENDING) {
      throw new RequestException(r.number() + " waits for unit " + unit.get() + " to accept it: accept it first"
          + " (or send it back), then it can be " + verb);
    }
  }

  private static String pendingProblem(Assignment a) {
    return switch (a.state()) {
      case NONE -> "is not assigned to any unit";
      case ACCEPTED -> "was already accepted by unit " + a.unit().orElseThrow() + " (" + a.assignee().orElse("") + ")";
      case REJECTED -> "was rejected by unit " + a.unit().orElseThrow() + " and waits to be assigned again";
      case PENDING -> "waits for unit " + a.unit().orElseThrow();
    };
  }

  /**
   * Opens a request again, only where the law allows it ({@link ReopenGround}; docs/register.md):
   * an answered or refused request after an upheld complaint or appeal, a request waiting for
   * clarification once the clarification arrived. It gets a new period from now, with its rule.
   */
  public HistoryEvent reopen(String number, String actor, ReopenGround ground, String reason)
      throws RequestException, RegisterException {
    Objects.requireNonNull(ground, "ground");
    requireText(reason, "the reason");
    return act(number, actor, "reopening", (tx, r, now) -> {
      if (!ground.allows(r.status())) {
        throw new RequestException(r.number() + " is " + r.status().key() + " and cannot be reopened on the ground "
            + ground.key() + ": " + whyNotReopened(r.status(), ground));
      }
      DeadlineRule rule = settings.ruleFor(r.type(), r.urgency());
      DeadlineExplanation d = deadline.compute(now.atZone(settings.zone()), rule);
      warnLoudly(d.warnings(), "reopening of " + r.number());
      String why = ground == ReopenGround.APPEAL_UPHELD ? "complaint or appeal upheld" : "clarification received";
      HistoryEvent e = tx.append(r.number(), now, actor, EventKind.REOPENED,
          "reopened (" + why + "): " + reason.strip() + "; due " + describeDue(d), true);
      tx.setState(r.number(), e, RequestStatus.REGISTERED, rule.id(), d.dueDate(), d.dueAt().toInstant());
      return e;
    });
  }

  private static String whyNotReopened(RequestStatus status, ReopenGround ground) {
    return switch (status) {
      case WITHDRAWN -> "the requester withdrew it; a new request is registered instead";
      case FORWARDED -> "it was forwarded, and the body it went to answers it";
      case REGISTERED, EXTENDED -> "it is open";
      case CLARIFICATION_REQUESTED -> "it waits for clarification: reopen it on the ground clarification-received";
      case ANSWERED, REFUSED -> "only an upheld complaint or appeal reopens it (ground appeal-upheld)";
    };
  }

  /**
   * Records that the requester withdrew an open request ({@code how}: how the requester said so, e.g.
   * "e-mail of 3 December"): closes it with the status withdrawn.
   */
  public HistoryEvent withdraw(String number, String actor, String how) throws RequestException, RegisterException {
    requireText(how, "how the requester withdrew it");
    return changeStatus(number, actor, "withdrawal", "withdrawn", EventKind.WITHDRAWN, RequestStatus.WITHDRAWN,
        "withdrawn at the requester's wish: " + how.strip());
  }

  // ================================================================= templates

  private NoticeTemplates templates() {
    return new NoticeTemplates(store);
  }

  /** Stores the default templates that are not in the database yet (called when the register opens). */
  public void seedTemplates() throws RegisterException {
    try {
      templates().seed(clock.instant().truncatedTo(ChronoUnit.MILLIS));
    } catch (StoreException e) {
      throw new RegisterException("cannot store the default templates: " + e.getMessage(), e);
    }
  }

  /** The version in use of every template (by kind, ground, language). */
  public List<NoticeTemplate> listTemplates() throws RegisterException {
    try {
      return templates().current();
    } catch (StoreException e) {
      throw new RegisterException("cannot read the register: " + e.getMessage(), e);
    }
  }

  /** The version in use of one template; {@code ground} is "" for every kind but refuse. */
  public NoticeTemplate getTemplate(TemplateKind kind, String ground, String language)
      throws RequestException, RegisterException {
    List<NoticeTemplate> versions = templateVersions(kind, ground, language);
    return versions.get(versions.size() - 1);
  }

  /** Every version of one template, oldest first (never empty). */
  public List<NoticeTemplate> templateVersions(TemplateKind kind, String ground, String language)
      throws RequestException, RegisterException {
    String g = checkTemplateKey(kind, ground, language);
    try {
      List<NoticeTemplate> versions = templates().versions(kind, g, language);
      if (versions.isEmpty()) {
        Set<String> grounds = new java.util.TreeSet<>();
        for (NoticeTemplate t : templates().current()) {
          if (t.kind() == TemplateKind.REFUSE) {
            grounds.add(t.ground());
          }
        }
        throw new RequestException("no template " + kind.key() + (g.isEmpty() ? "" : "/" + g) + "/" + language
            + (kind == TemplateKind.REFUSE ? " (the refusal grounds are " + String.join(", ", grounds)
                + "; save one to add a ground)" : ""));
      }
      return versions;
    } catch (StoreException e) {
      throw new RegisterException("cannot read the register: " + e.getMessage(), e);
    }
  }

  /**
   * Saves a new version of a template, recording {@code actor} and the time; the earlier versions are
   * kept. Refused (nothing saved) for an empty or too long text or an unknown placeholder.
   */
  public NoticeTemplate saveTemplate(TemplateKind kind, String ground, String language, String body, String actor)
      throws RequestException, RegisterException {
    requireText(actor, "the actor");
    String g = checkTemplateKey(kind, ground, language);
    List<String> problems = NoticeTemplates.problems(body);
    if (!problems.isEmpty()) {
      throw new RequestException("template " + kind.key() + (g.isEmpty() ? "" : "/" + g) + "/" + language
          + " not saved: " + String.join("; ", problems));
    }
    try {
      NoticeTemplate saved = templates().save(kind, g, language, body, actor,
          clock.instant().truncatedTo(ChronoUnit.MILLIS));
      LOG.info("template {} version {} saved by {}", saved.name(), saved.version(), actor);
      return saved;
    } catch (StoreException e) {
      throw new RegisterException("the template could not be saved: " + e.getMessage(), e);
    }
  }

  /** Every refusal ground (docs/console.md, "Refusal grounds"), in use or retired, by name. */
  public List<az.disclose.inbox.model.RefusalGround> refusalGrounds() throws RegisterException {
    try {
      return templates().grounds();
    } catch (StoreException e) {
      throw new RegisterException("cannot read the register: " + e.getMessage(), e);
    }
  }

  /**
   * Adds a refusal ground with its template in each language ({@code bodies}: "az" and "en" to
   * the text) and its name in words in each language ({@code names}, what requesters read); refused
   * (nothing saved) for a bad key, a ground that exists, a missing language, a template text or a
   * name with problems.
   */
  public void addRefusalGround(String ground, java.util.Map<String, String> bodies,
      java.util.Map<String, String> names, String actor) throws RequestException, RegisterException {
    requireText(actor, "the actor");
    String g = ground == null ? "" : ground.strip();
    if (!NoticeTemplates.validGround(g)) {
      throw new RequestException("a refusal ground is named with lower-case letters, digits and dashes"
          + " (e.g. state-secret), not '" + g + "'");
    }
    List<String> problems = new ArrayList<>();
    for (String language : NoticeTemplates.LANGUAGES) {
      for (String p : NoticeTemplates.problems(bodies.get(language))) {
        problems.add(language + ": " + p);
      }
      for (String p : NoticeTemplates.nameProblems(names.get(language))) {
        problems.add(language + ": " + p);
      }
    }
    if (!problems.isEmpty()) {
      throw new RequestException("refusal ground " + g + " not added: " + String.join("; ", problems));
    }
    try {
      java.util.Map<String, String> stripped = new java.util.TreeMap<>();
      for (String language : NoticeTemplates.LANGUAGES) {
        stripped.put(language, names.get(language).strip());
      }
      templates().addGround(g, java.util.Map.copyOf(bodies), stripped, actor,
          clock.instant().truncatedTo(ChronoUnit.MILLIS));
      LOG.info("refusal ground {} added by {}", g, actor);
    } catch (StoreException e) {
      throw new RegisterException("the refusal ground could not be saved: " + e.getMessage(), e);
    }
  }

  /**
   * Retires a refusal ground ({@code retire}) or puts it back in use: a retired ground is no longer
   * offered for new refusals; its templates and the refusals that cite it stay as they are.
   */
  public void retireRefusalGround(String ground, boolean retire, String actor)
      throws RequestException, RegisterException {
    requireText(actor, "the actor");
    String g = ground == null ? "" : ground.strip();
    try {
      templates().changeGround(g, retire, actor, clock.instant().truncatedTo(ChronoUnit.MILLIS));
      LOG.info("refusal ground {} {} by {}", g, retire ? "retired" : "reinstated", actor);
    } catch (StoreException e) {
      throw new RegisterException("the refusal ground could not be changed: " + e.getMessage(), e);
    }
  }

  /**
   * The text of a template in use filled for a request: {@code {number}}, {@code {name}} (the
   * requester's), {@code {due}} (its due date, yyyy-mm-dd). Values are inserted as they are, once.
   */
  public String fillTemplate(TemplateKind kind, String ground, String language, String number)
      throws RequestException, RegisterException {
    NoticeTemplate t = getTemplate(kind, ground, language);
    if (kind == TemplateKind.REFUSE) {
      for (az.disclose.inbox.model.RefusalGround g : refusalGrounds()) {
        if (g.ground().equals(t.ground()) && !g.inUse()) {
          throw new RequestException("the refusal ground " + g.ground() + " was retired by "
              + g.retired().get().actor() + ": it is not used for new refusals (reinstate it to use it again)");
        }
      }
    }
    RequestView v = get(number);
    return NoticeTemplates.fill(t.body(), java.util.Map.of("number", v.number(), "name", v.name(),
        "due", v.dueDate().toString()));
  }

  private static String checkTemplateKey(TemplateKind kind, String ground, String language) throws RequestException {
    Objects.requireNonNull(kind, "kind");
    String g = ground == null ? "" : ground.strip();
    if (!NoticeTemplates.LANGUAGES.contains(language)) {
      throw new RequestException("unknown template language '" + language + "' (az or en)");
    }
    if (kind == TemplateKind.REFUSE && !NoticeTemplates.validGround(g)) {
      throw new RequestException("a refusal template needs a ground of lower-case letters, digits and dashes"
          + " (e.g. state-secret), not '" + g + "'");
    }
    if (kind != TemplateKind.REFUSE && !g.isEmpty()) {
      throw new RequestException("only refusal templates have a ground; " + kind.key() + " has none");
    }
    return g;
  }

  // ================================================================= queues

  /**
   * One page of a queue (docs/register.md, "Queues"): rows in due order, each with the working
   * days left, and the number of matching requests.
   */
  public QueuePage queue(QueueQuery query) throws RequestException, RegisterException {
    Objects.requireNonNull(query, "query");
    if (query.queue() == az.disclose.inbox.model.Queue.MINE && query.actor().isBlank()) {
      throw new RequestException("the queue 'mine' needs the actor whose requests it lists");
    }
    if (query.queue() == az.disclose.inbox.model.Queue.MY_UNIT && query.actorUnit().isEmpty()) {
      throw new RequestException("the queue 'unit' needs the unit whose requests it lists");
    }
    if (query.actorUnit().isPresent()) {
      listableUnit(query.actorUnit().get());
    }
    if (query.unit().isPresent()) {
      listableUnit(query.unit().get());
    }
    if (query.text().isPresent() && query.text().get().length() > QueueQuery.MAX_TEXT) {
      throw new RequestException("the search text is " + query.text().get().length() + " characters long; at most "
          + QueueQuery.MAX_TEXT + " are searched");
    }
    if (query.receivedFrom().isPresent() && query.receivedTo().isPresent()
        && query.receivedTo().get().isBefore(query.receivedFrom().get())) {
      throw new RequestException("the received range ends (" + query.receivedTo().get() + ") before it starts ("
          + query.receivedFrom().get() + ")");
    }
    Instant now = clock.instant();
    java.time.ZoneId zone = settings.zone();
    LocalDate today = now.atZone(zone).toLocalDate();
    WorkingDays days = workingDays;
    LocalDate soon = days.addWorkingDays(today, az.disclose.inbox.model.Queue.DUE_SOON_WORKING_DAYS).date();
    RequestStore.QueueBounds bounds = new RequestStore.QueueBounds(now,
        soon.plusDays(1).atStartOfDay(zone).toInstant(), today.withDayOfMonth(1).atStartOfDay(zone).toInstant(),
        query.receivedFrom().map(d -> d.atStartOfDay(zone).toInstant()),
        query.receivedTo().map(d -> d.plusDays(1).atStartOfDay(zone).toInstant()),
        query.text().map(SearchText::fold));
    RequestStore.QueueResult result;
    try {
      result = store.queue(query, bounds);
    } catch (StoreException e) {
      throw new RegisterException("cannot read the register: " + e.getMessage(), e);
    }
    List<QueueRow> rows = new ArrayList<>();
    for (QueueRow r : result.rows()) {
      rows.add(new QueueRow(r.number(), r.type(), r.channel(), r.status(), r.registeredAt(), r.dueDate(),
          r.status().open() ? Optional.of(workingDaysLeft(days, today, r.dueDate())) : Optional.empty(),
          r.overdue(), r.assignment(), r.subject()));
    }
    return new QueuePage(query, rows, result.total(), result.more());
  }

  /** Working days from {@code today} to {@code due}: 0 on the due day, negative once it is past. */
  static int workingDaysLeft(WorkingDays days, LocalDate today, LocalDate due) {
    int n = 0;
    if (due.isAfter(today)) {
      for (LocalDate d = today.plusDays(1); !d.isAfter(due); d = d.plusDays(1)) {
        n += days.isWorkingDay(d) ? 1 : 0;
      }
      return n;
    }
    for (LocalDate d = due.plusDays(1); !d.isAfter(today); d = d.plusDays(1)) {
      n -= days.isWorkingDay(d) ? 1 : 0;
    }
    return n;
  }

  /**
   * An open request moves to {@code status} with an event the requester sees; its deadline stays
   * as it is.
   */
  private HistoryEvent changeStatus(String number, String actor, String action, String verb, EventKind kind,
      RequestStatus status, String text) throws RequestException, RegisterException {
    return act(number, actor, action, (tx, r, now) -> {
      requireOpen(r, verb);
      requireAcceptedByResponder(tx, r, actor, verb);
      HistoryEvent e = tx.append(r.number(), now, actor, kind, text, true);
      tx.setState(r.number(), e, status, r.deadlineRule(), r.dueDate(), r.dueAt());
      return e;
    });
  }

  /** An internal note (not shown to the requester); allowed in every status. */
  public HistoryEvent note(String number, String actor, String text) throws RequestException, RegisterException {
    requireText(text, "the note");
    return act(number, actor, "note", (tx, r, now) -> tx.append(r.number(), now, actor, EventKind.NOTE, text, false));
  }

  /** The acknowledgement sent to the requester (by the web receipt or by mail). */
  public HistoryEvent acknowledge(String number, String actor, String text) throws RequestException, RegisterException {
    return act(number, actor, "acknowledgement",
        (tx, r, now) -> tx.append(r.number(), now, actor, EventKind.ACKNOWLEDGED, text == null ? "" : text, true));
  }

  @Override
  public boolean resendLink(String number, String email) throws RegisterException {
    String n = normalise(number);
    String address = email == null ? "" : email.strip();
    if (n.isEmpty() || address.isEmpty()) {
      return false;
    }
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    try {
      boolean matched = store.<Boolean, RuntimeException>write(tx -> {
        Optional<StoredRequest> found = tx.lock(n);
        if (found.isEmpty() || found.get().email() == null
            || !found.get().email().strip().equalsIgnoreCase(address)) {
          return false;
        }
        StoredRequest r = found.get();
        HistoryEvent e = tx.append(r.number(), now, SYSTEM, EventKind.LINK_RESENT,
            "the requester asked for the private status link again; queued to the address on record", false);
        for (InTransaction l : listeners) {
          l.acted(tx, r, e);
        }
        return true;
      });
      if (matched) {
        LOG.info("{}: private status link asked for again", n);
      }
      return matched;
    } catch (StoreException e) {
      throw new RegisterException("the request for the status link could not be recorded: " + e.getMessage(), e);
    }
  }

  @FunctionalInterface
  private interface Action<T> {
    T run(RequestTx tx, StoredRequest request, Instant now) throws SQLException, RequestException;
  }

  private <T> T act(String number, String actor, String what, Action<T> action)
      throws RequestException, RegisterException {
    requireText(actor, "the actor");
    String n = normalise(number);
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    try {
      T result = store.<T, RequestException>write(tx -> {
        StoredRequest r = tx.lock(n).orElseThrow(() -> unknown(n));
        T done = action.run(tx, r, now);
        if (done instanceof HistoryEvent e) {
          for (InTransaction l : listeners) {
            l.acted(tx, r, e);
          }
        }
        return done;
      });
      LOG.info("{}: {} recorded by {}", n, what, actor);
      return result;
    } catch (StoreException e) {
      throw new RegisterException("the " + what + " could not be recorded: " + e.getMessage(), e);
    }
  }

  private static void requireText(String text, String what) throws RequestException {
    if (text == null || text.isBlank()) {
      throw new RequestException(what + " must not be empty");
    }
  }

  private static void requireOpen(StoredRequest r, String verb) throws RequestException {
    if (!r.status().open()) {
      throw new RequestException(r.number() + " is " + r.status().key() + " and cannot be " + verb
          + " any more (add a note instead)");
    }
  }

  private static DeadlineExplanation last(List<DeadlineExplanation> chain) {
    return chain.get(chain.size() - 1);
  }

  // ================================================================= retention and recomputation

  private final List<PurgeParticipant> purgeParticipants = new java.util.concurrent.CopyOnWriteArrayList<>();

  /**
   * Adds a component whose tables hold data of requests (the mail intake's): every {@link #purge}
   * from now on removes that data in the same transaction as the requests.
   */
  public void addPurgeParticipant(PurgeParticipant participant) {
    purgeParticipants.add(Objects.requireNonNull(participant, "participant"));
  }

  /**
   * Removes the requests (with their attachments and history) whose last event is more than {@code
   * olderThanDays} days old and that are closed. Refused when {@code olderThanDays} is below the
   * retention period: records younger than it are never deleted.
   */
  public PurgeReport purge(int olderThanDays, String actor, boolean dryRun) throws RequestException, RegisterException {
    requireText(actor, "the actor");
    if (olderThanDays < settings.retentionDays()) {
      throw new RequestException("refused: --older-than " + olderThanDays + " days is less than the retention period of "
          + settings.retentionDays() + " days (retention_days; " + InboxSettings.RETENTION_RULE
          + "); records younger than that cannot be deleted");
    }
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    Instant cutoff = now.minus(Duration.ofDays(olderThanDays));
    Instant retentionCutoff = now.minus(Duration.ofDays(settings.retentionDays()));
    try {
      PurgeReport report = store.<PurgeReport, RuntimeException>write(tx -> {
        List<String> removed = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        PurgeParticipant.Removed tables = PurgeParticipant.Removed.NOTHING;
        for (PurgeCandidate c : tx.lastActiveBefore(cutoff)) {
          if (c.status().open()) {
            kept.add(c.number());
            continue;
          }
          if (!c.lastEventAt().isBefore(retentionCutoff) || !c.registeredAt().isBefore(retentionCutoff)) {
            throw new IllegalStateException(c.number() + " is younger than the retention period");
          }
          for (PurgeParticipant p : purgeParticipants) {
            tables = tables.plus(p.ofRequest(tx, c.number(), dryRun));
          }
          if (!dryRun) {
            tx.delete(c, now, actor);
          }
          removed.add(c.number());
        }
        // the data of no request (mail: dismissed quarantine entries, stray auto-replies and bounces)
        PurgeParticipant.Removed loose = PurgeParticipant.Removed.NOTHING;
        for (PurgeParticipant p : purgeParticipants) {
          loose = loose.plus(p.unattached(tx, cutoff, dryRun));
        }
        return new PurgeReport(olderThanDays, cutoff, dryRun, removed, kept, tables.messages() + loose.messages(),
            tables.outbox(), tables.quarantine(), new ArrayList<>(loose.dismissed()));
      });
      if (!dryRun) {
        LOG.warn("purge by {}: removed {} request(s) older than {} days: {}; from the mail tables {} message key(s),"
            + " {} outbox row(s), {} registered and {} dismissed quarantine entries {}", actor,
            report.removed().size(), olderThanDays, report.removed(), report.mailMessages(), report.outbox(),
            report.quarantineRegistered(), report.quarantineDismissed().size(), report.quarantineDismissed());
      }
      return report;
    } catch (StoreException e) {
      throw new RegisterException("purge failed, nothing was removed: " + e.getMessage(), e);
    }
  }

  /** Uses {@code workingDays} from now on (after the holiday data changed) and recomputes. */
  public RecomputeReport replaceCalendar(WorkingDays workingDays) throws RegisterException {
    this.workingDays = Objects.requireNonNull(workingDays, "workingDays");
    this.deadline = new Deadline(workingDays, settings.zone());
    return recomputeDeadlines();
  }

  /**
   * Recomputes the due date of every open request with the current calendar; each one that changes
   * gets a DEADLINE_RECOMPUTED event (in the same transaction as the change).
   */
  public RecomputeReport recomputeDeadlines() throws RegisterException {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    try {
      RecomputeReport report = store.<RecomputeReport, RuntimeException>write(tx -> {
        List<RecomputeReport.Change> changes = new ArrayList<>();
        List<StoredRequest> open = tx.withStatus(OPEN);
        for (StoredRequest r : open) {
          Period p = period(tx.history(r.number()), r.registeredAt());
          DeadlineExplanation d = last(deadlines(r.type(), r.urgency(), p.start(), p.extensions()));
          if (d.dueDate().equals(r.dueDate())
              && d.dueAt().toInstant().truncatedTo(ChronoUnit.MILLIS).equals(r.dueAt())) {
            continue;
          }
          warnLoudly(d.warnings(), "recomputing " + r.number());
          HistoryEvent event = tx.append(r.number(), now, SYSTEM, EventKind.DEADLINE_RECOMPUTED,
              "due date changed from " + r.dueDate() + " to " + describeDue(d) + " after the holiday data changed", true);
          tx.setState(r.number(), event, r.status(), d.rule().id(), d.dueDate(), d.dueAt().toInstant());
          changes.add(new RecomputeReport.Change(r.number(), r.dueDate(), d.dueDate()));
        }
        return new RecomputeReport(open.size(), changes);
      });
      if (!report.changed().isEmpty()) {
        LOG.info("deadlines recomputed: {} of {} open requests changed", report.changed().size(), report.checked());
      }
      return report;
    } catch (StoreException e) {
      throw new RegisterException("recomputing the deadlines failed, nothing was changed: " + e.getMessage(), e);
    }
  }
}
