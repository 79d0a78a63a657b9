package az.disclose.content;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A news item from {@code content/news/*.md}.
 *
 * @param date the publication date
 * @param eventDate the date of the event the item reports on (rule 6 of the order: published at
 *     most three days after it)
 * @param confidential marked {@code confidential: true}: never published (rule 4.3)
 */
public record NewsItem(
    String slug,
    String title,
    LocalDate date,
    Optional<LocalDate> eventDate,
    List<Tag> tags,
    String summary,
    boolean confidential,
    Body body) {

  public String url() {
    return "/news/" + slug + "/";
  }
}
