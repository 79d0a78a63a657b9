package az.disclose.content;

import java.time.LocalDate;

/**
 * An official document (an order, rules) from {@code content/documents/*.md}.
 *
 * @param confidential marked {@code confidential: true}: never published (rule 4.3)
 */
public record Document(String slug, String title, LocalDate date, String number, String summary, boolean confidential,
    Body body) {
  public String url() {
    return "/documents/" + slug + "/";
  }
}
