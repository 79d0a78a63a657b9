package az.disclose.inbox.web;

import az.disclose.inbox.model.EventKind;
import az.disclose.inbox.model.HistoryEvent;
import az.disclose.inbox.model.Refusal;
import az.disclose.render.AzDates;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A request's history as its requester reads it: each event the requester may see as a plain sentence
 * in the page's language ({@code inbox.history.*} messages), never the register's internal text (which
 * is English for the officers, names rules by id and may mark a basis unverified). Internal events —
 * notes, mail sent or undeliverable, recomputed deadlines, the link asked for again, and any kind this
 * class does not know — are left out, whatever their visibility flag says.
 *
 * <p>The register's texts it reads facts from (the due date and rule of a registration or extension,
 * the body a request was forwarded to, the ground of a refusal) are those {@code RegisterService}
 * writes; a text that does not parse gives the sentence without those facts, never the raw text.
 */
final class PublicHistory {
  private static final Pattern DUE = Pattern.compile(
      "due (\\d{4}-\\d{2}-\\d{2})(?: (\\d{2}:\\d{2}))? \\(([A-Za-z0-9_.-]+)\\)");
  private static final Pattern EXTENDED = Pattern.compile(
      "^due date extended from \\S+ to (\\d{4}-\\d{2}-\\d{2})(?: (\\d{2}:\\d{2}))? \\(([A-Za-z0-9_.-]+)\\): (.*)$",
      Pattern.DOTALL);
  private static final Pattern RECOMPUTED = Pattern.compile(
      "^due date changed from \\S+ to (\\d{4}-\\d{2}-\\d{2})(?: (\\d{2}:\\d{2}))? \\(([A-Za-z0-9_.-]+)\\)");
  private static final String FORWARDED_PREFIX = "forwarded to ";
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

  private PublicHistory() {}

  /**
   * One sentence of the history.
   *
   * @param anchor the id of the page's element the entry points to ({@code answer-<event id>}), or null
   */
  record Entry(HistoryEvent event, String sentence, String anchor) {}

  /** The events the requester sees, oldest first, as sentences in {@code msg}'s language. */
  static List<Entry> of(String number, List<HistoryEvent> history, Map<String, String> msg, Locale locale) {
    List<Entry> out = new ArrayList<>();
    for (HistoryEvent e : history) {
      if (!e.visibleToRequester()) {
        continue;
      }
      String text = e.text() == null ? "" : e.text().strip();
      String sentence = switch (e.kind()) {
        case REGISTERED -> {
          String s = fill(msg, "inbox.history.registered", number);
          Matcher m = DUE.matcher(text);
          yield m.find() ? s + " " + due(msg, locale, m.group(1), m.group(2), m.group(3)) : s;
        }
        case ACKNOWLEDGED -> fill(msg, "inbox.history.acknowledged");
        case ANSWERED -> fill(msg, "inbox.history.answered");
        case EXTENDED -> {
          Matcher m = EXTENDED.matcher(text);
          if (!m.matches()) {
            yield fill(msg, "inbox.history.extended_plain");
          }
          String s = fill(msg, "inbox.history.extended", when(locale, m.group(1), m.group(2)));
          String basis = basis(msg, m.group(3));
          yield s + (basis.isEmpty() ? "" : " " + basis) + " " + fill(msg, "inbox.history.reason", m.group(4).strip());
        }
        case FORWARDED -> fill(msg, "inbox.history.forwarded",
            text.startsWith(FORWARDED_PREFIX) ? text.substring(FORWARDED_PREFIX.length()).strip() : text);
        case CLARIFICATION_REQUESTED -> fill(msg, "inbox.history.clarification_requested", text);
        case REFUSED -> refused(msg, locale, text);
        case STATUS_CHANGED -> fill(msg, "inbox.history.status_changed");
        case REOPENED -> {
          String s = fill(msg, "inbox.history.reopened");
          Matcher m = DUE.matcher(text);
          yield m.find() ? s + " " + due(msg, locale, m.group(1), m.group(2), m.group(3)) : s;
        }
        case WITHDRAWN -> fill(msg, "inbox.history.withdrawn");
        default -> null; // notes, mail, recomputation, the link again: internal
      };
      if (sentence != null && !sentence.isBlank()) {
        out.add(new Entry(e, sentence, e.kind() == EventKind.ANSWERED ? "answer-" + e.id() : null));
      }
    }
    return List.copyOf(out);
  }

  /**
   * A refusal: the legal basis by the ground's name in the page's language (never its key), then the
   * letter the officer wrote; a refusal recorded with its ground in words only gives those words.
   */
  private static String refused(Map<String, String> msg, Locale locale, String text) {
    Optional<Refusal> r = Refusal.parse(text);
    if (r.isEmpty()) {
      return fill(msg, "inbox.history.refused_plain");
    }
    if (r.get().legacy()) {
      return fill(msg, "inbox.history.refused", r.get().ground());
    }
    Optional<String> name = r.get().name(locale.getLanguage().equals("en") ? "en" : "az");
    String s = name.map(n -> fill(msg, "inbox.history.refused", n)).orElseGet(() -> fill(msg, "inbox.history.refused_plain"));
    return r.get().letter().isEmpty() ? s : s + "\n\n" + r.get().letter();
  }

  /**
   * The deadline rule in force: the rule named by the last registration, extension or recomputation
   * in the history (recomputations count though the requester does not see them); empty when none parses.
   */
  static Optional<String> currentRule(List<HistoryEvent> history) {
    String rule = null;
    for (HistoryEvent e : history) {
      String text = e.text() == null ? "" : e.text().strip();
      Matcher m = switch (e.kind()) {
        case REGISTERED -> DUE.matcher(text);
        case EXTENDED -> EXTENDED.matcher(text);
        case DEADLINE_RECOMPUTED -> RECOMPUTED.matcher(text);
        default -> null;
      };
      if (m != null && (e.kind() == EventKind.EXTENDED ? m.matches() : m.find())) {
        rule = m.group(3);
      }
    }
    return Optional.ofNullable(rule);
  }

  /**
   * The public legal basis of a rule ({@code inbox.rule.<id>}): the law and article as verified, never an
   * internal remark; empty for a rule the theme does not name (a rule added in the settings).
   */
  static String basisText(Map<String, String> msg, String ruleId) {
    return msg.getOrDefault("inbox.rule." + ruleId, "");
  }

  private static String due(Map<String, String> msg, Locale locale, String date, String time, String rule) {
    String s = fill(msg, "inbox.history.due", when(locale, date, time));
    String basis = basis(msg, rule);
    return basis.isEmpty() ? s : s + " " + basis;
  }

  private static String basis(Map<String, String> msg, String rule) {
    String b = basisText(msg, rule);
    return b.isEmpty() ? "" : fill(msg, "inbox.history.basis", b);
  }

  private static String when(Locale locale, String date, String time) {
    try {
      LocalDate d = LocalDate.parse(date);
      return time == null ? AzDates.format(d, locale)
          : AzDates.format(d, locale) + ", " + LocalTime.parse(time).format(TIME);
    } catch (DateTimeParseException e) {
      return date;
    }
  }

  static String dateTime(ZonedDateTime at, Locale locale) {
    return AzDates.format(at.toLocalDate(), locale) + ", " + at.format(TIME);
  }

  static String dateTime(java.time.Instant at, ZoneId zone, Locale locale) {
    return dateTime(at.atZone(zone), locale);
  }

  /** The message {@code key} with {@code {0}}, {@code {1}}, ... replaced by {@code args}. */
  static String fill(Map<String, String> msg, String key, String... args) {
    String s = msg.getOrDefault(key, "");
    for (int i = 0; i < args.length; i++) {
      s = s.replace("{" + i + "}", args[i] == null ? "" : args[i]);
    }
    return s;
  }
}
