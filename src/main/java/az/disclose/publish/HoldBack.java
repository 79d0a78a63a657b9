package az.disclose.publish;

import az.disclose.yaml.ProblemsException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What {@code disclose check} calls an error never goes live by default: the build asks this class
 * about every item it would publish, and an item with a confidential marker (rule 4.3), personal
 * data, or that would go live for the first time later than the three-day window allows (rule 6)
 * is held back from the site and listed, as {@code check} lists it.
 *
 * <p>An editor publishes a justified exception with a front-matter field that gives the reason:
 * {@value #LATE_REASON} accepts the item's lateness, {@value #PUBLISH_DESPITE} its marker or
 * personal-data findings (an officially public number, a marker word that marks no secret). The
 * reason is then part of the record: {@code check} shows the finding as a warning with it, and the
 * build writes it to the publication ledger, from which the openness page shows it. An {@code allow}
 * entry of {@code data/check.yaml} accepts a finding as it does for {@code check}.
 *
 * <p>Lateness holds back only an item that has not gone live yet (the ledger does not know it): an
 * item already published stays on the site, its delay on record.
 */
public final class HoldBack {
  /** The front-matter field that accepts an item's lateness, with the reason. */
  public static final String LATE_REASON = "late_reason";
  /** The front-matter field that accepts an item's marker or personal-data findings, with the reason. */
  public static final String PUBLISH_DESPITE = "publish_despite";

  /**
   * What the build does with one item.
   *
   * @param errors the findings that hold it back (empty: it goes live)
   * @param exceptions the justified exceptions, as {@code field: reason}, for the ledger
   */
  public record Verdict(Path file, String sitePath, List<Finding> errors, List<String> exceptions) {
    public boolean held() {
      return !errors.isEmpty();
    }
  }

  private final CheckSettings settings;
  private final ConfidentialMarkers markers;
  private final PersonalData personal;
  private final PublicationLedger ledger;
  private final Clock clock;
  private final Path contentDir;

  private HoldBack(Path contentDir, CheckSettings settings, List<String> officialEmails, PublicationLedger ledger, Clock clock) {
    this.contentDir = contentDir;
    this.settings = settings;
    this.markers = new ConfidentialMarkers(settings.confidentialMarkers());
    this.personal = new PersonalData(officialEmails);
    this.ledger = ledger;
    this.clock = clock;
  }

  /** With the settings of {@code data/check.yaml} and the site's request e-mail address (published on purpose). */
  public static HoldBack load(Path contentDir, String requestEmail, PublicationLedger ledger, Clock clock)
      throws ProblemsException {
    CheckSettings settings = CheckSettings.load(contentDir);
    List<String> official = new ArrayList<>(settings.officialEmails());
    official.add(requestEmail);
    return new HoldBack(contentDir, settings, official, ledger, clock);
  }

  /**
   * The verdict on the content file {@code file} of {@code kind} ({@code news}, {@code pages},
   * {@code documents}), read again from disk.
   */
  public Verdict judge(Path file, String kind) throws IOException {
    ContentFile f = ContentFile.read(file, kind + "/" + file.getFileName(), kind);
    if (f.confidential()) {
      return new Verdict(file, f.sitePath(), List.of(), List.of()); // never published anyway
    }
    String text = f.wholeText();
    List<Finding> found = new ArrayList<>(markers.check(f, text));
    found.addAll(personal.check(f, text));
    Optional<PublicationWindow.DatedItem> dated = f.datedItem();
    if (dated.isPresent() && ledger.entry(f.sitePath()).isEmpty()
        && !PublicationWindow.isHeldBack(dated.get().date(), clock)) {
      found.addAll(PublicationWindow.check(List.of(dated.get()), ledger, clock));
    }
    List<Finding> kept = ContentCheck.allowed(found, List.of(f), settings);
    List<Finding> judged = justify(f, kept);
    List<Finding> errors = judged.stream().filter(x -> x.severity() == Severity.ERROR).toList();
    List<String> exceptions = new ArrayList<>();
    if (errors.isEmpty()) {
      for (String field : List.of(LATE_REASON, PUBLISH_DESPITE)) {
        reason(f, field).filter(r -> judged.stream().anyMatch(x -> justifiedBy(x, field)))
            .ifPresent(r -> exceptions.add(field + ": " + r));
      }
    }
    return new Verdict(file, f.sitePath(), errors, List.copyOf(exceptions));
  }

  /** The reason given in a front-matter field, if any (blank is none). */
  static Optional<String> reason(ContentFile f, String field) {
    return f.text(field).map(String::strip).filter(r -> !r.isEmpty());
  }

  /** Whether {@code finding} is one that {@code field} can accept. */
  private static boolean justifiedBy(Finding finding, String field) {
    return switch (field) {
      case LATE_REASON -> finding.rule().equals(Rules.WINDOW);
      case PUBLISH_DESPITE -> finding.rule().equals(Rules.CONFIDENTIAL) || finding.rule().equals(Rules.PERSONAL_DATA);
      default -> false;
    };
  }

  /**
   * {@code findings} of {@code f} with the errors that its {@value #LATE_REASON} or {@value
   * #PUBLISH_DESPITE} field accepts turned into warnings that carry the reason.
   */
  static List<Finding> justify(ContentFile f, List<Finding> findings) {
    List<Finding> out = new ArrayList<>();
    for (Finding x : findings) {
      Optional<String> accepted = x.severity() != Severity.ERROR ? Optional.empty()
          : justifiedBy(x, LATE_REASON) ? reason(f, LATE_REASON).map(r -> LATE_REASON + ": " + r)
          : justifiedBy(x, PUBLISH_DESPITE) ? reason(f, PUBLISH_DESPITE).map(r -> PUBLISH_DESPITE + ": " + r)
          : Optional.empty();
      out.add(accepted.isEmpty() ? x : Finding.warning(x.file(), x.line(), x.rule(),
          x.message() + " (published as a justified exception, " + accepted.get() + ")",
          "the reason is recorded in the publication ledger and shown on the openness page"));
    }
    return out;
  }

  /** Where the content is. */
  public Path contentDir() {
    return contentDir;
  }
}
