package az.disclose.inbox.mail;

import az.disclose.calendar.DeadlineExplanation;
import az.disclose.calendar.DeadlineRule;
import az.disclose.calendar.DeadlineRules;
import az.disclose.inbox.model.Channel;
import az.disclose.inbox.model.EventKind;
import az.disclose.inbox.model.HistoryEvent;
import az.disclose.inbox.model.Refusal;
import az.disclose.inbox.RegisterService;
import az.disclose.inbox.RequestTx;
import az.disclose.inbox.model.RequestType;
import az.disclose.inbox.model.StoredRequest;
import az.disclose.inbox.model.Submission;
import az.disclose.render.AzDates;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Queues mail to requesters in the transaction of the event it tells about (install it with {@link
 * RegisterService#addListener}): the acknowledgement of every registration that has an address
 * (e-mail or the web form), the officers' answer, and the notices of extension, forwarding,
 * clarification and refusal. Each mail gets a stable Message-ID {@code <number.event-id@host>} and
 * the number in its subject, so that replies thread back to the request; {@link OutboxSender} sends
 * it. Every mail is wholly in the requester's language, the legal basis included: Azerbaijani, or
 * English for a request made in English (language {@code en}, the web form's English page).
 */
public final class Outbox implements RegisterService.InTransaction {
  public static final String ACKNOWLEDGEMENT = "acknowledgement";
  private static final Pattern SIMPLE_ADDRESS = Pattern.compile("[^\\s@<>]+@[^\\s@<>]+\\.[^\\s@<>]+");
  private static final Pattern MESSAGE_ID = Pattern.compile("(?im)^Message-ID:[ \\t]*(<[^<>\\s]+>)");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
  private static final Locale AZ = Locale.forLanguageTag("az");

  private final MailSettings settings;
  private final ZoneId zone;
  private final Function<String, Optional<DeadlineRule>> rules;

  /** {@code rules} finds the register's deadline rule by id (the legal basis the notices cite). */
  public Outbox(MailSettings settings, ZoneId zone, Function<String, Optional<DeadlineRule>> rules) {
    this.settings = settings;
    this.zone = zone;
    this.rules = rules;
  }

  /** {@code <SEN-2026-00042.17@host>}. */
  public String messageId(String number, long eventId) {
    return "<" + number + "." + eventId + "@" + settings.messageIdHost() + ">";
  }

  static boolean deliverable(String address) {
    return address != null && SIMPLE_ADDRESS.matcher(address.strip()).matches();
  }

  @Override
  public void registered(RequestTx tx, RegisterService.Registered r) throws SQLException {
    Submission s = r.submission();
    if (!deliverable(s.email())) {
      return;
    }
    HistoryEvent ack = tx.append(r.number(), r.event().at(), RegisterService.SYSTEM, EventKind.ACKNOWLEDGED,
        "acknowledgement e-mailed to the requester", true);
    String inReplyTo = "";
    if (s.channel() == Channel.EMAIL && s.raw() != null) {
      Matcher m = MESSAGE_ID.matcher(headerPart(s.raw()));
      inReplyTo = m.find() ? m.group(1) : "";
    }
    boolean english = ENGLISH.equals(s.language());
    MailStore.enqueue(tx, r.number(), ack.id(), ACKNOWLEDGEMENT, messageId(r.number(), ack.id()), s.email().strip(),
        "[" + r.number() + "] " + (english ? "Your request was registered" : "Sorğunuz qeydiyyata alındı"),
        english ? acknowledgementEnglish(r) : acknowledgement(r), inReplyTo, r.event().at());
  }

  private static String headerPart(byte[] raw) {
    int n = Math.min(raw.length, 64 * 1024);
    String head = new String(raw, 0, n, StandardCharsets.ISO_8859_1);
    int end = head.indexOf("\r\n\r\n");
    if (end < 0) {
      end = head.indexOf("\n\n");
    }
    return end < 0 ? head : head.substring(0, end);
  }

  @Override
  public void acted(RequestTx tx, StoredRequest request, HistoryEvent event) throws SQLException {
    if (event.kind() == EventKind.LINK_RESENT) {
      link(tx, request, event);
      return;
    }
    Notice n = notice(request, event);
    if (n == null || !deliverable(request.email())) {
      return;
    }
    String inReplyTo = MailStore.firstMessageId(tx, request.number()).orElse("");
    MailStore.enqueue(tx, request.number(), event.id(), n.kind(), messageId(request.number(), event.id()),
        request.email().strip(), "[" + request.number() + "] " + n.subject(), n.body(), inReplyTo, event.at());
  }

  /** A later notice: the outbox kind, the subject after the number and the whole text. */
  record Notice(String kind, String subject, String body) {}

  /** The officer's own words in an event's text, without the register's English frame around them. */
  static String officersText(HistoryEvent event) {
    String t = event.text().strip();
    Pattern frame = switch (event.kind()) {
      case EXTENDED -> EXTENDED_TEXT;
      case FORWARDED -> FORWARDED_TEXT;
      case REFUSED -> REFUSED_TEXT;
      default -> null;
    };
    if (frame != null) {
      Matcher m = frame.matcher(t);
      if (m.matches()) {
        return m.group(1).strip();
      }
    }
    return t;
  }

  // The texts RegisterService writes for these events (extend, forward, refuse).
  private static final Pattern EXTENDED_TEXT =
      Pattern.compile("(?s)due date extended from \\S+ to [0-9-]+(?: [0-9:]+)? \\([a-z0-9-]+\\): (.*)");
  private static final Pattern EXTENDED_TO = Pattern.compile("due date extended from \\S+ to ([0-9]{4}-[0-9]{2}-[0-9]{2})");

  /**
   * The new due date of an extension, from its event's text (the request handed to the listener is
   * the row before the extension); the request's due date when the text is not the register's.
   */
  private static LocalDate extendedTo(StoredRequest request, HistoryEvent event) {
    Matcher m = EXTENDED_TO.matcher(event.text());
    return m.lookingAt() ? LocalDate.parse(m.group(1)) : request.dueDate();
  }
  private static final Pattern FORWARDED_TEXT = Pattern.compile("(?s)forwarded to (.*)");
  private static final Pattern REFUSED_TEXT = Pattern.compile("(?s)refused: (.*)");

  /** The rule a notice cites: the request's extended rule, or the rule of forwarding or clarification. */
  private Optional<DeadlineRule> noticeRule(StoredRequest request, EventKind kind) {
    boolean appeal = request.type().regime() == RequestType.Regime.APPEAL;
    String id = switch (kind) {
      case EXTENDED -> appeal ? DeadlineRules.APPEAL_EXTENDED : DeadlineRules.EXTENSION;
      case FORWARDED -> appeal ? DeadlineRules.APPEAL_FORWARD : DeadlineRules.FORWARD_TO_HOLDER;
      case CLARIFICATION_REQUESTED -> appeal ? null : DeadlineRules.UNCLEAR_REQUEST;
      default -> null;
    };
    return id == null ? Optional.empty() : rules.apply(id);
  }

  /** The notice of {@code event} in the requester's language (Azerbaijani, or English); null for an event with none. */
  Notice notice(StoredRequest request, HistoryEvent event) {
    String kind = switch (event.kind()) {
      case ANSWERED -> "answer";
      case EXTENDED -> "extension";
      case FORWARDED -> "forward";
      case CLARIFICATION_REQUESTED -> "clarification";
      case REFUSED -> "refusal";
      default -> null;
    };
    if (kind == null) {
      return null;
    }
    boolean english = ENGLISH.equals(request.language());
    String text = officersText(event);
    String due = AzDates.format(extendedTo(request, event), english ? Locale.ENGLISH : AZ);
    if (event.kind() == EventKind.REFUSED) {
      text = refusal(event, english);
    }
    Words words = english ? englishWords(event.kind(), text, due) : azWords(event.kind(), text, due);
    String basis = noticeRule(request, event.kind())
        .map(r -> english ? "Legal basis: " + r.legalBasis() + ".\n\n" : "Hüquqi əsas: " + legalBasisAz(r) + ".\n\n")
        .orElse("");
    String status = settings.statusUrl().isEmpty() ? ""
        : (english ? "The status of your request: " : "Sorğunuzun vəziyyəti: ") + settings.statusUrl() + request.statusToken()
            + "\n\n";
    String body = (english ? "Dear " + name(request.name(), "requester") : "Hörmətli " + name(request.name())) + ",\n\n"
        + words.opening() + "\n\n" + basis + status
        + (english ? "If you reply to this e-mail, your reply is added to your request " + request.number() + ".\n\n"
            : "Bu məktuba cavab yazsanız, yazdığınız " + request.number() + " nömrəli sorğunuza əlavə olunacaq.\n\n")
        + "--\n" + senderName() + "\n";
    return new Notice(kind, words.subject(), body);
  }

  /**
   * What a refusal notice says after its opening: the legal ground by its name in the requester's
   * language (never its key), then the officer's letter; a refusal recorded with its ground in words
   * only gives those words.
   */
  private static String refusal(HistoryEvent event, boolean english) {
    Optional<Refusal> r = Refusal.parse(event.text());
    if (r.isEmpty()) {
      return officersText(event);
    }
    if (r.get().legacy()) {
      return r.get().ground();
    }
    String name = r.get().name(english ? ENGLISH : "az").orElse(english ? "given in the letter below" : "aşağıdakı məktubda göstərilib");
    return name + "\n\n" + r.get().letter();
  }

  /** A later notice's subject (after the number) and its opening words. */
  private record Words(String subject, String opening) {}

  /** The subject and the opening of a later notice in Azerbaijani. */
  private static Words azWords(EventKind kind, String text, String due) {
    return switch (kind) {
      case ANSWERED -> new Words("Sorğunuza cavab", "Sorğunuza cavab:\n\n" + text);
      case EXTENDED -> new Words("Cavab müddəti uzadıldı",
          "Sorğunuza cavab müddəti uzadılmışdır. Yeni son tarix: " + due + ".\nSəbəb: " + text);
      case FORWARDED -> new Words("Sorğunuz aidiyyəti üzrə göndərildi",
          "Tələb olunan məlumat nazirlikdə olmadığından sorğunuz aidiyyəti üzrə göndərilmişdir:\n\n" + text);
      case CLARIFICATION_REQUESTED -> new Words("Sorğunuzun dəqiqləşdirilməsi",
          "Sorğunuzu cavablandırmaq üçün aşağıdakıların dəqiqləşdirilməsi xahiş olunur"
              + " (bu məktuba cavab yaza bilərsiniz):\n\n" + text);
      case REFUSED -> new Words("Sorğunuz üzrə qərar", "Sorğunuzun icrasından imtina edilmişdir.\nHüquqi əsas: " + text);
      default -> throw new IllegalArgumentException("no notice for " + kind);
    };
  }

  /** The subject and the opening of a later notice in English. */
  private static Words englishWords(EventKind kind, String text, String due) {
    return switch (kind) {
      case ANSWERED -> new Words("The answer to your request", "The answer to your request:\n\n" + text);
      case EXTENDED -> new Words("The period for the answer was extended",
          "The period for the answer to your request was extended. The new due date: " + due + ".\nThe reason: " + text);
      case FORWARDED -> new Words("Your request was forwarded",
          "The ministry does not hold the information you asked for, so your request was forwarded to:\n\n" + text);
      case CLARIFICATION_REQUESTED -> new Words("Please clarify your request",
          "To answer your request we need you to clarify the following (you can reply to this e-mail):\n\n" + text);
      case REFUSED -> new Words("The decision on your request", "Your request was refused.\nThe legal ground: " + text);
      default -> throw new IllegalArgumentException("no notice for " + kind);
    };
  }

  /**
   * The private status link again, to the address on record only (never to the address typed into the
   * lost-link form), in the request's language; nothing without {@code mail.status_url}, which makes the link.
   */
  private void link(RequestTx tx, StoredRequest request, HistoryEvent event) throws SQLException {
    if (!deliverable(request.email()) || settings.statusUrl().isEmpty()) {
      return;
    }
    boolean english = ENGLISH.equals(request.language());
    String url = settings.statusUrl() + request.statusToken();
    String body = english
        ? "Dear " + name(request.name(), "requester") + ",\n\nYou asked for the private link to the status page of"
            + " your request " + request.number() + " again. Here it is:\n\n" + url + "\n\nIf you did not ask for"
            + " it, you can ignore this e-mail: the link was sent only to this address.\n\n--\n" + senderName() + "\n"
        : "Hörmətli " + name(request.name()) + ",\n\n" + request.number() + " nömrəli sorğunuzun vəziyyəti"
            + " səhifəsinin şəxsi keçidini yenidən istəmisiniz:\n\n" + url + "\n\nBunu siz istəməmisinizsə, bu"
            + " məktubu nəzərə almayın: keçid yalnız bu ünvana göndərilib.\n\n--\n" + senderName() + "\n";
    String inReplyTo = MailStore.firstMessageId(tx, request.number()).orElse("");
    MailStore.enqueue(tx, request.number(), event.id(), "link", messageId(request.number(), event.id()),
        request.email().strip(), "[" + request.number() + "] "
            + (english ? "The link to your request's status" : "Sorğunuzun vəziyyəti üçün keçid"),
        body, inReplyTo, event.at());
  }

  /** The acknowledgement in Azerbaijani, the legal basis included (no English line). */
  String acknowledgement(RegisterService.Registered r) {
    DeadlineExplanation due = r.due();
    DeadlineRule rule = due.rule();
    String dueText;
    String basis;
    if (rule.unit() == DeadlineRule.Unit.HOURS) {
      var at = due.dueAt().withZoneSameInstant(zone);
      dueText = AzDates.format(at.toLocalDate(), AZ) + ", saat " + TIME.format(at) + " (Bakı vaxtı)";
      basis = "Müddət qeydiyyat anından " + rule.amount() + " saatdır";
    } else {
      dueText = AzDates.format(due.dueDate(), AZ);
      basis = "Müddət " + rule.amount() + " iş günüdür və qeydiyyatdan sonrakı ilk iş günündən ("
          + AzDates.format(due.startDay(), AZ) + ") hesablanır; şənbə, bazar və qeyri-iş günləri sayılmır";
    }
    String registered = AzDates.format(r.event().at().atZone(zone).toLocalDate(), AZ);
    return "Hörmətli " + name(r.submission().name(), "vətəndaş") + ",\n\n"
        + "Sorğunuz " + registered + " tarixində " + r.number() + " nömrəsi ilə qeydiyyata alınmışdır.\n\n"
        + "Cavab veriləcək son tarix: " + dueText + ".\n"
        + basis + " (" + legalBasisAz(rule) + ").\n\n"
        + (settings.statusUrl().isEmpty() ? "" : "Sorğunuzun vəziyyəti: " + settings.statusUrl() + r.statusToken() + "\n\n")
        + "Bu məktuba cavab yazsanız, yazdığınız sorğunuza əlavə olunacaq; mövzu sətrindəki nömrəni saxlayın.\n"
        + "Bu məktub avtomatik göndərilmişdir.\n\n--\n" + senderName() + "\n";
  }

  /** The acknowledgement of a request made in English (the web form's English page), wholly in English. */
  String acknowledgementEnglish(RegisterService.Registered r) {
    DeadlineExplanation due = r.due();
    DeadlineRule rule = due.rule();
    String dueText;
    String basis;
    if (rule.unit() == DeadlineRule.Unit.HOURS) {
      var at = due.dueAt().withZoneSameInstant(zone);
      dueText = AzDates.format(at.toLocalDate(), Locale.ENGLISH) + ", " + TIME.format(at) + " (Baku time)";
      basis = "The period is " + rule.amount() + " hours from the moment of registration";
    } else {
      dueText = AzDates.format(due.dueDate(), Locale.ENGLISH);
      basis = "The period is " + rule.amount() + " working days, counted from the first working day after"
          + " registration (" + AzDates.format(due.startDay(), Locale.ENGLISH) + "); Saturdays, Sundays and"
          + " non-working days are not counted";
    }
    String registered = AzDates.format(r.event().at().atZone(zone).toLocalDate(), Locale.ENGLISH);
    return "Dear " + name(r.submission().name(), "requester") + ",\n\n"
        + "Your request was registered on " + registered + " under number " + r.number() + ".\n\n"
        + "The answer is due by: " + dueText + ".\n"
        + basis + " (" + rule.legalBasis() + ").\n\n"
        + (settings.statusUrl().isEmpty() ? "" : "The status of your request: " + settings.statusUrl() + r.statusToken()
            + "\n\n")
        + "If you reply to this e-mail, your reply is added to your request; keep the number in the subject.\n"
        + "This e-mail was sent automatically.\n\n--\n" + senderName() + "\n";
  }

  /** The language code of requests acknowledged in English; every other language gets Azerbaijani. */
  static final String ENGLISH = "en";

  private static final Map<String, String> LEGAL_BASIS_AZ = Map.of(
      DeadlineRules.INFO_REQUEST, "“İnformasiya əldə etmək haqqında” Qanun (2005), maddə 24.1; müddət qeydiyyatdan"
          + " sonrakı iş günündən hesablanır (maddə 24.5)",
      DeadlineRules.LOSES_RELEVANCE, "“İnformasiya əldə etmək haqqında” Qanun (2005), maddə 24.2: məlumat"
          + " aktuallığını itirə bilər — 24 saat",
      DeadlineRules.THREAT_TO_LIFE, "“İnformasiya əldə etmək haqqında” Qanun (2005), maddə 24.3: insanın həyatı,"
          + " sağlamlığı və ya azadlığı təhlükə altındadır — 48 saat",
      DeadlineRules.UNCLEAR_REQUEST, "“İnformasiya əldə etmək haqqında” Qanun (2005), maddə 24.4",
      DeadlineRules.FORWARD_TO_HOLDER, "“İnformasiya əldə etmək haqqında” Qanun (2005), maddə 23.1",
      DeadlineRules.EXTENSION, "“İnformasiya əldə etmək haqqında” Qanun (2005): cavab müddətinin sorğu verənə"
          + " bildirişlə uzadılması",
      DeadlineRules.APPEAL, "“Vətəndaşların müraciətləri haqqında” Qanun (2015), maddə 10.1",
      DeadlineRules.APPEAL_EXTENDED, "“Vətəndaşların müraciətləri haqqında” Qanun (2015), maddə 10.1",
      DeadlineRules.APPEAL_FORWARD, "“Vətəndaşların müraciətləri haqqında” Qanun (2015)");

  /**
   * The legal basis of {@code rule} in Azerbaijani (the same wording as the theme's {@code
   * inbox.basis.*} messages). A basis changed in the settings is quoted as the administrator wrote it.
   */
  static String legalBasisAz(DeadlineRule rule) {
    boolean isDefault = DeadlineRules.defaults().stream()
        .anyMatch(d -> d.id().equals(rule.id()) && d.legalBasis().equals(rule.legalBasis()));
    String az = LEGAL_BASIS_AZ.get(rule.id());
    return isDefault && az != null ? az : rule.legalBasis();
  }

  private static String name(String name) {
    return name(name, "vətəndaş");
  }

  private static String name(String name, String otherwise) {
    String n = name == null ? "" : name.replaceAll("[\\r\\n\\t]+", " ").strip();
    return n.isEmpty() ? otherwise : n;
  }

  private String senderName() {
    return senderName(settings.from());
  }

  /** The display name of the {@code from} address ("disclose" when it has none). */
  static String senderName(String from) {
    int lt = from.indexOf('<');
    String n = lt > 0 ? from.substring(0, lt).replace("\"", "").strip() : from;
    return n.isEmpty() ? "disclose" : n;
  }
}
