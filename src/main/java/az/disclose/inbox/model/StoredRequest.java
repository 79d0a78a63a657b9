package az.disclose.inbox.model;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One row of the requests table without its raw bytes: the request as received and its current
 * state (status and due date, kept in step with the history).
 */
public record StoredRequest(
    String number,
    int year,
    int sequence,
    Channel channel,
    RequestType type,
    Urgency urgency,
    String name,
    String email,
    String subject,
    String message,
    String language,
    String rawContentType,
    String remoteAddress,
    String statusToken,
    Instant registeredAt,
    RequestStatus status,
    String deadlineRule,
    LocalDate dueDate,
    Instant dueAt) {}
