package az.disclose.inbox;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * SQL with bind parameters on the tables of a component that joins the register's transactions
 * (the mail intake's {@code mail_messages}, {@code mail_quarantine} and {@code outbox}): the
 * component owns its statements, the store owns the connection. Parameters are bound by type:
 * {@link String}, {@link Long}, {@link Integer}, {@code byte[]} or {@code null}.
 */
public interface Tables {
  /** Runs an INSERT, UPDATE or DELETE (or a statement that returns no rows) and returns the rows changed. */
  int update(String sql, Object... parameters) throws SQLException;

  /** Runs a query and maps each row with {@code rows}, in the query's order. */
  <T> List<T> query(String sql, Rows<T> rows, Object... parameters) throws SQLException;

  /** The first row of a query, mapped with {@code rows}, or empty when there is none. */
  default <T> Optional<T> queryFirst(String sql, Rows<T> rows, Object... parameters) throws SQLException {
    List<T> all = query(sql, rows, parameters);
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
  }

  /** Maps one row. */
  @FunctionalInterface
  interface Rows<T> {
    T map(Row row) throws SQLException;
  }

  /** One row of a result; columns count from 1. */
  interface Row {
    String text(int column) throws SQLException;

    /** A whole number; 0 for SQL NULL (use {@link #optionalNumber} where NULL means something). */
    long number(int column) throws SQLException;

    Optional<Long> optionalNumber(int column) throws SQLException;

    byte[] bytes(int column) throws SQLException;
  }
}
