package az.disclose.inbox.model;

import java.time.Instant;
import java.util.Objects;

/**
 * One version of the text of an answer or notice.
 *
 * @param ground the legal ground of a refusal template; "" for every other kind
 * @param language "az" or "en"
 * @param version 1 for the seeded default, one more for each edit; the highest is in use
 * @param body the text with placeholders {@code {number}}, {@code {name}}, {@code {due}}
 * @param editedBy who saved this version ("system" for the seeded default)
 */
public record NoticeTemplate(TemplateKind kind, String ground, String language, int version, String body,
    String editedBy, Instant editedAt) {
  public NoticeTemplate {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(ground, "ground");
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(editedBy, "editedBy");
    Objects.requireNonNull(editedAt, "editedAt");
  }

  /** {@code refuse/state-secret/az}, {@code answer/en}: how the CLI and logs name it. */
  public String name() {
    return kind.key() + (ground.isEmpty() ? "" : "/" + ground) + "/" + language;
  }
}
