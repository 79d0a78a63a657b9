package az.disclose.publish;

import az.disclose.config.SettingsLoader;
import az.disclose.config.SiteSettings;
import az.disclose.content.ContentLoader;
import az.disclose.yaml.Problem;
import az.disclose.yaml.ProblemsException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code disclose check}: every publishing rule over a content directory — the content itself must
 * load (as the build needs it), the three-day window (rule 6), confidential markers (rule 4.3),
 * personal data, plain language and spelling (rule 4). Items with {@code confidential: true} are
 * never published, so none of the text rules or the window apply to them. Findings accepted in
 * {@code data/check.yaml} ({@code allow}) are dropped; an allow entry that no longer matches
 * anything is itself a warning, so the list does not rot.
 */
public final class ContentCheck {

  /** The findings, sorted by file and line, and the delay of every dated item. */
  public record Result(List<Finding> findings, List<PublicationWindow.Delay> delays) {
    public boolean hasErrors() {
      return findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
    }
  }

  /**
   * The findings of a file in {@link Finding#ORDER}, except that its unknown-word warnings come
   * last, the likely typos (one edit from a known word) first among them, then those two edits from
   * a listed word: what is most probably a mistake is read first, and a list of rare but right words
   * does not hide it.
   */
  static final java.util.Comparator<Finding> BY_FILE_THEN_LIKELY_TYPOS_FIRST = java.util.Comparator
      .comparing((Finding f) -> f.file().toString().replace('\\', '/'))
      .thenComparingInt(ContentCheck::spellingRank)
      .thenComparing(Finding.ORDER);

  private static int spellingRank(Finding f) {
    if (!f.rule().equals(Rules.UNKNOWN_WORD)) {
      return 0;
    }
    return f.message().startsWith(PlainLanguage.LIKELY_TYPO) ? 1 : f.message().contains(PlainLanguage.DID_YOU_MEAN) ? 2 : 3;
  }

  private static final java.time.ZoneId BAKU = java.time.ZoneId.of("Asia/Baku");
  private final Clock clock;
  private final boolean loadContent;

  /** A check that also loads the content with the {@link ContentLoader}, as the build will. */
  public ContentCheck(Clock clock) {
    this(clock, true);
  }

  /** {@code loadContent = false} skips the loader's validation (for checking rules in isolation). */
  public ContentCheck(Clock clock, boolean loadContent) {
    this.clock = clock;
    this.loadContent = loadContent;
  }

  public Result run(Path contentDir) throws IOException {
    List<Finding> findings = new ArrayList<>();
    CheckSettings settings = CheckSettings.defaults();
    try {
      settings = CheckSettings.load(contentDir);
    } catch (ProblemsException e) {
      addProblems(e, findings, "fix data/check.yaml (see docs/publishing.md)");
    }
    PublicationLedger ledger = PublicationLedger.empty(contentDir.resolve(PublicationLedger.FILE));
    try {
      ledger = PublicationLedger.load(contentDir);
    } catch (ProblemsException e) {
      addProblems(e, findings, "fix the ledger entry (see docs/publishing.md)");
    }
    WordList words;
    try {
      words = WordList.load(contentDir);
    } catch (ProblemsException e) {
      addProblems(e, findings, "one word a line in data/words.txt");
      words = WordList.shipped();
    }
    List<String> official = new ArrayList<>(settings.officialEmails());
    try {
      SiteSettings site = new SettingsLoader().load(contentDir);
      official.add(site.requestEmail());
    } catch (ProblemsException e) {
      addProblems(e, findings, "fix site.yaml");
    }
    if (loadContent) {
      try {
        new ContentLoader().load(contentDir);
      } catch (ProblemsException e) {
        addProblems(e, findings, "the build refuses this file until it is fixed");
      }
    }

    List<ContentFile> files = ContentFile.readAll(contentDir);
    PublicationLedger window = ledger;
    ConfidentialMarkers markers = new ConfidentialMarkers(settings.confidentialMarkers());
    PersonalData personal = new PersonalData(official);
    PlainLanguage plain = new PlainLanguage(settings.maxSentenceWords(), settings.maxParagraphSentences(), words);
    List<PublicationWindow.DatedItem> dated = new ArrayList<>();
    List<Finding> textFindings = new ArrayList<>();
    for (ContentFile f : files) {
      if (f.confidential()) {
        continue; // never published: rule 4.3 is met by leaving it out
      }
      String text = f.wholeText();
      List<Finding> own = new ArrayList<>(markers.check(f, text));
      own.addAll(personal.check(f, text));
      if (az.disclose.content.Translation.languageOf(f.file()) == null) {
        // The plain-language and spelling rules are Azerbaijani ones (rule 4): not for an x.en.md translation.
        own.addAll(plain.check(f, settings.verbatim().contains(f.relative())));
      }
      Optional<PublicationWindow.DatedItem> item = f.datedItem();
      if (item.isPresent()) {
        own.addAll(PublicationWindow.check(List.of(item.get()), window, clock));
      }
      f.datedItem().ifPresent(dated::add);
      // An error the item's late_reason or publish_despite accepts is a warning with its reason.
      textFindings.addAll(HoldBack.justify(f, own));
    }
    // Due by 15 January: a warning from 1 January, an error after the 15th (Baku).
    AnnualReportDue.check(contentDir, java.time.LocalDate.now(clock.withZone(BAKU))).ifPresent(findings::add);
    findings.addAll(applyAllowList(textFindings, files, settings, contentDir));
    findings.sort(BY_FILE_THEN_LIKELY_TYPOS_FIRST);
    return new Result(List.copyOf(findings), PublicationWindow.delays(dated, ledger, clock));
  }

  /** {@code findings} without those an {@code allow} entry accepts (no warnings about unused entries). */
  static List<Finding> allowed(List<Finding> findings, List<ContentFile> files, CheckSettings settings) {
    Map<Path, ContentFile> byPath = new HashMap<>();
    files.forEach(f -> byPath.put(f.file(), f));
    List<Finding> kept = new ArrayList<>();
    for (Finding finding : findings) {
      ContentFile file = byPath.get(finding.file());
      boolean accepted = file != null && settings.allow().stream()
          .filter(a -> a.file().equals(file.relative()) && a.rule().equals(finding.rule()))
          .anyMatch(a -> a.text().isEmpty() || lineContains(file, finding.line(), a.text()));
      if (!accepted) {
        kept.add(finding);
      }
    }
    return kept;
  }

  private static List<Finding> applyAllowList(List<Finding> findings, List<ContentFile> files, CheckSettings settings, Path contentDir) {
    Map<Path, ContentFile> byPath = new HashMap<>();
    files.forEach(f -> byPath.put(f.file(), f));
    Set<CheckSettings.Allow> used = new HashSet<>();
    List<Finding> kept = new ArrayList<>();
    for (Finding finding : findings) {
      ContentFile file = byPath.get(finding.file());
      Optional<CheckSettings.Allow> allow = file == null ? Optional.empty() : settings.allow().stream()
          .filter(a -> a.file().equals(file.relative()) && a.rule().equals(finding.rule()))
          .filter(a -> a.text().isEmpty() || lineContains(file, finding.line(), a.text()))
          .findFirst();
      if (allow.isPresent()) {
        used.add(allow.get());
      } else {
        kept.add(finding);
      }
    }
    Path checkFile = contentDir.resolve(CheckSettings.FILE);
    for (CheckSettings.Allow a : settings.allow()) {
      if (!used.contains(a)) {
        kept.add(Finding.warning(checkFile, a.line(), Rules.ALLOW_UNUSED,
            "the allow entry for " + a.file() + " (" + a.rule() + (a.text().isEmpty() ? "" : ", \"" + a.text() + "\"") + ") matches nothing",
            "remove it, or correct its file, rule or text"));
      }
    }
    return kept;
  }

  /** Whether the finding's line (or, for a phrase broken over lines, the next one) holds {@code text}. */
  private static boolean lineContains(ContentFile file, int line, String text) {
    if (line < 1 || line > file.lines().size()) {
      return false;
    }
    String needle = AzText.foldAz(text).replaceAll("\\s+", " ").strip();
    String here = file.lines().get(line - 1);
    String withNext = line < file.lines().size() ? here + " " + file.lines().get(line) : here;
    return AzText.foldAz(withNext).replaceAll("\\s+", " ").contains(needle);
  }

  private static void addProblems(ProblemsException e, List<Finding> findings, String advice) {
    for (Problem p : e.problems()) {
      findings.add(Finding.error(p.file(), p.line(), Rules.CONTENT, p.message(), advice));
    }
  }
}
