package az.disclose.inbox.model;

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
  DEADLINE_RECOMPUTED,
  /** The requester wrote again (a reply by e-mail to a registered request); internal. */
  MAIL_RECEIVED,
  /** Mail to the requester could not be delivered (a bounce), or the outbox gave up; internal. */
  MAIL_UNDELIVERABLE,
  /** An e-mail to the requester was sent (acknowledgement, answer, notice); internal. */
  MAIL_SENT,
  /** The requester asked for the private status link again and it was queued to the address on record; internal. */
  LINK_RESENT,
  /** Assigned (or reassigned) to a unit by an officer; internal. */
  ASSIGNED,
  /** The unit took the request on (its responder becomes the assignee); internal. */
  ASSIGNMENT_ACCEPTED,
  /** The unit sent the request back, with its reason; internal. */
  ASSIGNMENT_REJECTED,
  /** A closed request (or one waiting for clarification) was opened again, with its ground (docs/register.md). */
  REOPENED,
  /** The requester withdrew the request (recorded by an officer): closes it. */
  WITHDRAWN
}
