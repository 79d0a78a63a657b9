package az.disclose.publish;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Rule 6 of the Ministry's FOI rules: "İnternet informasiya ehtiyatında məlumatlar hadisə baş
 * verdikdən ən gec üç gün müddətində yerləşdirilməlidir" — information goes onto the website no
 * later than three days after the event.
 *
 * <p>Days are <b>calendar days in Baku</b> (Asia/Baku), not working days: the rule says "üç gün",
 * not "üç iş günü", and a website does not close at weekends. An event on the 29th must be on the
 * site by the end of the 1st (29 + 3). The delay of an item is the number of calendar days from its
 * event to the Baku day it first went live.
 *
 * <p>When it first went live comes from the {@link PublicationLedger}; an item the ledger does not
 * know is taken to have gone live on its front-matter {@code date} once that day has come (the build
 * publishes an item on its date), and to be not yet published while its date is in the future.
 *
 * <p>Every method takes the {@link Clock}; nothing here reads the system clock.
 */
public final class PublicationWindow {
  public static final String RULE = "three-day-window";
  /** "ən gec üç gün": at most three calendar days from the event. */
  public static final int DAYS = 3;

  /**
   * An item that has an event and a publication date.
   *
   * @param file the content file
   * @param line the line to point at (its {@code event_date}, else its {@code date})
   * @param sitePath the item's address on the site, e.g. {@code /news/<slug>/} (the ledger key)
   * @param eventDate the day of the event (news: {@code event_date}; documents: their date)
   * @param date the front-matter publication date
   */
  public record DatedItem(Path file, int line, String sitePath, LocalDate eventDate, LocalDate date) {}

  /** Where an item stands against the window. */
  public enum Status {
    /** Went live within three days of its event. */
    ON_TIME,
    /** Went live (or is scheduled to go live) later than three days after its event. */
    LATE,
    /** Not live yet and still within the window. */
    PENDING,
    /** Not live yet and its window has closed. */
    OVERDUE
  }

  /**
   * The delay of one item.
   *
   * @param publishedOn the Baku day it went live; empty when it is not live yet
   * @param fromLedger whether {@code publishedOn} comes from the ledger (else from its date)
   * @param days calendar days from the event to publication (or, when not live, to today)
   */
  public record Delay(DatedItem item, Optional<LocalDate> publishedOn, boolean fromLedger, long days, Status status) {
    public LocalDate deadline() {
      return item.eventDate().plusDays(DAYS);
    }

    /** Days past the deadline (0 when on time or pending). */
    public long daysLate() {
      return Math.max(0, days - DAYS);
    }
  }

  private PublicationWindow() {}

  /** Today in Baku according to {@code clock}. */
  public static LocalDate today(Clock clock) {
    return LocalDate.ofInstant(clock.instant(), PublicationLedger.BAKU);
  }

  /**
   * Whether an item dated {@code date} is held back: its day has not yet come in Baku. The build
   * leaves held-back items out and publishes them on their day.
   */
  public static boolean isHeldBack(LocalDate date, Clock clock) {
    return date.isAfter(today(clock));
  }

  public static Delay delay(DatedItem item, PublicationLedger ledger, Clock clock) {
    LocalDate today = today(clock);
    Optional<PublicationLedger.Entry> entry = ledger.entry(item.sitePath());
    if (entry.isPresent()) {
      LocalDate on = entry.get().day();
      long days = ChronoUnit.DAYS.between(item.eventDate(), on);
      return new Delay(item, Optional.of(on), true, days, days > DAYS ? Status.LATE : Status.ON_TIME);
    }
    if (!isHeldBack(item.date(), clock)) {
      long days = ChronoUnit.DAYS.between(item.eventDate(), item.date());
      return new Delay(item, Optional.of(item.date()), false, days, days > DAYS ? Status.LATE : Status.ON_TIME);
    }
    long days = ChronoUnit.DAYS.between(item.eventDate(), today);
    return new Delay(item, Optional.empty(), false, days, days > DAYS ? Status.OVERDUE : Status.PENDING);
  }

  public static List<Delay> delays(List<DatedItem> items, PublicationLedger ledger, Clock clock) {
    return items.stream().map(i -> delay(i, ledger, clock)).toList();
  }

  /** Errors for late and overdue items, warnings for items due within a day. */
  public static List<Finding> check(List<DatedItem> items, PublicationLedger ledger, Clock clock) {
    List<Finding> out = new ArrayList<>();
    for (DatedItem item : items) {
      Delay d = delay(item, ledger, clock);
      String event = "event " + item.eventDate();
      switch (d.status()) {
        case LATE -> out.add(Finding.error(item.file(), item.line(), RULE,
            item.sitePath() + " went live " + d.days() + " days after its event (" + event + ", live "
                + d.publishedOn().orElseThrow() + (d.fromLedger() ? " per the publication ledger" : " per its date")
                + "): " + days(d.daysLate()) + " late; rule 6 allows at most " + DAYS,
            d.fromLedger()
                ? "the delay is on record; publish future items within three days, or acknowledge this one in data/check.yaml (allow, with the reason)"
                : "move 'date' to " + d.deadline() + " or earlier, or correct 'event_date'"));
        case OVERDUE -> out.add(Finding.error(item.file(), item.line(), RULE,
            item.sitePath() + " is not published yet (its date is " + item.date() + ") although its " + event
                + " was " + days(d.days()) + " ago: " + days(d.daysLate()) + " overdue",
            "set 'date' to today (" + today(clock) + ") and build, so that it goes live now"));
        case PENDING -> {
          if (item.date().isAfter(d.deadline())) {
            out.add(Finding.error(item.file(), item.line(), RULE,
                item.sitePath() + " is scheduled for " + item.date() + ", " + days(ChronoUnit.DAYS.between(d.deadline(), item.date()))
                    + " after its window closes (" + event + ", publish by " + d.deadline() + ")",
                "move 'date' to " + d.deadline() + " or earlier"));
          } else if (!d.deadline().isAfter(today(clock).plusDays(1))) {
            // Not live yet, and its window closes at the end of tomorrow (Baku): less than a day of slack.
            out.add(Finding.warning(item.file(), item.line(), RULE,
                item.sitePath() + " is not live yet and is due within a day: its " + event + " allows publication until the end of "
                    + d.deadline() + " (Baku time), and it is dated " + item.date(),
                "make sure the site is rebuilt on " + item.date() + ", or set 'date' to today (" + today(clock) + ")"));
          }
        }
        case ON_TIME -> { }
        default -> throw new IllegalStateException();
      }
    }
    return out;
  }

  private static String days(long n) {
    return n + (n == 1 ? " day" : " days");
  }
}
