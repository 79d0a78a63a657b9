package az.disclose.inbox.console;

import az.disclose.inbox.Register.RegisterException;
import az.disclose.inbox.RequestException;
import az.disclose.inbox.model.RefusalGround;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The legal grounds of refusal (docs/console.md, "Refusal grounds"): the list, in use or retired;
 * officers and administrators add one (with its refusal template in Azerbaijani and English), retire
 * one (no longer offered for new refusals) or reinstate it. A ground is never deleted: its templates
 * and the refusals that cite it keep their meaning.
 */
final class GroundPages {
  private final Console console;

  GroundPages(Console console) {
    this.console = console;
  }

  void list(Web w, Console.Call c) throws Exception {
    show(w, c, 200, "", "", "", "", "", List.of());
  }

  void add(Web w, Console.Call c) throws Exception {
    String ground = c.form.get("ground");
    String az = c.form.get("body-az");
    String en = c.form.get("body-en");
    String nameAz = c.form.get("name-az");
    String nameEn = c.form.get("name-en");
    List<Views.FieldError> errors = new ArrayList<>();
    if (ground.isEmpty()) {
      errors.add(new Views.FieldError("ground", c.t.get("grounds.error.name")));
    }
    for (String[] n : List.of(new String[] {"name-az", nameAz}, new String[] {"name-en", nameEn})) {
      if (n[1].isBlank()) {
        errors.add(new Views.FieldError(n[0], c.t.get("grounds.error.words")));
      }
    }
    for (String[] b : List.of(new String[] {"body-az", az}, new String[] {"body-en", en})) {
      if (b[1].isBlank()) {
        errors.add(new Views.FieldError(b[0], c.t.get("grounds.error.body")));
      } else if (b[1].length() > TemplatePages.MAX_BODY) {
        errors.add(new Views.FieldError(b[0], c.t.format("action.error.long", TemplatePages.MAX_BODY)));
      }
    }
    if (errors.isEmpty()) {
      try {
        console.register.addRefusalGround(ground, Map.of("az", az, "en", en), Map.of("az", nameAz, "en", nameEn),
            c.actor());
      } catch (RequestException e) {
        errors.add(new Views.FieldError("ground", Console.clean(e.getMessage())));
      } catch (RegisterException e) {
        console.unavailable(w, c.t, e);
        return;
      }
    }
    if (!errors.isEmpty()) {
      show(w, c, 400, ground, az, en, nameAz, nameEn, errors);
      return;
    }
    console.audited(c, "refusal ground " + ground.strip() + " added");
    w.redirect(Console.PATH + "/grounds?flash=ground-added");
  }

  void retire(Web w, Console.Call c) throws Exception {
    change(w, c, true);
  }

  void reinstate(Web w, Console.Call c) throws Exception {
    change(w, c, false);
  }

  private void change(Web w, Console.Call c, boolean retire) throws Exception {
    String ground = c.param("ground");
    try {
      console.register.retireRefusalGround(ground, retire, c.actor());
    } catch (RequestException e) {
      show(w, c, 409, "", "", "", "", "", List.of(new Views.FieldError("ground", c.t.get("action.error.refused") + " "
          + Console.clean(e.getMessage()))));
      return;
    } catch (RegisterException e) {
      console.unavailable(w, c.t, e);
      return;
    }
    console.audited(c, "refusal ground " + ground + (retire ? " retired" : " reinstated"));
    w.redirect(Console.PATH + "/grounds?flash=" + (retire ? "ground-retired" : "ground-reinstated"));
  }

  private void show(Web w, Console.Call c, int status, String ground, String az, String en, String nameAz,
      String nameEn, List<Views.FieldError> errors) throws Exception {
    List<RefusalGround> grounds;
    try {
      grounds = console.register.refusalGrounds();
    } catch (RegisterException e) {
      console.unavailable(w, c.t, e);
      return;
    }
    List<Views.GroundRow> rows = new ArrayList<>();
    for (RefusalGround g : grounds) {
      List<Views.Option> templates = new ArrayList<>();
      for (String language : g.languages()) {
        templates.add(new Views.Option(Console.PATH + "/templates/refuse/" + g.ground() + "/" + language,
            c.t.get("language.name." + language), false));
      }
      String state = g.retired().map(r -> c.t.format("grounds.retired", r.actor(), console.time(r.at())))
          .orElse(c.t.get("grounds.inuse"));
      String base = Console.PATH + "/grounds/" + g.ground();
      rows.add(new Views.GroundRow(g.ground(), g.names().getOrDefault(c.t.language(), ""), state, templates, base + (g.inUse() ? "/retire" : "/reinstate"),
          c.t.get(g.inUse() ? "grounds.retire" : "grounds.reinstate")));
    }
    Views.GroundList view = new Views.GroundList(rows, Permission.TEMPLATES.grantedTo(c.account().role()),
        ground, az, en, "{number} {name} {due}", nameAz, nameEn);
    console.page(w, status, "grounds.ftlh", console.frame(w, c.t, c.session, c.t.get("grounds.title"),
        Console.flash(w, c.t), errors), view);
  }
}
