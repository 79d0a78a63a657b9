package az.disclose.calendar;

import az.disclose.calendar.DeadlineRule.Unit;
import java.util.List;
import java.util.Optional;

/**
 * The default statutory periods (docs/calendar.md). They are defaults: configuration may replace any
 * of them, and the ones marked UNVERIFIED must be checked against the official text.
 */
public final class DeadlineRules {
  public static final String INFO_REQUEST = "info-request";
  public static final String LOSES_RELEVANCE = "loses-relevance";
  public static final String THREAT_TO_LIFE = "threat-to-life";
  public static final String UNCLEAR_REQUEST = "unclear-request";
  public static final String FORWARD_TO_HOLDER = "forward-to-holder";
  public static final String EXTENSION = "extension";
  public static final String APPEAL = "appeal";
  public static final String APPEAL_EXTENDED = "appeal-extended";
  public static final String APPEAL_FORWARD = "appeal-forward";

  private static final String INFO_LAW = "Law of the Republic of Azerbaijan \"On the right to obtain information\" (2005)";
  private static final String APPEALS_LAW = "Law of the Republic of Azerbaijan \"On citizens' appeals\" (2015)";

  private DeadlineRules() {}

  /** A new list of the default rules, in the order of the docs. */
  public static List<DeadlineRule> defaults() {
    return List.of(
        new DeadlineRule(INFO_REQUEST, 7, Unit.WORKING_DAYS,
            INFO_LAW + ", art. 24.1: an information request is answered as soon as possible and no later"
                + " than 7 working days; the period counts from the working day after registration (art. 24.5)"),
        new DeadlineRule(LOSES_RELEVANCE, 24, Unit.HOURS,
            INFO_LAW + ", art. 24.2: immediately, and no later than 24 hours, when the information would"
                + " lose its relevance within the ordinary period"),
        new DeadlineRule(THREAT_TO_LIFE, 48, Unit.HOURS,
            INFO_LAW + ", art. 24.3: within 48 hours when there is a real threat to a person's life, health"
                + " or liberty. The copy of the law consulted excludes rest days, polling days, non-working"
                + " holidays and the national mourning day from the 48 hours; counted here as plain elapsed"
                + " hours, which is never later (UNVERIFIED against the official register)"),
        new DeadlineRule(UNCLEAR_REQUEST, 5, Unit.WORKING_DAYS,
            INFO_LAW + ", art. 24.4: the requester is told of the defects of an incomplete or unclear request"
                + " within 5 working days"),
        new DeadlineRule(FORWARD_TO_HOLDER, 5, Unit.WORKING_DAYS,
            INFO_LAW + ", art. 23.1: a request for information the ministry does not hold is forwarded to the"
                + " holder without delay and no later than 5 working days, and the requester told"),
        new DeadlineRule(EXTENSION, 7, Unit.WORKING_DAYS,
            INFO_LAW + ": extension of the period, with notice to the requester, commonly summarised as up to"
                + " 7 more working days (UNVERIFIED: article not located; a setting)"),
        new DeadlineRule(APPEAL, 15, Unit.WORKING_DAYS,
            APPEALS_LAW + ", art. 10.1: an appeal (proposal, complaint, other) is considered within 15"
                + " working days"),
        new DeadlineRule(APPEAL_EXTENDED, 30, Unit.WORKING_DAYS,
            APPEALS_LAW + ", art. 10.1: within 30 working days when the appeal needs additional study or"
                + " verification (verified from a government page quoting art. 10.1, not from the official"
                + " register; art. 10.2 further extensions are not modelled)"),
        new DeadlineRule(APPEAL_FORWARD, 3, Unit.WORKING_DAYS,
            APPEALS_LAW + ": an appeal outside the body's competence is forwarded to the competent body within"
                + " 3 working days and the citizen told (period verified from a secondary source; article"
                + " number UNVERIFIED)"));
  }

  /** The rule with {@code id} in {@code rules}. */
  public static Optional<DeadlineRule> find(List<DeadlineRule> rules, String id) {
    return rules.stream().filter(r -> r.id().equals(id)).findFirst();
  }
}
