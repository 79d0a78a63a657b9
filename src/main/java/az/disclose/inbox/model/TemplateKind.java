package az.disclose.inbox.model;

import java.util.Optional;

/** What a template of an answer or notice is for (docs/register.md, "Templates"). */
public enum TemplateKind {
  ACKNOWLEDGE("acknowledge"),
  EXTEND("extend"),
  FORWARD("forward"),
  CLARIFY("clarify"),
  /** A refusal: one template per legal ground. */
  REFUSE("refuse"),
  ANSWER("answer");

  private final String key;

  TemplateKind(String key) {
    this.key = key;
  }

  public String key() {
    return key;
  }

  public static Optional<TemplateKind> ofKey(String key) {
    for (TemplateKind k : values()) {
      if (k.key.equals(key)) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }
}
