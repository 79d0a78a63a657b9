package az.disclose.inbox.model;

/** How fast an information request must be answered (art. 24.1–24.3). Appeals are always NORMAL. */
public enum Urgency {
  /** 7 working days (art. 24.1). */
  NORMAL("normal"),
  /** 24 hours: the information would lose relevance (art. 24.2). */
  LOSES_RELEVANCE("relevance"),
  /** 48 hours: life, health or liberty is threatened (art. 24.3). */
  THREAT_TO_LIFE("life");

  private final String key;

  Urgency(String key) {
    this.key = key;
  }

  public String key() {
    return key;
  }

  public static java.util.Optional<Urgency> ofKey(String key) {
    for (Urgency u : values()) {
      if (u.key.equals(key)) {
        return java.util.Optional.of(u);
      }
    }
    return java.util.Optional.empty();
  }
}
