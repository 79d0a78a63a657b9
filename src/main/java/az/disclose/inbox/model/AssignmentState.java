package az.disclose.inbox.model;

import java.util.Optional;

/** Where a request stands with the units (docs/register.md, "Assignment to units"). */
public enum AssignmentState {
  /** Never assigned to a unit. */
  NONE("none"),
  /** Assigned to a unit that has not accepted or rejected it yet. */
  PENDING("pending"),
  /** The unit took it on; its responder who accepted is the assignee. */
  ACCEPTED("accepted"),
  /** The unit sent it back with a reason; it waits for the officers to assign it again. */
  REJECTED("rejected");

  private final String key;

  AssignmentState(String key) {
    this.key = key;
  }

  public String key() {
    return key;
  }

  public static Optional<AssignmentState> ofKey(String key) {
    for (AssignmentState s : values()) {
      if (s.key.equals(key)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
