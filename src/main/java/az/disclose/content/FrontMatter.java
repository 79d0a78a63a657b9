package az.disclose.content;

/**
 * Splits a Markdown file into its YAML front matter (between a first line {@code ---} and the next
 * line {@code ---}) and its body.
 *
 * @param yaml the front matter text
 * @param yamlLine the file line the YAML starts on (always 2)
 * @param bodyOffset the character offset of the body in the file text
 * @param bodyLine the file line the body starts on
 */
public record FrontMatter(String yaml, int yamlLine, int bodyOffset, int bodyLine) {

  /** The file has no front matter, or it is never closed. */
  public static final class Missing extends Exception {
    private static final long serialVersionUID = 1L;
    private final int line;

    Missing(int line, String message) {
      super(message);
      this.line = line;
    }

    public int line() {
      return line;
    }
  }

  public static FrontMatter split(String text) throws Missing {
    int start = text.startsWith("\uFEFF") ? 1 : 0;
    int firstEnd = lineEnd(text, start);
    if (!text.substring(start, firstEnd).strip().equals("---")) {
      throw new Missing(1, "the file must start with front matter: a line '---', YAML keys such as 'title:', and a closing line '---'");
    }
    int lineStart = next(text, firstEnd);
    int line = 2;
    while (lineStart < text.length()) {
      int end = lineEnd(text, lineStart);
      String content = text.substring(lineStart, end).stripTrailing();
      if (content.equals("---") || content.equals("...")) {
        String yaml = text.substring(next(text, firstEnd), lineStart);
        return new FrontMatter(yaml, 2, next(text, end), line + 1);
      }
      lineStart = next(text, end);
      line++;
    }
    throw new Missing(1, "the front matter opened on line 1 is never closed with a line '---'");
  }

  private static int lineEnd(String text, int from) {
    int nl = text.indexOf('\n', from);
    return nl < 0 ? text.length() : nl;
  }

  private static int next(String text, int lineEnd) {
    return Math.min(lineEnd + 1, text.length());
  }
}
