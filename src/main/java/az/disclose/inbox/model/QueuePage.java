package az.disclose.inbox.model;

import java.util.List;

/**
 * One page of a queue: at most {@link QueueQuery#PAGE_SIZE} rows, and how many match in all; for a
 * text search with more than {@link QueueQuery#MAX_SEARCH_COUNT} hits, {@code total} is that many
 * and {@code more} is true (the hits are not all counted).
 */
public record QueuePage(QueueQuery query, List<QueueRow> rows, long total, boolean more) {
  public QueuePage {
    rows = List.copyOf(rows);
  }

  /** A page with an exact total. */
  public QueuePage(QueueQuery query, List<QueueRow> rows, long total) {
    this(query, rows, total, false);
  }

  /** The pages known: those of {@code total}; with {@code more}, at least one past a full page. */
  public long pages() {
    long known = Math.max(1, (total + QueueQuery.PAGE_SIZE - 1) / QueueQuery.PAGE_SIZE);
    return more && rows.size() == QueueQuery.PAGE_SIZE ? Math.max(known, query.page() + 1) : known;
  }
}
