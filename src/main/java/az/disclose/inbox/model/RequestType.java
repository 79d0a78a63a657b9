package az.disclose.inbox.model;

/**
 * What a request is. Information requests fall under the Law "On the right to obtain information"
 * (2005); the others are appeals under the Law "On citizens' appeals" (2015).
 */
public enum RequestType {
  INFORMATION("information", Regime.INFORMATION),
  PROPOSAL("proposal", Regime.APPEAL),
  COMPLAINT("complaint", Regime.APPEAL),
  QUESTION("question", Regime.APPEAL),
  CONSULTATION_COMMENT("consultation-comment", Regime.APPEAL);

  /**
   * The law a request falls under, which decides its periods: {@link #INFORMATION} the Law "On the
   * right to obtain information" (2005; urgencies of art. 24.2-24.3, extension by art. 24.4),
   * {@link #APPEAL} the Law "On citizens' appeals" (2015; always normal urgency).
   */
  public enum Regime {
    INFORMATION("information"),
    APPEAL("appeal");

    private final String key;

    Regime(String key) {
      this.key = key;
    }

    /** The regime's part of message keys ({@code inbox.basis.<key>...}). */
    public String key() {
      return key;
    }

    /** Whether a requester may ask for a shortened period (art. 24.2-24.3): information requests only. */
    public boolean allowsUrgency() {
      return this == INFORMATION;
    }
  }

  private final String key;
  private final Regime regime;

  RequestType(String key, Regime regime) {
    this.key = key;
    this.regime = regime;
  }

  /** The law this type of request falls under. */
  public Regime regime() {
    return regime;
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
