package az.disclose.inbox;

import az.disclose.calendar.Deadline;
import az.disclose.calendar.DeadlineRule;
import az.disclose.calendar.DeadlineRules;
import az.disclose.inbox.model.RequestType;
import az.disclose.inbox.model.Urgency;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The register's settings (from {@code disclose.yaml}, see {@link InboxSettingsLoader}); immutable
 * and valid by construction.
 *
 * @param numberPrefix the first part of every number, e.g. {@code SEN} in {@code SEN-2026-00042}
 * @param dataDirectory where the embedded SQLite database (and other inbox data) lives
 * @param databaseUrl a {@code jdbc:sqlite:} or {@code jdbc:postgresql:} URL
 * @param databaseUser PostgreSQL user, empty for SQLite or for the driver's default
 * @param databasePassword from the environment variable {@value #PASSWORD_ENV}, never from a file
 * @param retentionDays how long records are kept at least; never less than {@value #MIN_RETENTION_DAYS}
 * @param deadlineRules the statutory periods by rule id (defaults: {@link DeadlineRules#defaults()})
 * @param zone the zone of registration dates, numbers' years and due dates
 * @param source the settings file, or {@code null} for the embedded defaults
 * @param minFreeDiskMb below this many MiB free in the SQLite database's directory, new submissions
 *     are refused (503) before the disk is full; 0 turns the check off (not checked on PostgreSQL)
 * @param busyTimeoutMs how long an SQLite writer waits for another process's write lock before its
 *     transaction fails (and the submission is refused)
 */
public record InboxSettings(
    String numberPrefix,
    Path dataDirectory,
    String databaseUrl,
    String databaseUser,
    String databasePassword,
    int retentionDays,
    List<DeadlineRule> deadlineRules,
    ZoneId zone,
    Path source,
    long minFreeDiskMb,
    int busyTimeoutMs) {

  public static final String DEFAULT_PREFIX = "SEN";
  public static final Path DEFAULT_DATA_DIRECTORY = Path.of("data");
  public static final int MIN_RETENTION_DAYS = 365;
  public static final String PASSWORD_ENV = "DISCLOSE_DB_PASSWORD";
  /** Default of {@code min_free_disk_mb}: room for a few of the largest submissions and the WAL. */
  public static final long DEFAULT_MIN_FREE_DISK_MB = 256;
  /** Default of {@code database.busy_timeout_ms} (SQLite). */
  public static final int DEFAULT_BUSY_TIMEOUT_MS = 30_000;
  /** Bounds of {@code database.busy_timeout_ms}. */
  public static final int MIN_BUSY_TIMEOUT_MS = 100;
  public static final int MAX_BUSY_TIMEOUT_MS = 600_000;
  public static final Pattern PREFIX = Pattern.compile("[A-Z][A-Z0-9]{0,9}");
  /** What the retention rule says, for every message that refuses a shorter one. */
  public static final String RETENTION_RULE =
      "rule 5.2 of the ministry's order: requests and the answers to them are archived and kept at least one year";

  public InboxSettings {
    Objects.requireNonNull(numberPrefix, "numberPrefix");
    Objects.requireNonNull(dataDirectory, "dataDirectory");
    Objects.requireNonNull(databaseUrl, "databaseUrl");
    databaseUser = databaseUser == null ? "" : databaseUser;
    databasePassword = databasePassword == null ? "" : databasePassword;
    deadlineRules = List.copyOf(deadlineRules);
    Objects.requireNonNull(zone, "zone");
    if (!PREFIX.matcher(numberPrefix).matches()) {
      throw new IllegalArgumentException("number_prefix must be 1-10 capital Latin letters or digits starting"
          + " with a letter, not '" + numberPrefix + "'");
    }
    if (retentionDays < MIN_RETENTION_DAYS) {
      throw new IllegalArgumentException(retentionMessage(retentionDays));
    }
    if (!databaseUrl.startsWith("jdbc:sqlite:") && !databaseUrl.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException("database url must start with jdbc:sqlite: or jdbc:postgresql:, not '"
          + databaseUrl + "'");
    }
    if (minFreeDiskMb < 0) {
      throw new IllegalArgumentException("min_free_disk_mb must be 0 (no check) or more, not " + minFreeDiskMb);
    }
    if (busyTimeoutMs < MIN_BUSY_TIMEOUT_MS || busyTimeoutMs > MAX_BUSY_TIMEOUT_MS) {
      throw new IllegalArgumentException("database.busy_timeout_ms must be between " + MIN_BUSY_TIMEOUT_MS + " and "
          + MAX_BUSY_TIMEOUT_MS + ", not " + busyTimeoutMs);
    }
    for (String id : RULE_IDS) {
      if (DeadlineRules.find(deadlineRules, id).isEmpty()) {
        throw new IllegalArgumentException("deadline rule '" + id + "' is missing");
      }
    }
  }

  /** The rule ids the register uses. */
  public static final List<String> RULE_IDS = DeadlineRules.defaults().stream().map(DeadlineRule::id).toList();

  static String retentionMessage(int days) {
    return "retention_days is " + days + ", but records must be kept at least " + MIN_RETENTION_DAYS
        + " days (" + RETENTION_RULE + "); set retention_days to " + MIN_RETENTION_DAYS + " or more";
  }

  /** The embedded defaults: prefix SEN, SQLite in {@code data/disclose.db}, 365 days, Asia/Baku. */
  public static InboxSettings defaults() {
    return defaults(DEFAULT_DATA_DIRECTORY);
  }

  /** The embedded defaults with the data (and the SQLite database) in {@code dataDirectory}. */
  public static InboxSettings defaults(Path dataDirectory) {
    return new InboxSettings(DEFAULT_PREFIX, dataDirectory, sqliteUrl(dataDirectory), "", "",
        MIN_RETENTION_DAYS, DeadlineRules.defaults(), Deadline.BAKU, null, DEFAULT_MIN_FREE_DISK_MB, DEFAULT_BUSY_TIMEOUT_MS);
  }

  public static String sqliteUrl(Path dataDirectory) {
    return "jdbc:sqlite:" + dataDirectory.resolve("disclose.db");
  }

  public boolean isPostgres() {
    return databaseUrl.startsWith("jdbc:postgresql:");
  }

  public boolean isSqlite() {
    return databaseUrl.startsWith("jdbc:sqlite:");
  }

  /** The rule with {@code id}; every id of {@link #RULE_IDS} is present. */
  public DeadlineRule rule(String id) {
    return DeadlineRules.find(deadlineRules, id)
        .orElseThrow(() -> new IllegalArgumentException("no deadline rule '" + id + "'"));
  }

  /** The rule that sets the first due date of a request of {@code type} and {@code urgency}. */
  public DeadlineRule ruleFor(RequestType type, Urgency urgency) {
    if (type.regime() != RequestType.Regime.INFORMATION) {
      return rule(DeadlineRules.APPEAL);
    }
    return switch (urgency == null ? Urgency.NORMAL : urgency) {
      case NORMAL -> rule(DeadlineRules.INFO_REQUEST);
      case LOSES_RELEVANCE -> rule(DeadlineRules.LOSES_RELEVANCE);
      case THREAT_TO_LIFE -> rule(DeadlineRules.THREAT_TO_LIFE);
    };
  }

  public InboxSettings withDatabase(String url, String user, String password) {
    return new InboxSettings(numberPrefix, dataDirectory, url, user, password, retentionDays, deadlineRules, zone, source,
        minFreeDiskMb, busyTimeoutMs);
  }

  public InboxSettings withNumberPrefix(String prefix) {
    return new InboxSettings(prefix, dataDirectory, databaseUrl, databaseUser, databasePassword, retentionDays,
        deadlineRules, zone, source, minFreeDiskMb, busyTimeoutMs);
  }

  public InboxSettings withRetentionDays(int days) {
    return new InboxSettings(numberPrefix, dataDirectory, databaseUrl, databaseUser, databasePassword, days,
        deadlineRules, zone, source, minFreeDiskMb, busyTimeoutMs);
  }

  public InboxSettings withDeadlineRule(DeadlineRule rule) {
    List<DeadlineRule> rules = new java.util.ArrayList<>(deadlineRules);
    rules.removeIf(r -> r.id().equals(rule.id()));
    rules.add(rule);
    return new InboxSettings(numberPrefix, dataDirectory, databaseUrl, databaseUser, databasePassword, retentionDays,
        rules, zone, source, minFreeDiskMb, busyTimeoutMs);
  }

  public InboxSettings withMinFreeDiskMb(long mb) {
    return new InboxSettings(numberPrefix, dataDirectory, databaseUrl, databaseUser, databasePassword, retentionDays,
        deadlineRules, zone, source, mb, busyTimeoutMs);
  }

  public InboxSettings withBusyTimeoutMs(int ms) {
    return new InboxSettings(numberPrefix, dataDirectory, databaseUrl, databaseUser, databasePassword, retentionDays,
        deadlineRules, zone, source, minFreeDiskMb, ms);
  }

  /** {@link #minFreeDiskMb} in bytes. */
  public long minFreeDiskBytes() {
    return minFreeDiskMb * 1024 * 1024;
  }

  /**
   * The directory of the SQLite database file, whose free space the register watches; empty for
   * PostgreSQL (its disk is the database server's).
   */
  public java.util.Optional<Path> databaseDirectory() {
    if (!isSqlite()) {
      return java.util.Optional.empty();
    }
    String file = databaseUrl.substring("jdbc:sqlite:".length());
    int q = file.indexOf('?');
    if (q >= 0) {
      file = file.substring(0, q);
    }
    if (file.startsWith("file:")) {
      file = file.substring("file:".length());
    }
    if (file.isEmpty() || file.startsWith(":memory:")) {
      return java.util.Optional.empty();
    }
    Path parent = Path.of(file).toAbsolutePath().getParent();
    return java.util.Optional.ofNullable(parent);
  }

  /** Never shows the password. */
  @Override
  public String toString() {
    return "InboxSettings[prefix=" + numberPrefix + ", data=" + dataDirectory + ", database=" + databaseUrl
        + (databaseUser.isEmpty() ? "" : " as " + databaseUser) + ", password=" + (databasePassword.isEmpty() ? "none" : "***")
        + ", retentionDays=" + retentionDays + ", minFreeDiskMb=" + minFreeDiskMb + ", busyTimeoutMs=" + busyTimeoutMs
        + ", zone=" + zone + ", source=" + (source == null ? "embedded defaults" : source) + "]";
  }
}
