package az.disclose.inbox.console;

import java.util.List;

/**
 * The typed models of the console's templates (no maps): {@link Frame} around every page, one record
 * per page. Text is plain; the templates escape it (.ftlh), and the one HTML field (an answer's
 * Markdown preview) is made by {@code render.Markdown}, which escapes raw HTML.
 */
public final class Views {
  private Views() {}

  /**
   * What every page shows around its content.
   *
   * @param base the console's path prefix ({@code /console})
   * @param csrf the token every state-changing form carries
   * @param flash what the last action did (empty: nothing to say)
   * @param errors the form's errors, for the error summary (empty: none)
   */
  public record Frame(String lang, Texts t, String title, String base, boolean signedIn, String user, String role,
      String csrf, String flash, List<FieldError> errors, String otherLanguageHref, String otherLanguageName,
      boolean mayQuarantine, boolean mayManageAccounts, boolean mayAudit, List<String> unitsProblems) {
    Frame withCsrf(String token) {
      return new Frame(lang, t, title, base, signedIn, user, role, token, flash, errors, otherLanguageHref,
          otherLanguageName, mayQuarantine, mayManageAccounts, mayAudit, unitsProblems);
    }
  }

  /** One error of a form: the field's id (the summary links to it) and the message. */
  public record FieldError(String field, String text) {}

  public record Option(String value, String label, boolean selected) {}

  public record SignIn(String username) {}

  public record Code(String username) {}

  /** A message page: 403, 404, 400, 500. */
  public record Message(String heading, String text) {}

  /** One line of a queue; {@code left} the working days left, {@code assignment} the unit, its state, the assignee. */
  public record RequestRow(String number, String href, String type, String channel, String status, String registered,
      String due, String left, boolean overdue, String assignment, String subject) {}

  /** A link to one queue; {@code current} for the one shown. */
  public record Tab(String label, String href, boolean current) {}

  /** One page of a queue with the values of its filters (kept in the GET form). */
  /** {@code more}: a text search with more hits than {@code total} (QueuePage#more). */
  public record RequestList(String queue, String title, List<Tab> tabs, List<RequestRow> rows, long total, boolean more, int page,
      long pages, String previousHref, String nextHref, List<Option> statuses, List<Option> types,
      List<Option> channels, List<Option> units, String from, String to, List<Option> grounds, String text) {}

  public record Event(String at, String actor, String kind, String text, boolean internal) {}

  public record FileLink(String name, String type, String size, String href) {}

  /**
   * The values typed into the action forms, kept when a form comes back with an error;
   * {@code refuseGround} the refusal ground chosen (its key), {@code refuse} the refusal letter.
   */
  public record Drafts(String answer, String extend, String forward, String clarify, String refuse, String note,
      String refuseGround) {
    static Drafts none() {
      return new Drafts("", "", "", "", "", "", "");
    }

    Drafts withRefuseGround(String ground) {
      return new Drafts(answer, extend, forward, clarify, refuse, note, ground);
    }
  }

  public record Request(String number, String base, String type, String channel, String urgency, String status,
      boolean open, String name, String email, String subject, String message, String registered, String due,
      String left, boolean overdue, String explanation, List<FileLink> attachments, List<FileLink> answerFiles,
      String rawHref, List<Event> history, List<Event> notes, boolean mayAct, Drafts drafts, String previewHtml,
      Workflow workflow) {}

  /**
   * A request's assignment and the workflow forms the account may use.
   *
   * @param assignment the unit, the state of its answer, the assignee ("—" when never assigned)
   * @param mayAssign an officer, an open request never assigned
   * @param mayReassign an officer, an open request assigned (or sent back)
   * @param mayRespond the responder of the unit, the request waiting for the unit
   * @param templates the templates to start an action's text from ({@code kind} or {@code refuse/ground})
   * @param refusalGrounds the refusal grounds in use (value: the key, label: the name in the page's
   *     language), after a first option that chooses none
   */
  public record Workflow(String assignment, boolean mayAssign, boolean mayReassign, List<Option> units,
      boolean mayRespond, boolean mayReopen, List<Option> reopenGrounds, boolean mayWithdraw, List<Option> templates,
      List<Option> templateLanguages, boolean unassigned, List<Option> refusalGrounds) {}

  /** One template in use, in the templates list. */
  public record TemplateRow(String name, String kind, String ground, String language, int version, String editedBy,
      String editedAt, String href) {}

  public record TemplateList(List<TemplateRow> rows, boolean mayEdit) {}

  /**
   * One refusal ground: its state ("in use", "retired by ... on ..."), links to its templates (value:
   * the address, label: the language), and the one change the page offers (retire or reinstate).
   */
  public record GroundRow(String ground, String name, String state, List<Option> templates, String changeAction,
      String changeLabel) {}

  /** One period's figures (a year, or a month {@code 2026-02}); {@code median} the median working days to answer. */
  public record FigureRow(String period, int received, int web, int email, int answered, int onTime, int late,
      int refused, int forwarded, int open, int overdue, String median) {}

  /** The register's figures as of {@code asOf}, newest period first. */
  public record Figures(String asOf, List<FigureRow> years, List<FigureRow> months) {}

  /** The refusal grounds and the form that adds one (with what was typed, after an error). */
  public record GroundList(List<GroundRow> rows, boolean mayEdit, String draftGround, String draftAz, String draftEn,
      String placeholders, String draftNameAz, String draftNameEn) {}

  /** One template: its versions (newest first) and, for officers, the form of a new version. */
  public record TemplatePage(String name, String kind, String ground, String language, String body,
      List<TemplateRow> versions, List<String> bodies, boolean mayEdit, String action, String placeholders) {}

  public record QuarantineRow(long id, String href, String sender, String subject, String date, String received,
      String reason, String status) {}

  public record QuarantineList(List<QuarantineRow> rows, boolean all) {}

  public record QuarantineEntry(long id, String sender, String subject, String date, String received, String reason,
      String status, String resolution, List<String> headers, String text, String rawHref, boolean open,
      String dismissReason) {}

  public record AuditRow(String at, String actor, String account, String kind, String detail) {}

  public record Audit(List<AuditRow> rows, String newerHref, String olderHref) {}

  public record AccountRow(String username, String role, String unit, boolean disabled, boolean locked,
      boolean secondFactor, String created) {}

  public record AccountsPage(List<AccountRow> rows, List<Option> roles, String username, String unit) {}

  /** A second factor just enrolled, shown this once. */
  public record Enrolment(String username, String secret, String uri, List<String> recoveryCodes) {}
}
