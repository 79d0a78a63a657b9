package az.disclose.report;

import az.disclose.calendar.DeadlineRule;
import az.disclose.calendar.DeadlineRules;
import az.disclose.inbox.model.RequestType;
import az.disclose.inbox.model.Urgency;
import java.util.List;
import java.util.Locale;

/**
 * The deadline classes the monthly report counts answers by, each the statutory period that set a
 * request's first due date (calendar.DeadlineRules; docs/calendar.md): information requests in 7
 * working days (art. 24.1), in 24 hours (art. 24.2) and in 48 hours (art. 24.3), and appeals under
 * the Law on citizens' appeals. An extension does not change a request's class.
 */
public enum DeadlineClass {
  INFO_REQUEST(DeadlineRules.INFO_REQUEST),
  LOSES_RELEVANCE(DeadlineRules.LOSES_RELEVANCE),
  THREAT_TO_LIFE(DeadlineRules.THREAT_TO_LIFE),
  APPEAL(DeadlineRules.APPEAL);

  private final String ruleId;

  DeadlineClass(String ruleId) {
    this.ruleId = ruleId;
  }

  /** The id of the deadline rule of this class. */
  public String ruleId() {
    return ruleId;
  }

  /** The key of the class in the report's messages and CSV. */
  public String key() {
    return ruleId;
  }

  public static DeadlineClass of(RequestType type, Urgency urgency) {
    if (type != RequestType.INFORMATION) {
      return APPEAL;
    }
    return switch (urgency == null ? Urgency.NORMAL : urgency) {
      case NORMAL -> INFO_REQUEST;
      case LOSES_RELEVANCE -> LOSES_RELEVANCE;
      case THREAT_TO_LIFE -> THREAT_TO_LIFE;
    };
  }

  /** The class's period as configured, {@code 7 iş günü} / {@code 7 working days}. */
  public String period(List<DeadlineRule> rules, boolean azerbaijani) {
    DeadlineRule rule = DeadlineRules.find(rules, ruleId)
        .orElseThrow(() -> new IllegalArgumentException("no deadline rule '" + ruleId + "' in the settings"));
    if (rule.unit() == DeadlineRule.Unit.WORKING_DAYS) {
      return rule.amount() + (azerbaijani ? " iş günü" : rule.amount() == 1 ? " working day" : " working days");
    }
    return String.format(Locale.ROOT, "%d %s", rule.amount(),
        azerbaijani ? "saat" : rule.amount() == 1 ? "hour" : "hours");
  }
}
