package az.disclose.inbox;

/** A file that came with a request, kept byte for byte. */
public record Attachment(String fileName, String contentType, byte[] bytes) {}
