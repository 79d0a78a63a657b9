package az.disclose.inbox.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A refusal as the register records it in the text of its {@link EventKind#REFUSED} event: the key of
 * its legal ground, the ground's name in words in each language as it was when the request was
 * refused, and the letter the officer wrote. The text is
 *
 * <pre>
 * refused on ground state-secret
 * az: Dövlət sirri təşkil edən məlumat
 * en: Information that is a state secret
 *
 * Hörmətli ...
 * </pre>
 *
 * <p>The requester's status page and notice read the name in their language from it, never the key;
 * the monthly report counts by the key. Refusals recorded before grounds had keys have the text
 * {@code refused: <ground in words>}: {@link #parse} gives them as {@link #legacy}.
 *
 * @param ground the ground's key ({@code state-secret}), or the words of a legacy refusal
 * @param names the ground's name by language ({@code az}, {@code en}); empty for a ground without names
 * @param letter the refusal letter as the officer wrote it ("" for a legacy refusal)
 * @param legacy a refusal recorded as {@code refused: <words>}
 */
public record Refusal(String ground, Map<String, String> names, String letter, boolean legacy) {
  static final String HEAD = "refused on ground ";
  static final String LEGACY_HEAD = "refused: ";

  public Refusal {
    Objects.requireNonNull(ground, "ground");
    names = Map.copyOf(names);
    Objects.requireNonNull(letter, "letter");
  }

  /** A refusal on the ground {@code ground} (a key) with its names and the officer's letter. */
  public static Refusal of(String ground, Map<String, String> names, String letter) {
    return new Refusal(ground, names, letter, false);
  }

  /** The event text (names on one line each: their line breaks become spaces). */
  public String text() {
    if (legacy) {
      return LEGACY_HEAD + ground;
    }
    StringBuilder b = new StringBuilder(HEAD).append(ground).append('\n');
    for (String language : new java.util.TreeMap<>(names).keySet()) {
      b.append(language).append(": ").append(names.get(language).replaceAll("\\s+", " ").strip()).append('\n');
    }
    return b.append('\n').append(letter.strip()).toString();
  }

  /** The ground's name in {@code language}, else in the other language; empty when it has none. */
  public Optional<String> name(String language) {
    String n = names.get(language);
    if (n == null || n.isBlank()) {
      n = names.values().stream().filter(s -> !s.isBlank()).sorted().findFirst().orElse(null);
    }
    return Optional.ofNullable(n);
  }

  /** The refusal recorded in an event's text; empty when the text is neither form. */
  public static Optional<Refusal> parse(String text) {
    String t = text == null ? "" : text.strip();
    if (t.startsWith(LEGACY_HEAD)) {
      return Optional.of(new Refusal(t.substring(LEGACY_HEAD.length()).strip(), Map.of(), "", true));
    }
    if (!t.startsWith(HEAD)) {
      return Optional.empty();
    }
    String[] lines = t.split("\n", -1);
    String ground = lines[0].substring(HEAD.length()).strip();
    Map<String, String> names = new LinkedHashMap<>();
    int i = 1;
    for (; i < lines.length && !lines[i].isBlank(); i++) {
      int colon = lines[i].indexOf(": ");
      if (colon > 0) {
        names.put(lines[i].substring(0, colon).strip(), lines[i].substring(colon + 2).strip());
      }
    }
    StringBuilder letter = new StringBuilder();
    for (i++; i < lines.length; i++) {
      letter.append(lines[i]).append(i + 1 < lines.length ? "\n" : "");
    }
    return Optional.of(new Refusal(ground, names, letter.toString().strip(), false));
  }
}
