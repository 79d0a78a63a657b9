package az.disclose.inbox.model;

import java.time.Instant;
import java.util.Optional;

/**
 * What the published statistics count of one request, and nothing else: no number, name, address
 * or text. {@code closedAt} is the time of its closing event (answered, refused or forwarded;
 * a request is closed once), empty while it is open.
 */
public record StatisticsRow(Channel channel, Instant registeredAt, RequestStatus status, Instant dueAt,
    Optional<Instant> closedAt) {}
