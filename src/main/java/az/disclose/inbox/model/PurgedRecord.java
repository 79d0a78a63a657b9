package az.disclose.inbox.model;

import java.time.Instant;

/** A request removed by purge: its number and dates (kept in the purge log). */
public record PurgedRecord(String number, Instant registeredAt, Instant lastEventAt) {}
