package az.disclose.content;

import java.util.Arrays;
import java.util.Optional;

/**
 * Whether a measure opened government, on the Open Government Partnership's scale (the
 * Independent Reporting Mechanism's "did it open government?"), as the commission judges it in the
 * annual plan report.
 */
public enum OpenedGovernment {
  WORSENED("worsened"),
  DID_NOT_CHANGE("did_not_change"),
  MARGINAL("marginal"),
  MAJOR("major"),
  OUTSTANDING("outstanding");

  private final String key;

  OpenedGovernment(String key) {
    this.key = key;
  }

  public String key() {
    return key;
  }

  public static Optional<OpenedGovernment> ofKey(String key) {
    return Arrays.stream(values()).filter(c -> c.key.equals(key)).findFirst();
  }

  public static String keys() {
    return String.join(", ", Arrays.stream(values()).map(OpenedGovernment::key).toList());
  }
}
