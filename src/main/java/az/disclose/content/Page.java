package az.disclose.content;

/**
 * A free-standing page from {@code content/pages/*.md}, published at {@code /<slug>/}.
 *
 * @param confidential marked {@code confidential: true}: never published (rule 4.3)
 */
public record Page(String slug, String title, String summary, boolean confidential, Body body) {
  public String url() {
    return "/" + slug + "/";
  }
}
