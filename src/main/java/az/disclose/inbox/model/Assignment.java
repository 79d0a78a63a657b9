package az.disclose.inbox.model;

import java.util.Optional;

/**
 * A request's current assignment: the unit ({@code unit} empty while never assigned), the state of
 * the unit's answer, and the responder who accepted it ({@code assignee} empty until accepted).
 */
public record Assignment(Optional<String> unit, AssignmentState state, Optional<String> assignee) {
  public static final Assignment NONE = new Assignment(Optional.empty(), AssignmentState.NONE, Optional.empty());

  public Assignment {
    java.util.Objects.requireNonNull(unit, "unit");
    java.util.Objects.requireNonNull(state, "state");
    java.util.Objects.requireNonNull(assignee, "assignee");
  }
}
