package az.disclose.inbox.model;

import java.util.Optional;

/** The officers' queues (docs/register.md, "Queues"); each is one condition of {@link QueueQuery}. */
public enum Queue {
  /** Every request (filters only). */
  ALL("all"),
  /** Open requests whose assignee is the asking actor. */
  MINE("mine"),
  /** Open requests assigned to the asking actor's unit (accepted or not yet answered by the unit). */
  MY_UNIT("unit"),
  /** Open requests with no unit, or sent back by their unit. */
  UNASSIGNED("unassigned"),
  /** Open requests due today or within the next 2 working days, not yet overdue. */
  DUE_SOON("due-soon"),
  /** Open requests past their due time. */
  OVERDUE("overdue"),
  /** Requests waiting for the requester's clarification. */
  WAITING("waiting"),
  /** Requests answered since the first day of the current month (Baku time). */
  ANSWERED_THIS_MONTH("answered-this-month");

  /** How many working days ahead {@link #DUE_SOON} looks. */
  public static final int DUE_SOON_WORKING_DAYS = 2;

  private final String key;

  Queue(String key) {
    this.key = key;
  }

  public String key() {
    return key;
  }

  public static Optional<Queue> ofKey(String key) {
    for (Queue q : values()) {
      if (q.key.equals(key)) {
        return Optional.of(q);
      }
    }
    return Optional.empty();
  }
}
