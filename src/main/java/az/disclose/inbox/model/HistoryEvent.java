package az.disclose.inbox.model;

import java.time.Instant;

/**
 * One entry of a request's append-only history.
 *
 * @param actor who did it: an officer's name, "requester", or "system"
 * @param visibleToRequester whether the public status page shows it (internal notes are not shown)
 */
public record HistoryEvent(long id, Instant at, String actor, EventKind kind, String text, boolean visibleToRequester) {}
