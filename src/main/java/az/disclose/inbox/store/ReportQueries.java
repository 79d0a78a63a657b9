package az.disclose.inbox.store;

import az.disclose.inbox.StoreException;
import az.disclose.inbox.model.Channel;
import az.disclose.inbox.model.EventKind;
import az.disclose.inbox.model.RequestStatus;
import az.disclose.inbox.model.RequestType;
import az.disclose.inbox.model.Urgency;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import javax.sql.DataSource;

/**
 * Read-only queries for the reports (package {@code az.disclose.report}): what the monthly FOI
 * report counts, and nothing else — no name, address, subject or text of a request, except the legal
 * ground of a refusal. The same SQL on SQLite and PostgreSQL, bind parameters only. Reads the
 * register's pool ({@link JdbcRequestStore#dataSource()}) and never writes. Thread-safe.
 */
public final class ReportQueries {
  private final DataSource pool;

  public ReportQueries(JdbcRequestStore store) {
    this.pool = Objects.requireNonNull(store, "store").dataSource();
  }

  /**
   * One request that was alive during a period: registered before its end and not closed before its
   * start. {@code closedBy}/{@code closedAt} are its closing event (answered, refused or forwarded;
   * a request is closed once), empty while it is open; {@code refusalGround} is the text of a
   * refusal event ({@code "refused: <ground>"}), empty otherwise. {@code dueAt} is the due time in
   * force now (after any extension).
   */
  public record ReportRow(String number, int year, int sequence, Channel channel, RequestType type, Urgency urgency,
      Instant registeredAt, Instant dueAt, RequestStatus status, Optional<EventKind> closedBy,
      Optional<Instant> closedAt, String refusalGround, String unit) {
    /** A row of a request not assigned to any unit. */
    public ReportRow(String number, int year, int sequence, Channel channel, RequestType type, Urgency urgency,
        Instant registeredAt, Instant dueAt, RequestStatus status, Optional<EventKind> closedBy,
        Optional<Instant> closedAt, String refusalGround) {
      this(number, year, sequence, channel, type, urgency, registeredAt, dueAt, status, closedBy, closedAt,
          refusalGround, "");
    }

    /** The same row, assigned to {@code unitId} ("" for none). */
    public ReportRow withUnit(String unitId) {
      return new ReportRow(number, year, sequence, channel, type, urgency, registeredAt, dueAt, status, closedBy,
          closedAt, refusalGround, unitId == null ? "" : unitId);
    }
  }

  /** The events that close a request (a reopened one may close again: the report counts its latest close). */
  public static final List<EventKind> CLOSING = List.of(EventKind.ANSWERED, EventKind.REFUSED, EventKind.FORWARDED,
      EventKind.WITHDRAWN);

  /** An event of a request, without its text. */
  public record ReportEvent(String number, EventKind kind, Instant at) {}

  /** The sequence numbers of one year present in the register, and those purged, within a range. */
  public record Numbers(int year, TreeSet<Integer> present, TreeSet<Integer> purged) {}

  /** A purged request: its number's year and sequence, and when it was registered. */
  public record PurgedNumber(int year, int sequence, Instant registeredAt) {}

  /**
   * Every request registered before {@code to} and not closed before {@code from}, in no particular
   * order (a reopened request can appear more than once: {@code MonthlyCalculator} keeps its latest
   * state): those closed since {@code from} (found from their closing events: one pass over the
   * history, then a look-up by number — {@code CROSS JOIN} keeps SQLite from probing the history
   * once per request of the whole register instead) and those still open (by the status index).
   * A request closed, reopened and closed again has a row per closing event since {@code from}, and one
   * more when it is open now; the calculator keeps one row per request.
   */
  public List<ReportRow> aliveBetween(Instant from, Instant to) throws StoreException {
    List<String> open = java.util.Arrays.stream(RequestStatus.values()).filter(RequestStatus::open)
        .map(RequestStatus::key).toList();
    String columns = "r.number, r.year, r.sequence, r.channel, r.type, r.urgency, r.registered_at, r.due_at, r.status";
    // the unit from request_queue (migration V10); a request without a queue row counts as unassigned
    String sql = "SELECT " + columns + ", c.kind, c.at, CASE WHEN c.kind = ? THEN c.text ELSE '' END,"
        + " (SELECT q.unit FROM request_queue q WHERE q.number = r.number)"
        + " FROM history c CROSS JOIN requests r"
        + " WHERE r.number = c.request_number AND c.kind IN (?, ?, ?, ?) AND c.at >= ? AND r.registered_at < ?"
        + " UNION ALL"
        + " SELECT " + columns + ", NULL, NULL, '', (SELECT q.unit FROM request_queue q WHERE q.number = r.number)"
        + " FROM requests r WHERE r.status IN (" + String.join(", ", open.stream().map(s -> "?").toList()) + ")"
        + " AND r.registered_at < ?";
    return read(c -> {
      try (PreparedStatement p = c.prepareStatement(sql)) {
        int i = 0;
        p.setString(++i, EventKind.REFUSED.name());
        p.setString(++i, EventKind.ANSWERED.name());
        p.setString(++i, EventKind.REFUSED.name());
        p.setString(++i, EventKind.FORWARDED.name());
        p.setString(++i, EventKind.WITHDRAWN.name());
        p.setLong(++i, from.toEpochMilli());
        p.setLong(++i, to.toEpochMilli());
        for (String s : open) {
          p.setString(++i, s);
        }
        p.setLong(++i, to.toEpochMilli());
        p.setFetchSize(10_000);
        List<ReportRow> out = new ArrayList<>();
        try (ResultSet r = p.executeQuery()) {
          while (r.next()) {
            String kind = r.getString(10);
            long at = r.getLong(11);
            boolean closed = kind != null;
            out.add(new ReportRow(r.getString(1), r.getInt(2), r.getInt(3), Channel.valueOf(r.getString(4)),
                RequestType.ofKey(r.getString(5)).orElseThrow(() -> unknown("type", r)),
                Urgency.ofKey(r.getString(6)).orElseThrow(() -> unknown("urgency", r)),
                Instant.ofEpochMilli(r.getLong(7)), Instant.ofEpochMilli(r.getLong(8)),
                JdbcRequestStore.status(r.getString(9)),
                closed ? Optional.of(EventKind.valueOf(kind)) : Optional.empty(),
                closed ? Optional.of(Instant.ofEpochMilli(at)) : Optional.empty(),
                closed ? r.getString(12) : "", r.getString(13) == null ? "" : r.getString(13)));
          }
        }
        return out;
      }
    });
  }

  /** The events of the given kinds that happened in {@code [from, to)}, in time order. */
  public List<ReportEvent> eventsBetween(Instant from, Instant to, List<EventKind> kinds) throws StoreException {
    if (kinds.isEmpty()) {
      return List.of();
    }
    String sql = "SELECT request_number, kind, at FROM history WHERE at >= ? AND at < ? AND kind IN ("
        + String.join(", ", kinds.stream().map(k -> "?").toList()) + ") ORDER BY at, id";
    return read(c -> {
      try (PreparedStatement p = c.prepareStatement(sql)) {
        p.setLong(1, from.toEpochMilli());
        p.setLong(2, to.toEpochMilli());
        for (int i = 0; i < kinds.size(); i++) {
          p.setString(3 + i, kinds.get(i).name());
        }
        List<ReportEvent> out = new ArrayList<>();
        try (ResultSet r = p.executeQuery()) {
          while (r.next()) {
            out.add(new ReportEvent(r.getString(1), EventKind.valueOf(r.getString(2)), Instant.ofEpochMilli(r.getLong(3))));
          }
        }
        return out;
      }
    });
  }

  /** The requests purged by retention that were registered in {@code [from, to)}. */
  public List<PurgedNumber> purgedBetween(Instant from, Instant to) throws StoreException {
    return read(c -> {
      try (PreparedStatement p = c.prepareStatement(
          "SELECT number, registered_at FROM purged WHERE registered_at >= ? AND registered_at < ? ORDER BY number")) {
        p.setLong(1, from.toEpochMilli());
        p.setLong(2, to.toEpochMilli());
        List<PurgedNumber> out = new ArrayList<>();
        try (ResultSet r = p.executeQuery()) {
          while (r.next()) {
            Optional<int[]> yearSeq = parse(r.getString(1));
            if (yearSeq.isPresent()) {
              out.add(new PurgedNumber(yearSeq.get()[0], yearSeq.get()[1], Instant.ofEpochMilli(r.getLong(2))));
            }
          }
        }
        return out;
      }
    });
  }

  /**
   * Which sequence numbers of {@code year} from {@code low} to {@code high} (inclusive) the register
   * holds, whenever they were registered, and which were purged.
   */
  public Numbers numbers(int year, int low, int high) throws StoreException {
    return read(c -> {
      TreeSet<Integer> present = new TreeSet<>();
      try (PreparedStatement p = c.prepareStatement(
          "SELECT sequence FROM requests WHERE year = ? AND sequence >= ? AND sequence <= ?")) {
        p.setInt(1, year);
        p.setInt(2, low);
        p.setInt(3, high);
        try (ResultSet r = p.executeQuery()) {
          while (r.next()) {
            present.add(r.getInt(1));
          }
        }
      }
      TreeSet<Integer> purged = new TreeSet<>();
      try (PreparedStatement p = c.prepareStatement("SELECT number FROM purged")) {
        try (ResultSet r = p.executeQuery()) {
          while (r.next()) {
            parse(r.getString(1)).filter(n -> n[0] == year && n[1] >= low && n[1] <= high)
                .ifPresent(n -> purged.add(n[1]));
          }
        }
      }
      return new Numbers(year, present, purged);
    });
  }

  /** {@code PREFIX-2026-00042} as {year, sequence}; empty for anything else. */
  static Optional<int[]> parse(String number) {
    String[] parts = number == null ? new String[0] : number.split("-");
    if (parts.length < 3) {
      return Optional.empty();
    }
    try {
      return Optional.of(new int[] {Integer.parseInt(parts[parts.length - 2]), Integer.parseInt(parts[parts.length - 1])});
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  @FunctionalInterface
  private interface Read<T> {
    T run(Connection c) throws SQLException;
  }

  private <T> T read(Read<T> work) throws StoreException {
    try (Connection c = pool.getConnection()) {
      return work.run(c);
    } catch (SQLException e) {
      throw new StoreException("database read failed: " + e.getMessage(), e);
    }
  }

  private static IllegalStateException unknown(String column, ResultSet r) {
    try {
      return new IllegalStateException("unknown " + column + " '" + r.getString(column) + "' in the database");
    } catch (SQLException e) {
      return new IllegalStateException("unknown " + column, e);
    }
  }
}
