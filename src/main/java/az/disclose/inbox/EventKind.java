package az.disclose.inbox;

/** What can happen to a request; every event is appended to its history, never changed. */
public enum EventKind {
  REGISTERED,
  ACKNOWLEDGED,
  ANSWERED,
  EXTENDED,
  FORWARDED,
  CLARIFICATION_REQUESTED,
  REFUSED,
  NOTE,
  STATUS_CHANGED,
  DEADLINE_RECOMPUTED
}
