package az.disclose.content;

import java.util.Arrays;
import java.util.Optional;

/** The Open Government Partnership completion scale. */
public enum Status {
  NOT_STARTED("not_started"),
  LIMITED("limited"),
  SUBSTANTIAL("substantial"),
  COMPLETE("complete");

  private final String key;

  Status(String key) {
    this.key = key;
  }

  /** The value used in YAML, JSON, CSS classes and message keys. */
  public String key() {
    return key;
  }

  public static Optional<Status> ofKey(String key) {
    return Arrays.stream(values()).filter(s -> s.key.equals(key)).findFirst();
  }
}
