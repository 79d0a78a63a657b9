package az.disclose.inbox;

import az.disclose.calendar.DeadlineRule;
import az.disclose.calendar.DeadlineRules;
import az.disclose.yaml.Fields;
import az.disclose.yaml.Node;
import az.disclose.yaml.Problem;
import az.disclose.yaml.ProblemsException;
import az.disclose.yaml.YamlReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads {@code disclose.yaml}; every problem is reported with file:line before anything starts.
 *
 * <pre>
 * number_prefix: SEN          # SEN-2026-00042
 * data_dir: data              # relative to this file's directory
 * retention_days: 365         # at least 365 (rule 5.2 of the order)
 * min_free_disk_mb: 256       # below this free in the SQLite database's directory, submissions are refused
 * time_zone: Asia/Baku
 * database:
 *   url: jdbc:postgresql://db.example/disclose   # default: SQLite file data_dir/disclose.db
 *   user: disclose                               # password: environment variable DISCLOSE_DB_PASSWORD
 *   busy_timeout_ms: 30000                       # SQLite: wait for another process's write lock
 * deadlines:
 *   extension:
 *     amount: 7
 *     unit: working_days      # working_days | hours
 *     legal_basis: "..."      # default: the article text of the default rule
 * </pre>
 *
 * The sections {@code web} and {@code mail} belong to other parts of disclose and are not read here.
 */
public final class InboxSettingsLoader {
  public static final String FILE_NAME = "disclose.yaml";
  /** Top-level sections read by other components, accepted here unread. */
  public static final Set<String> OTHER_SECTIONS = Set.of("web", "mail", "site", "console");

  private InboxSettingsLoader() {}

  /**
   * The settings of {@code file}, or the embedded defaults when {@code file} is {@code null}.
   * The password comes from {@code env}.
   */
  public static InboxSettings load(Path file, Map<String, String> env) throws ProblemsException {
    if (file == null) {
      return InboxSettings.defaults();
    }
    if (!Files.isRegularFile(file)) {
      throw new ProblemsException(List.of(new Problem(file, 0, "settings file not found")));
    }
    Node root = new YamlReader().readFile(file);
    List<Problem> problems = new ArrayList<>();
    Fields f = Fields.of(file, root, problems, "");
    String prefix = f.optionalText("number_prefix").map(String::trim).orElse(InboxSettings.DEFAULT_PREFIX);
    if (!InboxSettings.PREFIX.matcher(prefix).matches()) {
      f.problemAt("number_prefix", "'number_prefix' must be 1 to 10 capital Latin letters or digits, starting with a"
          + " letter (e.g. SEN), not '" + prefix + "'");
    }
    Path base = file.toAbsolutePath().getParent();
    Path dataDir = f.optionalText("data_dir").map(String::trim).map(d -> base.resolve(d).normalize())
        .orElse(base.resolve(InboxSettings.DEFAULT_DATA_DIRECTORY));
    int retention = f.intValue("retention_days", InboxSettings.MIN_RETENTION_DAYS, Integer.MIN_VALUE, 100_000);
    if (retention < InboxSettings.MIN_RETENTION_DAYS) {
      f.problemAt("retention_days", InboxSettings.retentionMessage(retention));
    }
    long minFree = f.intValue("min_free_disk_mb", (int) InboxSettings.DEFAULT_MIN_FREE_DISK_MB, 0, 1_000_000);
    ZoneId zone = az.disclose.calendar.Deadline.BAKU;
    Optional<String> zoneText = f.optionalText("time_zone");
    if (zoneText.isPresent()) {
      try {
        zone = ZoneId.of(zoneText.get().trim());
      } catch (DateTimeException e) {
        f.problemAt("time_zone", "'time_zone' is not a time zone id (e.g. Asia/Baku): '" + zoneText.get() + "'");
      }
    }
    String url = InboxSettings.sqliteUrl(dataDir);
    String user = "";
    int busyTimeout = InboxSettings.DEFAULT_BUSY_TIMEOUT_MS;
    Optional<Fields> db = f.child("database");
    if (db.isPresent()) {
      Fields d = db.get();
      Optional<String> u = d.optionalText("url").map(String::trim);
      if (u.isPresent()) {
        if (u.get().startsWith("jdbc:postgresql:") || u.get().startsWith("jdbc:sqlite:")) {
          url = u.get();
        } else {
          d.problemAt("url", "'url' must be a jdbc:postgresql:// or jdbc:sqlite: URL, not '" + u.get() + "'");
        }
      }
      user = d.optionalText("user").map(String::trim).orElse("");
      busyTimeout = d.intValue("busy_timeout_ms", InboxSettings.DEFAULT_BUSY_TIMEOUT_MS,
          InboxSettings.MIN_BUSY_TIMEOUT_MS, InboxSettings.MAX_BUSY_TIMEOUT_MS);
      if (d.has("password")) {
        d.problemAt("password", "'password' does not belong in a file: set the environment variable "
            + InboxSettings.PASSWORD_ENV + " instead");
        d.optionalText("password");
      }
      d.rejectUnknownKeys();
    }
    List<DeadlineRule> rules = new ArrayList<>(DeadlineRules.defaults());
    f.child("deadlines").ifPresent(d -> readRules(file, d, rules, problems));
    for (String other : OTHER_SECTIONS) {
      f.child(other);
    }
    f.rejectUnknownKeys();
    if (!problems.isEmpty()) {
      throw new ProblemsException(problems);
    }
    String password = env.getOrDefault(InboxSettings.PASSWORD_ENV, "");
    return new InboxSettings(prefix, dataDir, url, user, password, retention, rules, zone, file, minFree, busyTimeout);
  }

  /** {@code disclose.yaml} in the working directory when present, else the embedded defaults. */
  public static InboxSettings loadDefault(Map<String, String> env) throws ProblemsException {
    Path file = Path.of(FILE_NAME);
    return load(Files.isRegularFile(file) ? file : null, env);
  }

  private static void readRules(Path file, Fields deadlines, List<DeadlineRule> rules, List<Problem> problems) {
    for (String id : InboxSettings.RULE_IDS) {
      Optional<Fields> r = deadlines.child(id);
      if (r.isEmpty()) {
        continue;
      }
      Fields rf = r.get();
      DeadlineRule old = DeadlineRules.find(rules, id).orElseThrow();
      int amount = rf.intValue("amount", old.amount(), 1, 10_000);
      DeadlineRule.Unit unit = old.unit();
      Optional<String> unitText = rf.optionalText("unit").map(String::trim);
      if (unitText.isPresent()) {
        switch (unitText.get()) {
          case "working_days" -> unit = DeadlineRule.Unit.WORKING_DAYS;
          case "hours" -> unit = DeadlineRule.Unit.HOURS;
          default -> rf.problemAt("unit", "'unit' must be working_days or hours, not '" + unitText.get() + "'");
        }
      }
      String basis = rf.optionalText("legal_basis").map(String::trim).filter(s -> !s.isEmpty()).orElse(old.legalBasis());
      rf.rejectUnknownKeys();
      DeadlineRule replacement = new DeadlineRule(id, amount, unit, basis);
      rules.replaceAll(x -> x.id().equals(id) ? replacement : x);
    }
    deadlines.rejectUnknownKeys();
  }
}
