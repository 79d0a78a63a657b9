package az.disclose.calendar;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** Why a date is listed in a holiday file; the YAML spelling is {@link #yamlName()}. */
public enum HolidayKind {
  /** A holiday of Labour Code art. 105 with a fixed date (and 20 January, National Mourning Day). */
  FIXED("fixed"),
  /** One of the five Novruz days announced by the Cabinet of Ministers. */
  NOVRUZ("novruz"),
  /** One of the two Ramazan (Eid al-Fitr) days announced by the Cabinet of Ministers. */
  RAMAZAN("ramazan"),
  /** One of the two Gurban (Eid al-Adha) days announced by the Cabinet of Ministers. */
  GURBAN("gurban"),
  /** A non-working day for one year only: polling day, a declared day of mourning. */
  ONE_OFF("one_off"),
  /**
   * A weekday made a day off: carried over from a holiday on a weekend (art. 105.5, 105.6) or moved
   * there by a Cabinet decision.
   */
  CARRIED_OVER("carried_over"),
  /** A Saturday or Sunday that a Cabinet decision made a working day (in exchange for a weekday). */
  WORKING_DAY("working_day");

  private final String yamlName;

  HolidayKind(String yamlName) {
    this.yamlName = yamlName;
  }

  public String yamlName() {
    return yamlName;
  }

  /** True for every kind except {@link #WORKING_DAY}. */
  public boolean nonWorking() {
    return this != WORKING_DAY;
  }

  public static Optional<HolidayKind> fromYaml(String text) {
    return Arrays.stream(values()).filter(k -> k.yamlName.equals(text)).findFirst();
  }

  /** The YAML spellings, comma-separated, for messages. */
  public static String allowedNames() {
    return Arrays.stream(values()).map(HolidayKind::yamlName).collect(Collectors.joining(", "));
  }
}
