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
 * @param contact how to reach the ministry and its FOI officers (data/contact.yaml)
 * @param translations the second-language versions ({@code x.en.md}) of news, pages and documents,
 *     by their original's file ({@link Translation#key})
 * @param reports the annual plan reports and the published FOI figures ({@code /reports/}); all of
 *     them here, only the approved annual reports in {@link #publishable}
 */
public record Content(List<NewsItem> news, List<Page> pages, List<Document> documents, Plan plan, Commission commission,
    Optional<RequestStatistics> requestStatistics, Contact contact, java.util.Map<java.nio.file.Path, Translation> translations,
    Reports reports) {

  public Content {
    translations = java.util.Map.copyOf(translations);
  }

  /** Content without translations or published reports. */
  public Content(List<NewsItem> news, List<Page> pages, List<Document> documents, Plan plan, Commission commission,
      Optional<RequestStatistics> requestStatistics, Contact contact) {
    this(news, pages, documents, plan, commission, requestStatistics, contact, java.util.Map.of(), Reports.NONE);
  }

  /** The translation of the item whose file is {@code original}, if it has one. */
  public Optional<Translation> translation(java.nio.file.Path original) {
    return translations.isEmpty() ? Optional.empty() : Optional.ofNullable(translations.get(Translation.key(original)));
  }

  /** This content with {@code news} instead of its own (translations and reports kept). */
  public Content withNews(List<NewsItem> news) {
    return new Content(news, pages, documents, plan, commission, requestStatistics, contact, translations, reports);
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
        plan, commission, requestStatistics, contact, translations, reports.publishable(today));
  }

  /**
   * This content without the items and translations whose source file is in {@code held} (absolute,
   * normalised paths): what the build holds back because the publishing check found an error in
   * them. An item whose translation alone is held is shown untranslated in the second language.
   */
  public Content without(java.util.Set<java.nio.file.Path> held) {
    if (held.isEmpty()) {
      return this;
    }
    java.util.function.Predicate<Body> kept = b -> !held.contains(b.file().toAbsolutePath().normalize());
    return new Content(
        news.stream().filter(n -> kept.test(n.body())).toList(),
        pages.stream().filter(p -> kept.test(p.body())).toList(),
        documents.stream().filter(d -> kept.test(d.body())).toList(),
        plan, commission, requestStatistics, contact,
        translations.entrySet().stream().filter(t -> kept.test(t.getValue().body()))
            .collect(java.util.stream.Collectors.toMap(java.util.Map.Entry::getKey, java.util.Map.Entry::getValue)),
        reports);
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
