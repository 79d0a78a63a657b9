package az.disclose.publish;

import java.util.Locale;

/** How bad a {@link Finding} is: errors fail {@code disclose check}; warnings only inform. */
public enum Severity {
  ERROR,
  WARNING;

  /** The lower-case name used in output ({@code error}, {@code warning}). */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
