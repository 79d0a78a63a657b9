package az.disclose.inbox.model;

/** Where a request stands. Derived from its history; the latest status-changing event wins. */
public enum RequestStatus {
  REGISTERED("registered"),
  CLARIFICATION_REQUESTED("clarification"),
  EXTENDED("extended"),
  FORWARDED("forwarded"),
  ANSWERED("answered"),
  REFUSED("refused");

  private final String key;

  RequestStatus(String key) {
    this.key = key;
  }

  public String key() {
    return key;
  }

  /** Whether the request still needs an answer (and so has a running deadline). */
  public boolean open() {
    return this == REGISTERED || this == CLARIFICATION_REQUESTED || this == EXTENDED;
  }
}
