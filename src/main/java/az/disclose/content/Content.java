package az.disclose.content;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Everything loaded from the content directory, validated — including what must not be published
 * (yet): see {@link #publishable}.
 *
 * @param news newest first (by date, then slug)
 * @param requestStatistics the inbox's published request statistics, when it has written them yet
 * @param reports the annual plan reports and the published FOI figures ({@code /reports/}); all of
 *     them here, only the approved annual reports in {@link #publishable}
 */
public record Content(List<NewsItem> news, List<Page> pages, List<Document> documents, Plan plan, Commission commission,
    Optional<RequestStatistics> requestStatistics, Reports reports) {

  /** Content without published reports (the shape before reports/ and data/foi/ existed). */
  public Content(List<NewsItem> news, List<Page> pages, List<Document> documents, Plan plan, Commission commission,
      Optional<RequestStatistics> requestStatistics) {
    this(news, pages, documents, plan, commission, requestStatistics, Reports.NONE);
  }

  /**
   * What the site may show on {@code today}: nothing marked confidential (rule 4.3 of the FOI
   * rules), and no news item or document dated after {@code today} (held back until its day).
   */
  public Content publishable(LocalDate today) {
    return new Content(
        news.stream().filter(n -> !n.confidential() && !n.date().isAfter(today)).toList(),
        pages.stream().filter(p -> !p.confidential()).toList(),
        documents.stream().filter(d -> !d.confidential() && !d.date().isAfter(today)).toList(),
        plan, commission, requestStatistics, reports.publishable(today));
  }

  /**
   * The first day after {@code today} on which a held-back item becomes publishable, if any: a news
   * item or document dated later, or an annual report approved with a later date.
   */
  public Optional<LocalDate> nextRelease(LocalDate today) {
    return Stream.concat(Stream.concat(
            news.stream().filter(n -> !n.confidential()).map(NewsItem::date),
            documents.stream().filter(d -> !d.confidential()).map(Document::date)),
            reports.annual().stream().filter(AnnualPlanReport::published).map(a -> a.approved().orElseThrow()))
        .filter(d -> d.isAfter(today))
        .min(LocalDate::compareTo);
  }
}
