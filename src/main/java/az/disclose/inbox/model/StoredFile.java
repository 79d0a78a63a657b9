package az.disclose.inbox.model;

/**
 * What a page needs to list an attachment row, without its bytes: a status or console page lists a
 * request's files by name and size and reads the bytes of one file only when it is downloaded.
 *
 * @param position the row's position among the request's files, the key of {@code file(number, position)}
 * @param role {@link StoredAttachment#REQUEST} or {@link StoredAttachment#ANSWER}
 * @param historyId the answer event it belongs to, or 0 for the request's own files
 * @param size the file's length in bytes
 */
public record StoredFile(int position, String role, long historyId, String fileName, String contentType, long size) {}
