package az.disclose.inbox.mail;

import az.disclose.calendar.DeadlineRule;
import az.disclose.calendar.DeadlineRules;
import az.disclose.inbox.store.Inbox;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mail side of a running inbox: the outbox (queued in the register's transactions) with its
 * SMTP sender, and the IMAP poller. Each part is on only when its section of {@code mail} is
 * configured; each missing part is said once in the log.
 *
 * <pre>
 * MailSettings mail = MailSettings.load(configFile, System.getenv());
 * try (MailService m = MailService.start(inbox, mail, Clock.systemUTC())) { ... }
 * </pre>
 */
public final class MailService implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(MailService.class);
  private static final Pattern ADDRESS = Pattern.compile("[^\\s<>\"]+@[^\\s<>\"]+");
  /** How often the sender looks at the outbox. */
  public static final Duration SEND_INTERVAL = Duration.ofSeconds(10);

  private final MailStore store;
  private final MailIntake intake;
  private final Optional<OutboxSender> sender;
  private final Optional<ImapPoller> poller;

  private MailService(MailStore store, MailIntake intake, Optional<OutboxSender> sender, Optional<ImapPoller> poller) {
    this.store = store;
    this.intake = intake;
    this.sender = sender;
    this.poller = poller;
  }

  /**
   * Installs the outbox (when {@code mail.smtp} is set) and starts the sender and the poller (when
   * {@code mail.imap} is set).
   */
  public static MailService start(Inbox inbox, MailSettings settings, Clock clock) {
    MailService m = create(inbox, settings, clock);
    m.sender.ifPresent(s -> s.start(SEND_INTERVAL));
    m.poller.ifPresent(ImapPoller::start);
    return m;
  }

  /** Like {@link #start} but starts nothing: for tests and benchmarks that poll and send themselves. */
  public static MailService create(Inbox inbox, MailSettings settings, Clock clock) {
    MailStore store = new MailStore(inbox.store());
    Optional<OutboxSender> sender = Optional.empty();
    if (installOutbox(inbox, settings)) {
      sender = Optional.of(OutboxSender.withDefaults(store, settings));
    }
    MailIntake intake = new MailIntake(inbox.register(), store,
        new Classifier(inbox.settings().numberPrefix(), ownAddresses(settings)), clock);
    return new MailService(store, intake, sender, ImapPoller.create(settings, intake));
  }

  /**
   * Queues acknowledgements, answers and notices in the register's transactions from now on, when
   * {@code mail.smtp} is configured (also for the officers' command line, so that an answer given
   * there is mailed by the running server's sender). Returns whether it did.
   */
  public static boolean installOutbox(Inbox inbox, MailSettings settings) {
    if (settings.smtp().isEmpty()) {
      LOG.info("outgoing mail disabled: no mail.smtp in disclose.yaml (no acknowledgements or answers by e-mail)");
      return false;
    }
    List<DeadlineRule> rules = inbox.settings().deadlineRules();
    inbox.register().addListener(new Outbox(settings, inbox.settings().zone(), id -> DeadlineRules.find(rules, id)));
    return true;
  }

  static Set<String> ownAddresses(MailSettings settings) {
    Set<String> own = new LinkedHashSet<>();
    Matcher m = ADDRESS.matcher(settings.from());
    if (m.find()) {
      own.add(m.group());
    }
    settings.imap().map(MailSettings.Server::user).filter(u -> u.contains("@")).ifPresent(own::add);
    return own;
  }

  public MailStore store() {
    return store;
  }

  public MailIntake intake() {
    return intake;
  }

  public Optional<OutboxSender> sender() {
    return sender;
  }

  public Optional<ImapPoller> poller() {
    return poller;
  }

  /**
   * The mail side's state for {@code /healthz}: the poller's last poll, last success and last error
   * (when a mailbox is configured) and the mail waiting in the outbox (when sending is configured).
   */
  public java.util.Map<String, Object> status() {
    java.util.Map<String, Object> out = new java.util.LinkedHashMap<>();
    poller.ifPresent(p -> {
      ImapPoller.Status s = p.status();
      java.util.Map<String, Object> imap = new java.util.LinkedHashMap<>();
      imap.put("last_poll", s.lastPoll().map(Object::toString).orElse(null));
      imap.put("last_success", s.lastSuccess().map(Object::toString).orElse(null));
      imap.put("last_error", s.lastError().orElse(null));
      out.put("poller", imap);
    });
    sender.ifPresent(x -> {
      java.util.Map<String, Object> outbox = new java.util.LinkedHashMap<>();
      try {
        MailStore.Waiting w = store.waiting();
        outbox.put("waiting", w.count());
        outbox.put("oldest_waiting_since", w.oldest().map(Object::toString).orElse(null));
      } catch (az.disclose.inbox.StoreException e) {
        outbox.put("error", "the outbox cannot be read: " + e.getMessage());
      }
      out.put("outbox", outbox);
    });
    return out;
  }

  /** Whether a mailbox or sending is configured (else {@code /healthz} shows no mail section). */
  public boolean configured() {
    return poller.isPresent() || sender.isPresent();
  }

  @Override
  public void close() {
    poller.ifPresent(ImapPoller::close);
    sender.ifPresent(OutboxSender::close);
  }
}
