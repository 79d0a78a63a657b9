package az.disclose.site;

import java.util.List;

/**
 * What a build did.
 *
 * @param pages the number of files the build produced
 * @param changed files written because their bytes changed (or were new)
 * @param written those files, as paths relative to the output directory, sorted
 * @param removed files removed because no source produces them any more
 * @param phases where the time went, in words (for a debug log), or empty when the build had
 *     nothing to do
 * @param heldBack the items held back from the site because the publishing check finds an error in
 *     them (publish.HoldBack): one line per finding, {@code file:line: error [rule] message — advice}
 * @param warnings what the build wants known without failing (logged as it runs): the annual report
 *     on the work plan not published from 1 January (publish.AnnualReportDue)
 */
public record BuildReport(int pages, int changed, int unchanged, List<String> written, List<String> removed, long millis,
    String phases, List<String> heldBack, List<String> warnings) {
  public BuildReport {
    heldBack = List.copyOf(heldBack);
    warnings = List.copyOf(warnings);
  }

  public BuildReport(int pages, int changed, int unchanged, List<String> written, List<String> removed, long millis,
      String phases) {
    this(pages, changed, unchanged, written, removed, millis, phases, List.of(), List.of());
  }
}
