package az.disclose.inbox.model;

import java.time.Instant;

/** A request old enough to be considered for purge. */
public record PurgeCandidate(String number, Instant registeredAt, RequestStatus status, Instant lastEventAt) {}
