package az.disclose.inbox.web;

import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.MultiPart;
import org.eclipse.jetty.http.MultiPartConfig;
import org.eclipse.jetty.http.MultiPartFormData;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.content.ByteBufferContentSource;
import org.eclipse.jetty.util.Attributes;

/**
 * A submitted form, decoded from the exact body bytes: the text fields (first value of each name)
 * and the uploaded files of the {@code attachments} field.
 */
record FormInput(Map<String, String> fields, List<Upload> files) {

  static final String ATTACHMENTS = "attachments";

  /** One uploaded file as the browser sent it. */
  record Upload(String fileName, byte[] bytes) {}

  /** The body could not be decoded as the form it claims to be. */
  static final class MalformedException extends Exception {
    private static final long serialVersionUID = 1L;

    MalformedException(String message, Throwable cause) {
      super(message, cause);
    }

    MalformedException(String message) {
      super(message);
    }
  }

  String get(String name) {
    return fields.get(name);
  }

  /** {@code application/x-www-form-urlencoded}, UTF-8 (the form says {@code accept-charset="UTF-8"}). */
  static FormInput urlEncoded(byte[] body) throws MalformedException {
    Map<String, String> fields = new LinkedHashMap<>();
    String text = new String(body, StandardCharsets.US_ASCII);
    try {
      for (String pair : text.split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int eq = pair.indexOf('=');
        String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        fields.putIfAbsent(name, value);
      }
    } catch (IllegalArgumentException e) {
      throw new MalformedException("malformed url-encoded form", e);
    }
    return new FormInput(fields, List.of());
  }

  /** {@code multipart/form-data}, parsed in memory by Jetty's parser (the body is already bounded). */
  static FormInput multipart(byte[] body, String contentType, IntakeLimits limits) throws MalformedException {
    String boundary = MultiPart.extractBoundary(contentType);
    if (boundary == null || boundary.isEmpty()) {
      throw new MalformedException("multipart form without a boundary");
    }
    MultiPartConfig config = new MultiPartConfig.Builder()
        .maxParts(limits.maxParts())
        .maxSize(limits.maxBodyBytes())
        .maxPartSize(limits.maxBodyBytes())
        .maxMemoryPartSize(limits.maxBodyBytes())
        .useFilesForPartsWithoutFileName(false)
        .build();
    MultiPartFormData.Parts parts;
    try {
      parts = MultiPartFormData.getParts(new ByteBufferContentSource(ByteBuffer.wrap(body)), new Attributes.Mapped(),
          contentType, config);
    } catch (RuntimeException e) {
      throw new MalformedException("malformed multipart form", e);
    }
    try (parts) {
      Map<String, String> fields = new LinkedHashMap<>();
      List<Upload> files = new ArrayList<>();
      for (MultiPart.Part part : parts) {
        String name = part.getName();
        if (name == null) {
          continue;
        }
        String fileName = part.getFileName();
        if (fileName != null) {
          if (!name.equals(ATTACHMENTS)) {
            continue;
          }
          byte[] bytes = bytes(part);
          if (fileName.isEmpty() && bytes.length == 0) {
            continue; // the browser's empty file input
          }
          files.add(new Upload(fileName, bytes));
        } else {
          fields.putIfAbsent(name, part.getContentAsString(StandardCharsets.UTF_8));
        }
      }
      return new FormInput(fields, files);
    } catch (java.io.IOException | RuntimeException e) {
      throw new MalformedException("malformed multipart form", e);
    }
  }

  private static byte[] bytes(MultiPart.Part part) throws java.io.IOException {
    ByteBuffer buffer = Content.Source.asByteBuffer(part.createContentSource());
    byte[] out = new byte[buffer.remaining()];
    buffer.get(out);
    return out;
  }
}
