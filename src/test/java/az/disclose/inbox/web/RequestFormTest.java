package az.disclose.inbox.web;

import static org.assertj.core.api.Assertions.assertThat;

import az.disclose.config.RequestForm;
import az.disclose.config.SettingsLoader;
import az.disclose.config.SiteSettings;
import az.disclose.inbox.model.RequestType;
import az.disclose.inbox.model.Urgency;
import az.disclose.inbox.web.InboxViews.FormPage;
import az.disclose.inbox.web.InboxViews.ListedError;
import az.disclose.render.Messages;
import az.disclose.render.Templates;
import az.disclose.site.PageFrame;
import az.disclose.site.TestSites;
import az.disclose.site.Views;
import az.disclose.site.Views.Option;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * The one request form macro: the site's page and the inbox's re-shown form carry the limits the
 * server enforces, and offer only types and urgencies the inbox knows.
 */
class RequestFormTest {
  private final SiteSettings settings = new SettingsLoader().load(TestSites.CONTENT);
  private final Map<String, String> msg = Messages.load(TestSites.THEME, settings.locale());
  private final PageFrame frame = new PageFrame(settings, msg, List.of());
  private final Templates templates = templates();

  RequestFormTest() throws Exception {}

  private Templates templates() throws Exception {
    return new Templates(TestSites.THEME.resolve("templates"), settings.locale());
  }

  @Test
  void theSitesFormOffersOnlyTypesAndUrgenciesTheInboxKnows() {
    List<String> typeKeys = Arrays.stream(RequestType.values()).map(RequestType::key).toList();
    assertThat(typeKeys).containsAll(RequestForm.SITE_TYPES);
    assertThat(RequestForm.URGENCIES).containsExactlyElementsOf(Arrays.stream(Urgency.values()).map(Urgency::key).toList());
  }

  @Test
  void theServersDefaultLimitsAreTheFormsDefaults() {
    assertThat(IntakeLimits.defaults().form()).isEqualTo(RequestForm.defaults());
  }

  @Test
  void theSitesFormCarriesTheDefaultLimits() throws Exception {
    Document page = Jsoup.parse(templates.render("request.ftlh", frame.model("/request/", "Request", "/request/",
        Map.of("form", Views.RequestFormView.of(RequestForm.defaults(), msg)))));
    assertLimits(page, RequestForm.defaults());
    assertThat(page.select("#type option").eachAttr("value")).containsExactlyElementsOf(RequestForm.SITE_TYPES);
  }

  @Test
  void theReShownFormCarriesTheLimitsTheServerEnforces() throws Exception {
    IntakeLimits limits = new IntakeLimits(1_000_000, 100_000, 2, 3L * 1024 * 1024, 16, 40, 100, 60, 500, 0, 0,
        Duration.ofSeconds(5), Duration.ofSeconds(30), 4, 2, 10_000_000, 0);
    FormPage view = new FormPage(limits.form(), IntakeHandler.FORM_PATH, "az",
        List.of(new Option("information", "İnformasiya")), List.of(new Option("normal", "Adi")),
        Map.of("subject", "<b>mövzu</b>"), Map.of("subject", "Çox uzundur"), List.of(new ListedError("subject", "Çox uzundur")));
    Document page = Jsoup.parse(templates.render("inbox-form-errors.ftlh",
        frame.model(IntakeHandler.FORM_PATH, "Request", IntakeHandler.FORM_PAGE, Map.of("view", view))));
    assertLimits(page, limits.form());
    assertThat(page.select("#subject").attr("value")).isEqualTo("<b>mövzu</b>");
    assertThat(page.select("#subject").attr("aria-invalid")).isEqualTo("true");
  }

  private static void assertLimits(Document page, RequestForm form) {
    assertThat(page.select("#name").attr("maxlength")).isEqualTo(String.valueOf(form.maxNameLength()));
    assertThat(page.select("#email").attr("maxlength")).isEqualTo(String.valueOf(form.maxEmailLength()));
    assertThat(page.select("#subject").attr("maxlength")).isEqualTo(String.valueOf(form.maxSubjectLength()));
    assertThat(page.select("#message").attr("maxlength")).isEqualTo(String.valueOf(form.maxMessageLength()));
    assertThat(page.select("#attachments-hint").text())
        .contains(String.valueOf(form.maxAttachments()), form.maxAttachmentMebibytes() + " MiB")
        .doesNotContain("{0}", "{1}");
  }
}
