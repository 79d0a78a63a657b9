package az.disclose.content;

import java.util.List;

/**
 * Everything loaded from the content directory, validated.
 *
 * @param news newest first (by date, then slug)
 */
public record Content(List<NewsItem> news, List<Page> pages, List<Document> documents, Plan plan, Commission commission) {}
