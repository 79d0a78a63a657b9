package az.disclose.inbox;

import az.disclose.inbox.model.NoticeTemplate;
import az.disclose.inbox.model.RefusalGround;
import az.disclose.inbox.model.TemplateKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The templates of answers and notices in the register's database (table {@code notice_templates},
 * migration V11): append-only versions, seeded from {@value #SEED}. Used through {@link
 * RegisterService}; placeholders are filled by {@link #fill}.
 */
final class NoticeTemplates {
  static final String SEED = "/az/disclose/inbox/notice-templates.properties";
  /** The refusal grounds' names in words, {@code GROUND.LANGUAGE=name} (docs/register.md, "Refusal grounds"). */
  static final String GROUND_NAMES = "/az/disclose/inbox/refusal-grounds.properties";
  /** The longest template body accepted, in characters. */
  static final int MAX_BODY = 20_000;
  /** The languages of the templates: Azerbaijani first, English second. */
  static final List<String> LANGUAGES = List.of("az", "en");
  /** The placeholders a template may use. */
  static final Set<String> PLACEHOLDERS = Set.of("number", "name", "due");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*)}");
  private static final Pattern GROUND = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
  private static final String COLUMNS = "kind, ground, language, version, body, edited_by, edited_at";

  private final RequestStore store;

  NoticeTemplates(RequestStore store) {
    this.store = store;
  }

  /** The seeded defaults, by {@code kind/ground/language} (fails loudly when the resource is broken). */
  static List<NoticeTemplate> defaults(Instant at) {
    Properties p = resource(SEED);
    List<NoticeTemplate> out = new ArrayList<>();
    for (String key : new TreeMap<>(p).keySet().stream().map(String::valueOf).toList()) {
      String[] parts = key.split("\\.");
      Optional<TemplateKind> kind = TemplateKind.ofKey(parts[0]);
      boolean refuse = kind.isPresent() && kind.get() == TemplateKind.REFUSE;
      if (kind.isEmpty() || parts.length != (refuse ? 3 : 2) || !LANGUAGES.contains(parts[parts.length - 1])) {
        throw new IllegalStateException(SEED + ": key '" + key + "' is not KIND.LANGUAGE or refuse.GROUND.LANGUAGE");
      }
      out.add(new NoticeTemplate(kind.get(), refuse ? parts[1] : "", parts[parts.length - 1], 1, p.getProperty(key),
          RegisterService.SYSTEM, at));
    }
    return out;
  }

  private static Properties resource(String name) {
    Properties p = new Properties();
    try (InputStream in = NoticeTemplates.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + name + ": " + e.getMessage(), e);
    }
    return p;
  }

  /** The names of the grounds, by ground and language (fails loudly when the resource is broken). */
  static Map<String, Map<String, String>> groundNames() {
    Properties p = resource(GROUND_NAMES);
    Map<String, Map<String, String>> out = new TreeMap<>();
    for (String key : p.stringPropertyNames()) {
      int dot = key.lastIndexOf('.');
      if (dot < 1 || !validGround(key.substring(0, dot)) || !LANGUAGES.contains(key.substring(dot + 1))
          || p.getProperty(key).isBlank()) {
        throw new IllegalStateException(GROUND_NAMES + ": key '" + key + "' is not GROUND.LANGUAGE with a name");
      }
      out.computeIfAbsent(key.substring(0, dot), k -> new TreeMap<>()).put(key.substring(dot + 1),
          p.getProperty(key).strip());
    }
    return out;
  }

  /** Stores version 1 of each default, and the default grounds' names, that are not in the database yet. */
  void seed(Instant at) throws StoreException {
    List<NoticeTemplate> defaults = defaults(at);
    Map<String, Map<String, String>> names = groundNames();
    store.<Void, RuntimeException>write(tx -> {
      for (NoticeTemplate t : defaults) {
        tx.update("INSERT INTO notice_templates (" + COLUMNS + ") VALUES (?, ?, ?, 1, ?, ?, ?)"
            + " ON CONFLICT (kind, ground, language, version) DO NOTHING",
            t.kind().key(), t.ground(), t.language(), t.body(), t.editedBy(), at.toEpochMilli());
      }
      for (Map.Entry<String, Map<String, String>> g : names.entrySet()) {
        for (Map.Entry<String, String> n : g.getValue().entrySet()) {
          tx.update("INSERT INTO refusal_ground_names (ground, language, name) VALUES (?, ?, ?)"
              + " ON CONFLICT (ground, language) DO NOTHING", g.getKey(), n.getKey(), n.getValue());
        }
      }
      return null;
    });
  }

  /** The version in use of every template, by kind, ground and language. */
  List<NoticeTemplate> current() throws StoreException {
    return store.read(t -> t.query("SELECT " + COLUMNS + " FROM notice_templates n WHERE version ="
        + " (SELECT MAX(m.version) FROM notice_templates m WHERE m.kind = n.kind AND m.ground = n.ground"
        + " AND m.language = n.language) ORDER BY kind, ground, language", NoticeTemplates::row));
  }

  /** Every version of one template, oldest first. */
  List<NoticeTemplate> versions(TemplateKind kind, String ground, String language) throws StoreException {
    return store.read(t -> t.query("SELECT " + COLUMNS + " FROM notice_templates WHERE kind = ? AND ground = ?"
        + " AND language = ? ORDER BY version", NoticeTemplates::row, kind.key(), ground, language));
  }

  /** Saves a new version of a template (the first of a new refusal ground is version 1). */
  NoticeTemplate save(TemplateKind kind, String ground, String language, String body, String actor, Instant at)
      throws StoreException {
    return store.<NoticeTemplate, RuntimeException>write(tx -> {
      long last = tx.queryFirst("SELECT MAX(version) FROM notice_templates WHERE kind = ? AND ground = ?"
          + " AND language = ?", r -> r.number(1), kind.key(), ground, language).orElse(0L);
      int version = (int) last + 1;
      tx.update("INSERT INTO notice_templates (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)", kind.key(), ground,
          language, version, body, actor, at.toEpochMilli());
      return new NoticeTemplate(kind, ground, language, version, body, actor, at);
    });
  }

  /** Every refusal ground (those of the refusal templates), by name, in use or retired. */
  List<RefusalGround> grounds() throws StoreException {
    return store.read(t -> {
      Map<String, List<String>> languages = new TreeMap<>();
      for (List<String> g : t.query("SELECT DISTINCT ground, language FROM notice_templates WHERE kind = 'refuse'"
          + " ORDER BY ground, language", r -> List.of(r.text(1), r.text(2)))) {
        languages.computeIfAbsent(g.get(0), k -> new ArrayList<>()).add(g.get(1));
      }
      Map<String, RefusalGround.Change> retired = new TreeMap<>();
      for (Object[] c : t.query("SELECT ground, change, actor, at FROM refusal_ground_changes c WHERE id ="
          + " (SELECT MAX(m.id) FROM refusal_ground_changes m WHERE m.ground = c.ground)",
          r -> new Object[] {r.text(1), r.text(2), r.text(3), r.number(4)})) {
        if (c[1].equals("retired")) {
          retired.put((String) c[0], new RefusalGround.Change((String) c[2], Instant.ofEpochMilli((Long) c[3])));
        }
      }
      Map<String, Map<String, String>> names = new TreeMap<>();
      for (List<String> n : t.query("SELECT ground, language, name FROM refusal_ground_names ORDER BY ground, language",
          r -> List.of(r.text(1), r.text(2), r.text(3)))) {
        names.computeIfAbsent(n.get(0), k -> new TreeMap<>()).put(n.get(1), n.get(2));
      }
      List<RefusalGround> out = new ArrayList<>();
      languages.forEach((g, l) -> out.add(new RefusalGround(g, l, Optional.ofNullable(retired.get(g)),
          names.getOrDefault(g, Map.of()))));
      return out;
    });
  }

  /**
   * A new refusal ground: version 1 of its template in each language of {@code bodies} and its
   * {@code names}, in one transaction; refused when the ground has templates already.
   */
  void addGround(String ground, Map<String, String> bodies, Map<String, String> names, String actor, Instant at)
      throws StoreException, RequestException {
    store.<Void, RequestException>write(tx -> {
      if (tx.queryFirst("SELECT 1 FROM notice_templates WHERE kind = 'refuse' AND ground = ?", r -> r.number(1),
          ground).isPresent()) {
        throw new RequestException("the refusal ground " + ground + " exists already: edit its templates"
            + " (refuse/" + ground + "/az, refuse/" + ground + "/en) instead");
      }
      for (Map.Entry<String, String> b : new TreeMap<>(bodies).entrySet()) {
        tx.update("INSERT INTO notice_templates (" + COLUMNS + ") VALUES ('refuse', ?, ?, 1, ?, ?, ?)", ground,
            b.getKey(), b.getValue(), actor, at.toEpochMilli());
      }
      for (Map.Entry<String, String> n : new TreeMap<>(names).entrySet()) {
        tx.update("INSERT INTO refusal_ground_names (ground, language, name) VALUES (?, ?, ?)"
            + " ON CONFLICT (ground, language) DO NOTHING", ground, n.getKey(), n.getValue());
      }
      return null;
    });
  }

  /** Records that {@code ground} was retired or reinstated ({@code change}); refused when it already is. */
  void changeGround(String ground, boolean retire, String actor, Instant at) throws StoreException, RequestException {
    store.<Void, RequestException>write(tx -> {
      if (tx.queryFirst("SELECT 1 FROM notice_templates WHERE kind = 'refuse' AND ground = ?", r -> r.number(1),
          ground).isEmpty()) {
        throw new RequestException("there is no refusal ground " + ground);
      }
      boolean retired = tx.queryFirst("SELECT change FROM refusal_ground_changes WHERE ground = ?"
          + " ORDER BY id DESC LIMIT 1", r -> r.text(1), ground).map("retired"::equals).orElse(false);
      if (retired == retire) {
        throw new RequestException("the refusal ground " + ground + " is " + (retire ? "retired" : "in use")
            + " already");
      }
      tx.update("INSERT INTO refusal_ground_changes (ground, change, actor, at) VALUES (?, ?, ?, ?)", ground,
          retire ? "retired" : "reinstated", actor, at.toEpochMilli());
      return null;
    });
  }

  private static NoticeTemplate row(Tables.Row r) throws SQLException {
    String kind = r.text(1);
    return new NoticeTemplate(TemplateKind.ofKey(kind).orElseThrow(() -> new SQLException(
        "unknown template kind '" + kind + "' in the database")), r.text(2), r.text(3), (int) r.number(4), r.text(5),
        r.text(6), Instant.ofEpochMilli(r.number(7)));
  }

  /** The problems of a template body, or empty: its length and unknown placeholders. */
  static List<String> problems(String body) {
    List<String> out = new ArrayList<>();
    if (body == null || body.isBlank()) {
      out.add("the template text must not be empty");
      return out;
    }
    if (body.length() > MAX_BODY) {
      out.add("the template text has " + body.length() + " characters; at most " + MAX_BODY + " are kept");
    }
    Set<String> unknown = new LinkedHashSet<>();
    Matcher m = PLACEHOLDER.matcher(body);
    while (m.find()) {
      if (!PLACEHOLDERS.contains(m.group(1))) {
        unknown.add("{" + m.group(1) + "}");
      }
    }
    if (!unknown.isEmpty()) {
      out.add("unknown placeholder" + (unknown.size() == 1 ? " " : "s ") + String.join(", ", unknown)
          + " (the placeholders are {number}, {name} and {due})");
    }
    return out;
  }

  /** The longest name of a refusal ground, in characters. */
  static final int MAX_NAME = 300;

  /** The problems of a ground's name, or empty: it is one line of at most {@link #MAX_NAME} characters. */
  static List<String> nameProblems(String name) {
    if (name == null || name.isBlank()) {
      return List.of("the ground's name in words must not be empty");
    }
    if (name.length() > MAX_NAME) {
      return List.of("the ground's name has " + name.length() + " characters; at most " + MAX_NAME + " are kept");
    }
    if (name.chars().anyMatch(Character::isISOControl)) {
      return List.of("the ground's name is one line, without control characters");
    }
    return List.of();
  }

  static boolean validGround(String ground) {
    return GROUND.matcher(ground).matches();
  }

  /**
   * The body with each known placeholder replaced by its value, in one pass: a value is inserted as
   * it is and never read again for placeholders (a requester named "{due}" stays "{due}").
   */
  static String fill(String body, Map<String, String> values) {
    Matcher m = PLACEHOLDER.matcher(body);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = values.get(m.group(1));
      m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
    }
    m.appendTail(out);
    return out.toString();
  }
}
