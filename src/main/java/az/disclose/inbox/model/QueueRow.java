package az.disclose.inbox.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * One line of a queue.
 *
 * @param workingDaysLeft working days from today to the due date (0 on the due day, negative when
 *     overdue); empty for a closed request
 */
public record QueueRow(
    String number,
    RequestType type,
    Channel channel,
    RequestStatus status,
    Instant registeredAt,
    LocalDate dueDate,
    Optional<Integer> workingDaysLeft,
    boolean overdue,
    Assignment assignment,
    String subject) {}
