package az.disclose.inbox.model;

import java.util.Optional;

/**
 * Why a request may be opened again (docs/register.md, "Reopening and withdrawal"); nothing else
 * reopens a request.
 */
public enum ReopenGround {
  /**
   * A complaint or appeal against the answer or refusal was upheld (by the body's head, the
   * Ombudsman or a court): an answered or refused request is worked again, with a new period from
   * the reopening.
   */
  APPEAL_UPHELD("appeal-upheld"),
  /**
   * The requester sent the clarification asked for: the request waiting for it is worked again,
   * with a new period from the day the clarification arrived.
   */
  CLARIFICATION_RECEIVED("clarification-received");

  private final String key;

  ReopenGround(String key) {
    this.key = key;
  }

  public String key() {
    return key;
  }

  public static Optional<ReopenGround> ofKey(String key) {
    for (ReopenGround g : values()) {
      if (g.key.equals(key)) {
        return Optional.of(g);
      }
    }
    return Optional.empty();
  }

  /** Whether a request in {@code status} can be reopened on this ground. */
  public boolean allows(RequestStatus status) {
    return switch (this) {
      case APPEAL_UPHELD -> status == RequestStatus.ANSWERED || status == RequestStatus.REFUSED;
      case CLARIFICATION_RECEIVED -> status == RequestStatus.CLARIFICATION_REQUESTED;
    };
  }
}
