package az.disclose.inbox.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;

/** One line of the officers' list, with its assignment to a unit. */
public record RequestSummary(
    String number,
    Channel channel,
    RequestType type,
    Urgency urgency,
    RequestStatus status,
    Instant registeredAt,
    LocalDate dueDate,
    ZonedDateTime dueAt,
    boolean overdue,
    String name,
    String subject,
    Assignment assignment) {}
