package az.disclose.content;

import java.time.LocalDate;

/** A dated note on a measure's progress, with a link to its evidence (a site path or a URL). */
public record ProgressNote(LocalDate date, String text, String evidence) {}
