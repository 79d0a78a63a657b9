package az.disclose.inbox.model;

import java.util.List;

/** One page of a queue: at most {@link QueueQuery#PAGE_SIZE} rows, and how many match in all. */
public record QueuePage(QueueQuery query, List<QueueRow> rows, long total) {
  public QueuePage {
    rows = List.copyOf(rows);
  }

  public long pages() {
    return Math.max(1, (total + QueueQuery.PAGE_SIZE - 1) / QueueQuery.PAGE_SIZE);
  }
}
