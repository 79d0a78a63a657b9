package az.disclose.content;

import java.time.LocalDate;

/** An official document (an order, rules) from {@code content/documents/*.md}. */
public record Document(String slug, String title, LocalDate date, String number, String summary, Body body) {
  public String url() {
    return "/documents/" + slug + "/";
  }
}
