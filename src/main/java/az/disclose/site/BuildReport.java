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
 * @param warnings what the build wants known without failing (logged as it runs): the annual report
 *     on the work plan not published from 1 January (publish.AnnualReportDue)
 */
public record BuildReport(int pages, int changed, int unchanged, List<String> written, List<String> removed, long millis,
    String phases, List<String> warnings) {
  public BuildReport {
    warnings = List.copyOf(warnings);
  }

  public BuildReport(int pages, int changed, int unchanged, List<String> written, List<String> removed, long millis,
      String phases) {
    this(pages, changed, unchanged, written, removed, millis, phases, List.of());
  }
}
