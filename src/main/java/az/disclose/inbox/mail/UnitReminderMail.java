package az.disclose.inbox.mail;

import az.disclose.inbox.StoreException;
import az.disclose.render.AzDates;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Queues the units' report reminders (rule 3 of the internal FOI rules) in the outbox, in
 * Azerbaijani, each exactly once: a reminder is recorded in {@code unit_reminders} (unit, period,
 * kind) in the same transaction as its outbox row, so a second run — the next day's check, a
 * restart, the command line beside the server — queues nothing again. {@link OutboxSender} sends
 * them with its retries. Fed with plain data (which reminders are due is {@code report}'s
 * business); thread-safe.
 */
public final class UnitReminderMail {
  private static final Logger LOG = LoggerFactory.getLogger(UnitReminderMail.class);
  /** The outbox kind of a reminder. */
  public static final String KIND = "unit_reminder";
  private static final Locale AZ = Locale.forLanguageTag("az");

  /**
   * One reminder to queue: the unit (id, name, address), the half-month ({@code period} as {@code
   * 2026-02/2}, its first and last day), its due day, and whether it comes after the due day.
   */
  public record Reminder(String unit, String unitName, String email, String period, LocalDate first, LocalDate last,
      LocalDate due, boolean after) {
    public String kind() {
      return after ? "after" : "before";
    }
  }

  private final MailStore mail;
  private final MailSettings settings;
  private final Clock clock;

  public UnitReminderMail(MailStore mail, MailSettings settings, Clock clock) {
    this.mail = mail;
    this.settings = settings;
    this.clock = clock;
  }

  /** Queues those of {@code reminders} not queued before (and with an address); returns them. */
  public List<Reminder> queue(List<Reminder> reminders) throws StoreException {
    List<Reminder> queued = new ArrayList<>();
    for (Reminder r : reminders) {
      if (!Outbox.deliverable(r.email())) {
        LOG.warn("unit reminder: unit '{}' has no e-mail address in data/units.yaml; not reminded of {}", r.unit(),
            r.period());
        continue;
      }
      Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
      String messageId = "<reminder." + r.unit() + "." + r.period().replace('/', '-') + "." + r.kind() + "@"
          + settings.messageIdHost() + ">";
      boolean fresh = mail.requests().<Boolean, RuntimeException>write(tx -> {
        int inserted = tx.update("INSERT INTO unit_reminders (unit, period, kind, recipient, message_id, queued_at)"
            + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", r.unit(), r.period(), r.kind(), r.email().strip(),
            messageId, now.toEpochMilli());
        if (inserted == 1) {
          MailStore.enqueue(tx, "", 0, KIND, messageId, r.email().strip(), subject(r), body(r), "", now);
        }
        return inserted == 1;
      });
      if (fresh) {
        LOG.info("unit reminder ({}) for {} queued to {} ({})", r.kind(), r.period(), r.email(), r.unit());
        queued.add(r);
      }
    }
    return queued;
  }

  /** The reminders recorded for a half-month ({@code unit kind} pairs), for tests and the command line. */
  public List<String> recorded(String period) throws StoreException {
    return mail.requests().read(t -> t.query("SELECT unit, kind FROM unit_reminders WHERE period = ? ORDER BY unit, kind",
        row -> row.text(1) + " " + row.text(2), period));
  }

  static String subject(Reminder r) {
    return r.after()
        ? "Hesabat gecikir: " + AzDates.format(r.first(), AZ) + " – " + AzDates.format(r.last(), AZ) + " dövrü"
        : "Hesabat xatırlatması: son tarix " + AzDates.format(r.due(), AZ);
  }

  String body(Reminder r) {
    String period = AzDates.format(r.first(), AZ) + " – " + AzDates.format(r.last(), AZ);
    String due = AzDates.format(r.due(), AZ);
    String what = r.after()
        ? period + " dövrü üzrə hesabat hələ daxil olmayıb (son tarix: " + due + "). Xahiş olunur, hesabatı ən"
            + " qısa müddətdə təqdim edəsiniz."
        : period + " dövrü üzrə hesabatın son tarixi: " + due + ". Xahiş olunur, hesabatı bu tarixədək təqdim"
            + " edəsiniz.";
    return "Hörmətli " + r.unitName() + " əməkdaşları,\n\n"
        + "Daxili qaydaların 3-cü bəndinə əsasən nazirliyin bölmələri gördükləri işlər barədə ayda iki dəfə"
        + " (ayın 15-dək və ayın son gününədək) hesabat təqdim edir.\n\n"
        + what + "\n\n"
        + "Bu məktub avtomatik göndərilmişdir.\n\n--\n" + Outbox.senderName(settings.from()) + "\n";
  }
}
