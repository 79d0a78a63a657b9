package az.disclose.content;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What a news item's front matter says: everything the site shows of it outside its own page's
 * text — the lists, the tag pages, the home page, the sitemap. Two items whose metadata are
 * {@code equal} look the same everywhere but on their own page (and in the feed, which carries the
 * text), which is how a rebuild knows that an edit touched the text alone.
 *
 * <p>A new front-matter key is a new component here; the build cache stores the components
 * generically (site.RecordCodec), so nothing else needs to learn of it.
 *
 * @param date the publication date
 * @param eventDate the date of the event the item reports on (rule 6 of the order: published at
 *     most three days after it)
 * @param confidential marked {@code confidential: true}: never published (rule 4.3)
 */
public record NewsMeta(
    String slug,
    String title,
    LocalDate date,
    Optional<LocalDate> eventDate,
    List<Tag> tags,
    String summary,
    boolean confidential) {}
