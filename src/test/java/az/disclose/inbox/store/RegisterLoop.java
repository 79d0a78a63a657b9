package az.disclose.inbox.store;

import az.disclose.inbox.InboxSettings;
import az.disclose.inbox.model.Channel;
import az.disclose.inbox.model.RequestType;
import az.disclose.inbox.model.Submission;
import az.disclose.inbox.model.Urgency;
import az.disclose.site.TestSites;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/** Registers requests until killed, printing "number subject" after each commit (for the crash test). */
public final class RegisterLoop {
  private RegisterLoop() {}

  public static void main(String[] args) throws Exception {
    try (Inbox inbox = Inbox.open(InboxSettings.defaults(Path.of(args[0])), TestSites.CONTENT, Clock.systemUTC())) {
      for (int i = 1; ; i++) {
        String subject = "loop " + i;
        String number = inbox.register().register(new Submission(Channel.WEB, RequestType.INFORMATION, Urgency.NORMAL,
            "N", "n@example.az", subject, "m", "az", List.of(), subject.getBytes(StandardCharsets.UTF_8),
            "text/plain", "::1")).number();
        System.out.println(number + " " + subject);
        System.out.flush();
      }
    }
  }
}
