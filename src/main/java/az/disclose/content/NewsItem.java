package az.disclose.content;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A news item from {@code content/news/*.md}: its metadata (the front matter) and where its body
 * is. The accessors below read through to the metadata.
 */
public record NewsItem(NewsMeta meta, Body body) {

  public String slug() {
    return meta.slug();
  }

  public String title() {
    return meta.title();
  }

  /** The publication date. */
  public LocalDate date() {
    return meta.date();
  }

  /** The date of the event the item reports on, if given. */
  public Optional<LocalDate> eventDate() {
    return meta.eventDate();
  }

  public List<Tag> tags() {
    return meta.tags();
  }

  public String summary() {
    return meta.summary();
  }

  /** Marked {@code confidential: true}: never published (rule 4.3). */
  public boolean confidential() {
    return meta.confidential();
  }

  public String url() {
    return "/news/" + slug() + "/";
  }
}
