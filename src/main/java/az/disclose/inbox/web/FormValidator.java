package az.disclose.inbox.web;

import az.disclose.inbox.model.Attachment;
import az.disclose.inbox.model.RequestType;
import az.disclose.inbox.model.Urgency;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks every field of the request form against {@link IntakeLimits}. The result names each
 * invalid field with a message key ({@code inbox.error.<field>.<code>}) that the page or the JSON
 * answer resolves in the requester's language.
 */
final class FormValidator {
  static final Set<String> LANGUAGES = Set.of("az", "en");
  static final String HONEYPOT = "website";

  private static final Pattern EMAIL = Pattern.compile(
      "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
          + "@(?:[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?\\.)+\\p{L}{2,63}");
  private static final int MAX_LOCAL_PART = 64;
  private static final int MAX_FILE_NAME = 255;

  private final IntakeLimits limits;

  FormValidator(IntakeLimits limits) {
    this.limits = limits;
  }

  /** One invalid field: {@code inbox.error.<field>.<code>}, with {@code {0}}, {@code {1}} filled from args. */
  record FieldError(String field, String code, List<String> args) {
    String key() {
      return "inbox.error." + field + "." + code;
    }

    String message(Map<String, String> msg) {
      String text = msg.getOrDefault(key(), key());
      for (int i = 0; i < args.size(); i++) {
        text = text.replace("{" + i + "}", args.get(i));
      }
      return text;
    }
  }

  /**
   * The outcome: the values as typed (for re-showing), the language to answer in, the errors, and
   * when there are none the checked values.
   */
  record Result(
      Map<String, String> typed,
      String language,
      List<FieldError> errors,
      RequestType type,
      Urgency urgency,
      List<Attachment> attachments) {
    boolean valid() {
      return errors.isEmpty();
    }
  }

  /** Whether the hidden honeypot field was filled (a person never sees it), in any of its values. */
  static boolean honeypotFilled(FormInput form) {
    return form.all(HONEYPOT).stream().anyMatch(v -> !v.isBlank());
  }

  /** The requester's language from the form: "az" or "en"; {@code fallback} when missing or unknown. */
  static String language(FormInput form, String fallback) {
    String lang = form.get("lang");
    return lang != null && LANGUAGES.contains(lang.trim()) ? lang.trim() : fallback;
  }

  Result validate(FormInput form, String defaultLanguage) {
    List<FieldError> errors = new ArrayList<>();
    Map<String, String> typed = new LinkedHashMap<>();

    String name = singleLine(form.get("name"));
    typed.put("name", name);
    if (name.isEmpty()) {
      errors.add(error("name", "required"));
    } else if (name.length() > limits.maxNameLength()) {
      errors.add(error("name", "too_long", limits.maxNameLength()));
    }

    String email = singleLine(form.get("email"));
    typed.put("email", email);
    if (email.isEmpty()) {
      errors.add(error("email", "required"));
    } else if (email.length() > limits.maxEmailLength()) {
      errors.add(error("email", "too_long", limits.maxEmailLength()));
    } else if (!EMAIL.matcher(email).matches() || email.indexOf('@') > MAX_LOCAL_PART) {
      errors.add(error("email", "invalid"));
    }

    String typeText = singleLine(form.get("type"));
    typed.put("type", typeText);
    Optional<RequestType> type = RequestType.ofKey(typeText);
    if (typeText.isEmpty()) {
      errors.add(error("type", "required"));
    } else if (type.isEmpty()) {
      errors.add(error("type", "invalid"));
    }

    String urgencyText = singleLine(form.get("urgency"));
    typed.put("urgency", urgencyText.isEmpty() ? Urgency.NORMAL.key() : urgencyText);
    Urgency urgency = Urgency.NORMAL;
    if (!urgencyText.isEmpty()) {
      Optional<Urgency> u = Urgency.ofKey(urgencyText);
      if (u.isEmpty()) {
        errors.add(error("urgency", "invalid"));
      } else if (u.get() != Urgency.NORMAL && type.isPresent() && !type.get().regime().allowsUrgency()) {
        // the shortened periods of art. 24.2-24.3 exist only for information requests: say so
        // rather than silently dropping what the requester asked for
        errors.add(error("urgency", "not_applicable"));
      } else {
        urgency = u.get();
      }
    }

    String subject = singleLine(form.get("subject"));
    typed.put("subject", subject);
    if (subject.isEmpty()) {
      errors.add(error("subject", "required"));
    } else if (subject.length() > limits.maxSubjectLength()) {
      errors.add(error("subject", "too_long", limits.maxSubjectLength()));
    }

    String message = form.get("message") == null ? "" : form.get("message");
    typed.put("message", message);
    if (message.isBlank()) {
      errors.add(error("message", "required"));
    } else if (message.length() > limits.maxMessageLength()) {
      errors.add(error("message", "too_long", limits.maxMessageLength()));
    }

    String langText = form.get("lang") == null ? "" : form.get("lang").trim();
    String language = LANGUAGES.contains(langText) ? langText : defaultLanguage;
    typed.put("lang", language);
    if (!langText.isEmpty() && !LANGUAGES.contains(langText)) {
      errors.add(error("lang", "invalid"));
    }

    List<Attachment> attachments = new ArrayList<>();
    if (form.files().size() > limits.maxAttachments()) {
      errors.add(error("attachments", "too_many", limits.maxAttachments()));
    } else {
      for (FormInput.Upload upload : form.files()) {
        String fileName = fileName(upload.fileName());
        if (fileName.isEmpty()) {
          errors.add(error("attachments", "no_name"));
        } else if (upload.length() > limits.maxAttachmentBytes()) {
          errors.add(error("attachments", "too_large", fileName, mebibytes(limits.maxAttachmentBytes())));
        } else {
          byte[] bytes = upload.bytes();
          Optional<String> mediaType = FileTypes.check(fileName, bytes);
          if (mediaType.isEmpty()) {
            errors.add(error("attachments", "type", fileName, FileTypes.ALLOWED_TEXT));
          } else {
            // stored as a slice of the raw body, which the register keeps anyway
            attachments.add(Attachment.slice(fileName, mediaType.get(), bytes, upload.offset()));
          }
        }
      }
    }
    return new Result(typed, language, List.copyOf(errors), type.orElse(null), urgency, List.copyOf(attachments));
  }

  private static FieldError error(String field, String code, Object... args) {
    List<String> texts = new ArrayList<>();
    for (Object a : args) {
      texts.add(String.valueOf(a));
    }
    return new FieldError(field, code, List.copyOf(texts));
  }

  private static String mebibytes(long bytes) {
    return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MiB" : bytes + " B";
  }

  /** Trimmed, with control characters (line breaks included) turned into spaces. */
  static String singleLine(String value) {
    if (value == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      sb.append(Character.isISOControl(c) ? ' ' : c);
    }
    return sb.toString().strip();
  }

  /** The last path segment (old browsers send "C:\\...\\file.pdf"), without control characters. */
  static String fileName(String raw) {
    String name = singleLine(raw);
    int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
    name = name.substring(slash + 1).strip();
    if (name.length() > MAX_FILE_NAME) {
      name = name.substring(name.length() - MAX_FILE_NAME);
    }
    return name.equals(".") || name.equals("..") ? "" : name;
  }
}
