package az.disclose.content;

import java.util.Arrays;
import java.util.Optional;

/**
 * A measure's completion in the annual plan report, on the Open Government Partnership's scale
 * (its Independent Reporting Mechanism): the four steps of {@link Status} and, before them, "no
 * evidence" — nothing shows where the measure stands. {@link #COMPLETE} needs evidence.
 */
public enum Completion {
  NO_EVIDENCE("no_evidence"),
  NOT_STARTED("not_started"),
  LIMITED("limited"),
  SUBSTANTIAL("substantial"),
  COMPLETE("complete");

  private final String key;

  Completion(String key) {
    this.key = key;
  }

  /** The value in YAML, CSV, CSS classes and message keys. */
  public String key() {
    return key;
  }

  public static Optional<Completion> ofKey(String key) {
    return Arrays.stream(values()).filter(c -> c.key.equals(key)).findFirst();
  }

  /** A unit report's status on this scale. */
  public static Completion of(Status status) {
    return valueOf(status.name());
  }

  /** The keys, for messages naming the allowed values. */
  public static String keys() {
    return String.join(", ", Arrays.stream(values()).map(Completion::key).toList());
  }
}
