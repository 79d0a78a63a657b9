package az.disclose.site;

import java.util.List;

/**
 * What a build did.
 *
 * @param pages the number of files the build produced
 * @param changed files written because their bytes changed (or were new)
 * @param removed files removed because no source produces them any more
 */
public record BuildReport(int pages, int changed, int unchanged, List<String> removed, long millis) {}
