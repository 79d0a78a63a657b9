package az.disclose.inbox.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;

/** A registered request as the register shows it (attachments by name and size only). */
public record RequestView(
    String number,
    Channel channel,
    RequestType type,
    Urgency urgency,
    String name,
    String email,
    String subject,
    String message,
    String language,
    Instant registeredAt,
    LocalDate dueDate,
    ZonedDateTime dueAt,
    RequestStatus status,
    List<AttachmentInfo> attachments,
    List<HistoryEvent> history) {

  public record AttachmentInfo(String fileName, String contentType, long size) {}
}
