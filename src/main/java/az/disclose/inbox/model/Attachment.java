package az.disclose.inbox.model;

/**
 * A file that came with a request, kept byte for byte.
 *
 * @param rawOffset where {@code bytes} begin in the request's raw bytes ({@link Submission#raw()})
 *     when the file is a slice of them (a web form's upload: the register then stores the bytes once,
 *     as a place in the raw body); -1 when the file stands on its own (mail attachments, decoded from
 *     their transfer encoding, and the officers' answers)
 */
public record Attachment(String fileName, String contentType, byte[] bytes, long rawOffset) {

  public Attachment {
    if (rawOffset < -1) {
      throw new IllegalArgumentException("rawOffset must be -1 or an offset, not " + rawOffset);
    }
  }

  /** A file of its own. */
  public Attachment(String fileName, String contentType, byte[] bytes) {
    this(fileName, contentType, bytes, -1);
  }

  /** A file that is {@code bytes.length} bytes of the request's raw bytes from {@code rawOffset}. */
  public static Attachment slice(String fileName, String contentType, byte[] bytes, long rawOffset) {
    return new Attachment(fileName, contentType, bytes, rawOffset);
  }

  public boolean isSlice() {
    return rawOffset >= 0;
  }
}
