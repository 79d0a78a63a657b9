package az.disclose.publish;

import java.util.List;

/** The names of the rules {@code disclose check} applies (as shown in findings and check.yaml). */
public final class Rules {
  public static final String CONTENT = "content";
  public static final String WINDOW = PublicationWindow.RULE;
  public static final String CONFIDENTIAL = "confidential-marker";
  public static final String PERSONAL_DATA = "personal-data";
  public static final String SENTENCE_LENGTH = "sentence-length";
  public static final String PARAGRAPH_LENGTH = "paragraph-length";
  public static final String UNKNOWN_WORD = "unknown-word";
  public static final String ALLOW_UNUSED = "allow-unused";
  public static final String ANNUAL_REPORT = AnnualReportDue.RULE;

  public static final List<String> ALL = List.of(
      CONTENT, WINDOW, CONFIDENTIAL, PERSONAL_DATA, SENTENCE_LENGTH, PARAGRAPH_LENGTH, UNKNOWN_WORD);

  private Rules() {}
}
