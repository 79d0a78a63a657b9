package az.disclose.inbox.model;


/**
 * An attachment row.
 *
 * @param role {@code request} (came with the request) or {@code answer} (sent by the officers)
 * @param historyId the event it belongs to (the answer), or 0 for the request's own attachments
 */
public record StoredAttachment(int position, String role, long historyId, Attachment attachment) {
  public static final String REQUEST = "request";
  public static final String ANSWER = "answer";
}
