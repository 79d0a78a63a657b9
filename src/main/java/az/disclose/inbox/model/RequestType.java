package az.disclose.inbox.model;

/**
 * What a request is. Information requests fall under the Law "On the right to obtain information"
 * (2005); the others are appeals under the Law "On citizens' appeals" (2015).
 */
public enum RequestType {
  INFORMATION("information"),
  PROPOSAL("proposal"),
  COMPLAINT("complaint"),
  QUESTION("question"),
  CONSULTATION_COMMENT("consultation-comment");

  private final String key;

  RequestType(String key) {
    this.key = key;
  }

  /** The value used in forms, JSON, the database and message keys. */
  public String key() {
    return key;
  }

  public static java.util.Optional<RequestType> ofKey(String key) {
    for (RequestType t : values()) {
      if (t.key.equals(key)) {
        return java.util.Optional.of(t);
      }
    }
    return java.util.Optional.empty();
  }
}
