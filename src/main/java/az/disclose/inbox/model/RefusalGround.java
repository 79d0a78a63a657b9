package az.disclose.inbox.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A legal ground of refusal: the ground of its refusal templates (one per language), in use or
 * retired. A ground is never deleted; a retired one is no longer offered for new refusals.
 *
 * @param ground lower-case letters, digits and dashes ({@code state-secret})
 * @param languages the languages it has a template in
 * @param retired the last retirement (who, when) while it is retired; empty while in use
 * @param names its name in words by language ({@code az}, {@code en}), what requesters read; empty
 *     for a ground that has none (docs/register.md, "Refusal grounds")
 */
public record RefusalGround(String ground, java.util.List<String> languages, Optional<Change> retired,
    java.util.Map<String, String> names) {
  public RefusalGround {
    Objects.requireNonNull(ground, "ground");
    languages = java.util.List.copyOf(languages);
    Objects.requireNonNull(retired, "retired");
    names = java.util.Map.copyOf(names);
  }

  /** Its name in {@code language}, else in another language, else its key (for officers' pages only). */
  public String label(String language) {
    String n = names.get(language);
    if (n == null) {
      n = names.values().stream().sorted().findFirst().orElse(ground);
    }
    return n;
  }

  public boolean inUse() {
    return retired.isEmpty();
  }

  /** Who retired or reinstated a ground, and when. */
  public record Change(String actor, Instant at) {}
}
