package az.disclose.cli;

import az.disclose.inbox.Register.RegisterException;
import az.disclose.inbox.RegisterService;
import az.disclose.inbox.RequestException;
import az.disclose.inbox.StoreException;
import az.disclose.inbox.mail.MailSettings;
import az.disclose.inbox.mail.MailStore;
import az.disclose.inbox.model.HistoryEvent;
import az.disclose.inbox.model.RequestView;
import az.disclose.inbox.model.StoredAttachment;
import az.disclose.inbox.model.StoredRequest;
import az.disclose.inbox.store.Inbox;
import az.disclose.inbox.web.IntakeHandler;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;

/**
 * What an officer's action that tells the requester (answer, extension, forwarding, clarification,
 * refusal) did, said plainly after it is recorded: what was recorded, whether anything was e-mailed
 * (outgoing mail off, no address, queued, or queued while the outbox is failing), and where the
 * requester sees it — the private status page, whose path (or full link, with {@code mail.status_url})
 * is printed.
 */
final class Notices {
  private Notices() {}

  static void print(PrintWriter out, RegisterService register, Inbox inbox, MailSettings mail, String asked,
      HistoryEvent e) throws RequestException, RegisterException, StoreException {
    RequestView view = register.get(asked);
    String number = view.number();
    Optional<StoredRequest> stored = inbox.store().find(number);
    if (stored.isEmpty()) {
      return;
    }
    out.println("Recorded: " + what(register, view, e) + ".");
    if (mail.smtp().isEmpty()) {
      out.println("Nothing was e-mailed: outgoing mail is off (no mail.smtp in the settings).");
    } else {
      MailStore outbox = new MailStore(inbox.store());
      Optional<MailStore.OutboxEntry> queued = outbox.outbox(number).stream()
          .filter(m -> m.historyId() == e.id()).findFirst();
      if (queued.isEmpty()) {
        out.println("Nothing was e-mailed: the request has no e-mail address to write to.");
      } else {
        Optional<MailStore.OutboxEntry> failing = outbox.outbox(null).stream()
            .filter(m -> m.status().equals("pending") && m.lastError().isPresent())
            .reduce((a, b) -> b);
        if (failing.isPresent()) {
          MailStore.OutboxEntry f = failing.get();
          out.println("Nothing was e-mailed yet: the mail is queued to " + RequestsCommand.clean(queued.get().recipient())
              + ", but outgoing mail is failing (" + f.status() + " after " + f.attempts() + " attempt(s) of mail for "
              + f.requestNumber() + f.lastError().map(err -> ": " + RequestsCommand.clean(err).replace('\n', ' ')).orElse("")
              + "); see /healthz and docs/mail.md.");
        } else {
          out.println("Queued for e-mail to " + RequestsCommand.clean(queued.get().recipient())
              + ": the running server (disclose serve) sends it; nothing is sent until it does.");
        }
      }
    }
    String token = stored.get().statusToken();
    if (!mail.statusUrl().isEmpty()) {
      out.println("The requester sees it on the private status page: " + mail.statusUrl() + token);
    } else {
      out.println("The requester sees it on the private status page: " + IntakeHandler.STATUS_PREFIX + token
          + " (on the web intake's address; set mail.status_url to have the whole link printed)");
    }
  }

  private static String what(RegisterService register, RequestView view, HistoryEvent e)
      throws RequestException, RegisterException {
    String state = "the request is now \"" + view.status().key() + "\"";
    return switch (e.kind()) {
      case ANSWERED -> {
        List<String> files = register.attachments(view.number()).stream()
            .filter(a -> a.role().equals(StoredAttachment.ANSWER) && a.historyId() == e.id())
            .map(a -> RequestsCommand.clean(a.attachment().fileName())).toList();
        yield "the answer" + (files.isEmpty() ? ", without files" : ", with " + files.size()
            + (files.size() == 1 ? " file (" : " files (") + String.join(", ", files) + ")") + "; " + state;
      }
      case EXTENDED -> "the extension, with its reason; the new due date is " + view.dueDate() + "; " + state;
      case FORWARDED -> "the forwarding; " + state;
      case CLARIFICATION_REQUESTED -> "the request for clarification; " + state;
      case REFUSED -> "the refusal, with its ground; " + state;
      default -> e.kind().name().toLowerCase(java.util.Locale.ROOT) + "; " + state;
    };
  }
}
