package az.disclose.inbox;

import az.disclose.inbox.model.Attachment;
import az.disclose.inbox.model.Channel;
import az.disclose.inbox.model.RequestType;
import az.disclose.inbox.model.Submission;
import az.disclose.inbox.model.Urgency;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Submissions for tests. */
final class Submissions {
  private Submissions() {}

  static Submission information(String subject) {
    return of(RequestType.INFORMATION, Urgency.NORMAL, subject, List.of());
  }

  static Submission of(RequestType type, Urgency urgency, String subject, List<Attachment> attachments) {
    String body = "name=Aysel+M%C9%99mm%C9%99dova&subject=" + subject.replace(' ', '+');
    return new Submission(Channel.WEB, type, urgency, "Aysel Məmmədova", "aysel@example.az", subject,
        "Zəhmət olmasa, 2025-ci il üzrə hesabatı göndərin.\n<script>alert(1)</script>", "az", attachments,
        body.getBytes(StandardCharsets.UTF_8), "application/x-www-form-urlencoded", "192.0.2.7");
  }
}
