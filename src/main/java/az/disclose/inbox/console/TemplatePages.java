package az.disclose.inbox.console;

import az.disclose.inbox.Register.RegisterException;
import az.disclose.inbox.RequestException;
import az.disclose.inbox.model.NoticeTemplate;
import az.disclose.inbox.model.TemplateKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The templates of answers and notices (docs/console.md, "Templates"): the list of those in use,
 * one template with its versions, and a new version saved by an officer or administrator. The
 * register keeps every version and checks the placeholders.
 */
final class TemplatePages {
  /** The longest template text accepted from the form (the register has its own limit too). */
  static final int MAX_BODY = RequestPages.MAX_TEXT;

  private final Console console;

  TemplatePages(Console console) {
    this.console = console;
  }

  static String href(NoticeTemplate t) {
    return Console.PATH + "/templates/" + t.kind().key() + (t.ground().isEmpty() ? "" : "/" + t.ground()) + "/"
        + t.language();
  }

  private Views.TemplateRow row(NoticeTemplate t, Texts texts) {
    return new Views.TemplateRow(t.name(), texts.get("template.kind." + t.kind().key()), t.ground(),
        texts.get("language.name." + t.language()), t.version(), t.editedBy(), console.time(t.editedAt()), href(t));
  }

  void list(Web w, Console.Call c) throws Exception {
    List<Views.TemplateRow> rows = new ArrayList<>();
    try {
      for (NoticeTemplate t : console.register.listTemplates()) {
        rows.add(row(t, c.t));
      }
    } catch (RegisterException e) {
      console.unavailable(w, c.t, e);
      return;
    }
    console.page(w, 200, "templates.ftlh", console.frame(w, c.t, c.session, c.t.get("templates.title"),
        Console.flash(w, c.t), List.of()), new Views.TemplateList(rows, Permission.TEMPLATES.grantedTo(c.account().role())));
  }

  void view(Web w, Console.Call c) throws Exception {
    show(w, c, 200, Optional.empty(), List.of());
  }

  void save(Web w, Console.Call c) throws Exception {
    String body = c.form.get("body");
    if (body.length() > MAX_BODY) {
      show(w, c, 400, Optional.of(body), List.of(new Views.FieldError("body", c.t.format("action.error.long", MAX_BODY))));
      return;
    }
    Optional<TemplateKind> kind = TemplateKind.ofKey(c.param("kind"));
    if (kind.isEmpty()) {
      console.message(w, c.t, 404, "error.notfound.heading", "error.notfound.text", Console.csrfOf(c.session));
      return;
    }
    NoticeTemplate saved;
    try {
      saved = console.register.saveTemplate(kind.get(), c.param("ground"), c.param("lang"), body, c.actor());
    } catch (RequestException e) {
      show(w, c, 400, Optional.of(body), List.of(new Views.FieldError("body", Console.clean(e.getMessage()))));
      return;
    } catch (RegisterException e) {
      console.unavailable(w, c.t, e);
      return;
    }
    console.audited(c, "template " + saved.name() + " version " + saved.version());
    w.redirect(href(saved) + "?flash=template");
  }

  private void show(Web w, Console.Call c, int status, Optional<String> draft, List<Views.FieldError> errors)
      throws Exception {
    Optional<TemplateKind> kind = TemplateKind.ofKey(c.param("kind"));
    List<NoticeTemplate> versions;
    try {
      if (kind.isEmpty()) {
        throw new RequestException("no template kind " + c.param("kind"));
      }
      versions = console.register.templateVersions(kind.get(), c.param("ground"), c.param("lang"));
    } catch (RequestException e) {
      console.message(w, c.t, 404, "error.notfound.heading", "error.notfound.text", Console.csrfOf(c.session));
      return;
    } catch (RegisterException e) {
      console.unavailable(w, c.t, e);
      return;
    }
    NoticeTemplate current = versions.get(versions.size() - 1);
    List<Views.TemplateRow> rows = new ArrayList<>();
    List<String> bodies = new ArrayList<>();
    for (int i = versions.size() - 1; i >= 0; i--) {
      rows.add(row(versions.get(i), c.t));
      bodies.add(versions.get(i).body());
    }
    Views.TemplatePage view = new Views.TemplatePage(current.name(), c.t.get("template.kind." + current.kind().key()),
        current.ground(), c.t.get("language.name." + current.language()), draft.orElse(current.body()), rows, bodies,
        Permission.TEMPLATES.grantedTo(c.account().role()), href(current), "{number} {name} {due}");
    console.page(w, status, "template.ftlh", console.frame(w, c.t, c.session, current.name(), Console.flash(w, c.t),
        errors), view);
  }
}
