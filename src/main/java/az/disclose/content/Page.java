package az.disclose.content;

/** A free-standing page from {@code content/pages/*.md}, published at {@code /<slug>/}. */
public record Page(String slug, String title, String summary, Body body) {
  public String url() {
    return "/" + slug + "/";
  }
}
