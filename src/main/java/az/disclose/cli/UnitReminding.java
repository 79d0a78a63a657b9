package az.disclose.cli;

import az.disclose.calendar.WorkingDays;
import az.disclose.inbox.StoreException;
import az.disclose.inbox.mail.MailSettings;
import az.disclose.inbox.mail.MailStore;
import az.disclose.inbox.mail.UnitReminderMail;
import az.disclose.inbox.store.Inbox;
import az.disclose.report.UnitReminders;
import az.disclose.report.UnitsLoader;
import az.disclose.yaml.ProblemsException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

/**
 * The units' report reminders (rule 3 of the internal FOI rules), composed here because {@code
 * report} decides which are due and {@code inbox.mail} queues them, and neither imports the other:
 * {@code disclose report units --remind} runs it once, {@code disclose serve} at start and every
 * {@link #CHECK_EVERY}. Each reminder is queued once whoever runs it (recorded in the database).
 */
final class UnitReminding {
  /** How often {@code serve} looks for reminders due (each is sent once; the due days are whole days). */
  static final Duration CHECK_EVERY = Duration.ofHours(1);

  private UnitReminding() {}

  /**
   * Queues the reminders due on {@code today} (Baku time) that were not queued before; returns those
   * it queued and those it could not (no address), for the caller to print.
   */
  static Result run(Inbox inbox, MailSettings mail, Path content, LocalDate today, Clock clock)
      throws ProblemsException, StoreException {
    UnitsLoader.Loaded loaded = new UnitsLoader().load(content);
    WorkingDays workingDays = inbox.register().workingDays();
    List<UnitReminders.Due> due = UnitReminders.due(loaded.units(), loaded.reports(), today, mail.reminderDaysBefore(),
        workingDays);
    List<UnitReminderMail.Reminder> reminders = due.stream().map(d -> new UnitReminderMail.Reminder(d.unit().id(),
        d.unit().name(), d.unit().email(), d.period().key(), d.period().first(), d.period().last(), d.period().due(),
        d.kind() == UnitReminders.Kind.AFTER)).toList();
    List<UnitReminderMail.Reminder> queued = new UnitReminderMail(new MailStore(inbox.store()), mail, clock)
        .queue(reminders);
    List<String> noAddress = due.stream().filter(d -> d.unit().email().isBlank()).map(d -> d.unit().id()).distinct()
        .toList();
    return new Result(due.size(), queued, noAddress);
  }

  /** How many were due, which were queued now, which units have no address. */
  record Result(int due, List<UnitReminderMail.Reminder> queued, List<String> noAddress) {}
}
