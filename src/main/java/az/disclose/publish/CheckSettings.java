package az.disclose.publish;

import az.disclose.yaml.Fields;
import az.disclose.yaml.Node;
import az.disclose.yaml.Problem;
import az.disclose.yaml.ProblemsException;
import az.disclose.yaml.YamlReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The settings of {@code disclose check}, from {@code content/data/check.yaml} (optional: every key
 * has a default). Read strictly: unknown keys and bad values are problems with their line.
 *
 * @param confidentialMarkers words and phrases that mark confidential text (rule 4.3); a trailing
 *     {@code *} makes a marker match any word that starts with it
 * @param officialEmails addresses that may be published, besides {@code request_email} of site.yaml
 * @param maxSentenceWords longer sentences are warnings
 * @param maxParagraphSentences longer paragraphs are warnings
 * @param verbatim content files (relative, e.g. {@code documents/emr-2012.md}) that reproduce an
 *     official text as issued: no plain-language warnings for them (they cannot be rewritten)
 * @param allow findings that were looked at and accepted, each with its reason
 */
public record CheckSettings(
    List<String> confidentialMarkers,
    List<String> officialEmails,
    int maxSentenceWords,
    int maxParagraphSentences,
    Set<String> verbatim,
    List<Allow> allow) {

  public static final String FILE = "data/check.yaml";
  public static final List<String> DEFAULT_MARKERS = List.of(
      "məxfi", "konfidensial", "xidməti istifadə üçün", "DSP", "confidential", "for official use only");
  public static final int DEFAULT_SENTENCE_WORDS = 35;
  public static final int DEFAULT_PARAGRAPH_SENTENCES = 6;

  /**
   * An accepted finding: in {@code file}, findings of {@code rule} on lines that contain
   * {@code text} (compared case-insensitively), or anywhere in the file when {@code text} is empty.
   */
  public record Allow(String file, String rule, String text, String reason, int line) {}

  public static CheckSettings defaults() {
    return new CheckSettings(DEFAULT_MARKERS, List.of(), DEFAULT_SENTENCE_WORDS, DEFAULT_PARAGRAPH_SENTENCES, Set.of(), List.of());
  }

  /** Loads {@code <contentDir>/data/check.yaml}, or the defaults when it is absent. */
  public static CheckSettings load(Path contentDir) throws ProblemsException {
    Path file = contentDir.resolve(FILE);
    if (!Files.exists(file)) {
      return defaults();
    }
    Node root = new YamlReader().readFile(file);
    List<Problem> problems = new ArrayList<>();
    Fields f = Fields.of(file, root, problems, "");
    boolean ownMarkers = f.has("confidential_markers");
    List<String> listed = f.textList("confidential_markers");
    List<String> markers = ownMarkers ? listed : DEFAULT_MARKERS;
    for (String m : markers) {
      if (m.isBlank() || m.equals("*")) {
        f.problemAt("confidential_markers", "a confidential marker must not be empty");
      }
    }
    List<String> emails = f.textList("official_emails");
    for (String e : emails) {
      if (!PersonalData.EMAIL.matcher(e.trim()).matches()) {
        f.problemAt("official_emails", "'" + e + "' is not an e-mail address");
      }
    }
    int words = f.intValue("max_sentence_words", DEFAULT_SENTENCE_WORDS, 5, 1000);
    int sentences = f.intValue("max_paragraph_sentences", DEFAULT_PARAGRAPH_SENTENCES, 1, 1000);
    Set<String> verbatim = Set.copyOf(f.textList("verbatim").stream().map(CheckSettings::normalisePath).toList());
    List<Allow> allow = new ArrayList<>();
    for (Fields a : f.list("allow", false)) {
      String target = normalisePath(a.requiredText("file"));
      String rule = a.requiredText("rule");
      String text = a.optionalText("text").orElse("");
      String reason = a.requiredText("reason");
      a.rejectUnknownKeys();
      if (!rule.isEmpty() && !Rules.ALL.contains(rule)) {
        a.problemAt("rule", "unknown rule '" + rule + "' (rules: " + String.join(", ", Rules.ALL) + ")");
      }
      allow.add(new Allow(target, rule, text, reason, a.line()));
    }
    f.rejectUnknownKeys();
    if (!problems.isEmpty()) {
      throw new ProblemsException(problems);
    }
    return new CheckSettings(List.copyOf(markers), List.copyOf(emails), words, sentences, verbatim, List.copyOf(allow));
  }

  private static String normalisePath(String p) {
    String s = p.trim().replace('\\', '/');
    while (s.startsWith("./")) {
      s = s.substring(2);
    }
    return s.startsWith("content/") ? s.substring("content/".length()) : s;
  }
}
