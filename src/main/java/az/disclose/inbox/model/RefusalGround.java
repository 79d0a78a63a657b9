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
 */
public record RefusalGround(String ground, java.util.List<String> languages, Optional<Change> retired) {
  public RefusalGround {
    Objects.requireNonNull(ground, "ground");
    languages = java.util.List.copyOf(languages);
    Objects.requireNonNull(retired, "retired");
  }

  public boolean inUse() {
    return retired.isEmpty();
  }

  /** Who retired or reinstated a ground, and when. */
  public record Change(String actor, Instant at) {}
}
