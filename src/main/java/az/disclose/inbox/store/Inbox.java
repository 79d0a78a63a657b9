package az.disclose.inbox.store;

import az.disclose.calendar.CalendarWarning;
import az.disclose.calendar.HolidayCalendar;
import az.disclose.calendar.HolidayLoader;
import az.disclose.calendar.WorkingDays;
import az.disclose.inbox.InboxSettings;
import az.disclose.inbox.PublishedStatistics;
import az.disclose.inbox.RecomputeReport;
import az.disclose.inbox.Register.RegisterException;
import az.disclose.inbox.RegisterService;
import az.disclose.inbox.StoreException;
import az.disclose.yaml.ProblemsException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The opened register: its database ({@link JdbcRequestStore}) and its service ({@link RegisterService}),
 * composed here, where the store's implementation is known. Open one per process and close it at the end.
 *
 * <pre>
 * try (Inbox inbox = Inbox.open(InboxSettingsLoader.loadDefault(System.getenv()), Path.of("content"),
 *     Clock.systemUTC())) {
 *   Receipt r = inbox.register().register(submission);
 * }
 * </pre>
 */
public final class Inbox implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Inbox.class);

  private final JdbcRequestStore store;
  private final RegisterService service;
  private final Path holidays;

  private Inbox(JdbcRequestStore store, RegisterService service, Path holidays) {
    this.store = store;
    this.service = service;
    this.holidays = holidays;
  }

  /**
   * Opens the database (migrating it), loads the holidays of {@code contentDir/data/holidays} and
   * warns loudly when this or next year has no holiday data.
   *
   * @throws ProblemsException when a holiday file is invalid (file:line)
   * @throws RegisterException when the database cannot be opened
   */
  public static Inbox open(InboxSettings settings, Path contentDir, Clock clock)
      throws ProblemsException, RegisterException {
    Path holidays = contentDir.resolve("data").resolve("holidays");
    WorkingDays workingDays = loadHolidays(holidays);
    LocalDate today = clock.instant().atZone(settings.zone()).toLocalDate();
    for (CalendarWarning w : workingDays.missingDataWarnings(today, today.plusYears(1))) {
      LOG.warn("!!! CALENDAR WARNING: {}", w.english());
    }
    JdbcRequestStore store;
    try {
      store = JdbcRequestStore.open(settings);
    } catch (StoreException e) {
      throw new RegisterException(e.getMessage(), e);
    }
    RegisterService service = new RegisterService(store, settings, workingDays, clock);
    try {
      // the search text of requests stored before migration V10, and the default templates (V11)
      store.fillSearch();
      service.seedTemplates();
    } catch (StoreException e) {
      store.close();
      throw new RegisterException("cannot prepare the search column of " + settings.databaseUrl() + ": "
          + e.getMessage(), e);
    } catch (RegisterException e) {
      store.close();
      throw e;
    }
    return new Inbox(store, service, holidays);
  }

  private static WorkingDays loadHolidays(Path dir) throws ProblemsException {
    if (!Files.isDirectory(dir)) {
      LOG.warn("!!! CALENDAR WARNING: no holiday directory {}: deadlines count weekends only", dir);
      return new WorkingDays(HolidayCalendar.empty(dir));
    }
    return new WorkingDays(HolidayLoader.load(dir));
  }

  public RegisterService register() {
    return service;
  }

  public JdbcRequestStore store() {
    return store;
  }

  public InboxSettings settings() {
    return service.settings();
  }

  /** The holiday directory in use. */
  public Path holidays() {
    return holidays;
  }

  /**
   * Reloads the holiday files (after staff edited them) and recomputes the due dates of open
   * requests; invalid files leave the current calendar in place.
   */
  public RecomputeReport reloadHolidays() throws ProblemsException, RegisterException {
    return service.replaceCalendar(loadHolidays(holidays));
  }

  /** The calendar's warnings for the years from {@code from} to {@code to} (e.g. for a health page). */
  public List<CalendarWarning> calendarWarnings(LocalDate from, LocalDate to) {
    return service.workingDays().missingDataWarnings(from, to);
  }

  /**
   * Computes the request statistics of the register and writes them to {@code
   * contentDir/data/request-statistics.yaml} for the site build, only when they changed (atomically;
   * the temporary file ends in {@code .tmp}). Call it after registrations and officers' actions,
   * and once a day (requests become overdue and the date "as of" moves without any action).
   *
   * @return whether the file changed, i.e. whether the site needs a rebuild
   * @throws RegisterException when the register cannot be read
   * @throws IOException when the file cannot be read or written
   */
  public boolean publishStatistics(Path contentDir) throws RegisterException, IOException {
    return PublishedStatistics.write(contentDir, service.statistics());
  }

  @Override
  public void close() {
    store.close();
  }
}
