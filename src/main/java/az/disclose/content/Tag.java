package az.disclose.content;

/** A news tag as written ({@code name}) and its URL slug. */
public record Tag(String name, String slug) {
  public static Tag of(String name) {
    return new Tag(name.strip(), Slugs.of(name));
  }
}
