package az.disclose.inbox.model;

/** Where a request stands. Derived from its history; the latest status-changing event wins. */
public enum RequestStatus {
  REGISTERED("registered"),
  CLARIFICATION_REQUESTED("clarification"),
  EXTENDED("extended"),
  FORWARDED("forwarded"),
  ANSWERED("answered"),
  REFUSED("refused"),
  /** Withdrawn by the requester (recorded by an officer): closed, counted apart in the reports. */
  WITHDRAWN("withdrawn");

  private final String key;

  RequestStatus(String key) {
    this.key = key;
  }

  public String key() {
    return key;
  }

  /** The status whose {@link #key()} is {@code key}. */
  public static java.util.Optional<RequestStatus> ofKey(String key) {
    for (RequestStatus s : values()) {
      if (s.key.equals(key)) {
        return java.util.Optional.of(s);
      }
    }
    return java.util.Optional.empty();
  }

  /** Whether the request still needs an answer (and so has a running deadline). */
  public boolean open() {
    return this == REGISTERED || this == CLARIFICATION_REQUESTED || this == EXTENDED;
  }
}
