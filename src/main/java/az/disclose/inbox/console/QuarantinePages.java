package az.disclose.inbox.console;

import az.disclose.inbox.Register.RegisterException;
import az.disclose.inbox.RequestException;
import az.disclose.inbox.mail.Quarantine;
import az.disclose.inbox.model.Receipt;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The mail quarantine: mail that could not be read, to register as a request or dismiss with a reason. */
final class QuarantinePages {
  private final Console console;
  private final Quarantine quarantine;

  QuarantinePages(Console console, Quarantine quarantine) {
    this.console = console;
    this.quarantine = quarantine;
  }

  void list(Web w, Console.Call c) throws Exception {
    boolean all = w.query("all").equals("1");
    List<Views.QuarantineRow> rows = new ArrayList<>();
    try {
      for (Quarantine.Shown s : quarantine.summaries(all)) {
        rows.add(new Views.QuarantineRow(s.entry().id(), Console.PATH + "/quarantine/" + s.entry().id(), Console.clean(s.sender()),
            Console.clean(s.subject()), s.date().map(console::time).orElse(""), console.time(s.entry().receivedAt()), s.entry().reason(),
            c.t.get("quarantine.status." + s.entry().status())));
      }
    } catch (RegisterException e) {
      console.unavailable(w, c.t, e);
      return;
    }
    console.page(w, 200, "quarantine.ftlh", console.frame(w, c.t, c.session, c.t.get("quarantine.title"),
        Console.flash(w, c.t), List.of()), new Views.QuarantineList(rows, all));
  }

  private Optional<Quarantine.Shown> shown(Web w, Console.Call c) throws Exception {
    String id = c.param("id");
    if (!id.matches("\\d{1,18}")) {
      console.message(w, c.t, 404, "error.notfound.heading", "error.notfound.text", Console.csrfOf(c.session));
      return Optional.empty();
    }
    try {
      return Optional.of(quarantine.show(Long.parseLong(id)));
    } catch (RequestException e) {
      console.message(w, c.t, 404, "error.notfound.heading", "error.notfound.text", Console.csrfOf(c.session));
    } catch (RegisterException e) {
      console.unavailable(w, c.t, e);
    }
    return Optional.empty();
  }

  void entry(Web w, Console.Call c) throws Exception {
    Optional<Quarantine.Shown> s = shown(w, c);
    if (s.isPresent()) {
      show(w, c, 200, s.get(), Console.flash(w, c.t), List.of(), "");
    }
  }

  private void show(Web w, Console.Call c, int status, Quarantine.Shown s, String flash, List<Views.FieldError> errors,
      String reason) throws Exception {
    var q = s.entry();
    Views.QuarantineEntry view = new Views.QuarantineEntry(q.id(), Console.clean(s.sender()), Console.clean(s.subject()),
        s.date().map(console::time).orElse(""), console.time(q.receivedAt()), q.reason(),
        c.t.get("quarantine.status." + q.status()), q.resolution().orElse("") + q.resolvedBy().map(b -> " (" + b + ")").orElse(""),
        s.headerLines().stream().map(Console::clean).toList(), Console.clean(s.text()), Console.PATH + "/quarantine/" + q.id() + "/raw", q.status().equals("open"), reason);
    console.page(w, status, "quarantine-entry.ftlh", console.frame(w, c.t, c.session,
        c.t.format("quarantine.entry.title", q.id()), flash, errors), view);
  }

  void raw(Web w, Console.Call c) throws Exception {
    Optional<Quarantine.Shown> s = shown(w, c);
    if (s.isPresent()) {
      w.download("quarantine-" + s.get().entry().id() + ".eml", s.get().raw());
    }
  }

  void register(Web w, Console.Call c) throws Exception {
    Optional<Quarantine.Shown> s = shown(w, c);
    if (s.isEmpty()) {
      return;
    }
    Receipt r;
    try {
      r = quarantine.register(s.get().entry().id(), c.actor());
    } catch (RequestException e) {
      show(w, c, 409, s.get(), "", List.of(new Views.FieldError("register", c.t.get("quarantine.error.resolved"))), "");
      return;
    } catch (RegisterException e) {
      console.unavailable(w, c.t, e);
      return;
    }
    console.audited(c, "quarantine " + s.get().entry().id() + " registered as " + r.number());
    w.redirect(Console.PATH + "/requests/" + r.number() + "?flash=registered");
  }

  void dismiss(Web w, Console.Call c) throws Exception {
    Optional<Quarantine.Shown> s = shown(w, c);
    if (s.isEmpty()) {
      return;
    }
    String reason = c.form.get("reason");
    if (reason.isEmpty()) {
      show(w, c, 400, s.get(), "", List.of(new Views.FieldError("reason", c.t.get("quarantine.error.reason"))), "");
      return;
    }
    try {
      quarantine.dismiss(s.get().entry().id(), c.actor(), reason);
    } catch (RequestException e) {
      show(w, c, 409, s.get(), "", List.of(new Views.FieldError("reason", c.t.get("quarantine.error.resolved"))), reason);
      return;
    } catch (RegisterException e) {
      console.unavailable(w, c.t, e);
      return;
    }
    console.audited(c, "quarantine " + s.get().entry().id() + " dismissed");
    w.redirect(Console.PATH + "/quarantine?flash=dismissed");
  }
}
