package nl.wijkzaken.supplement;

/** A file sent with a supplement, as received (checked by the module before anything is stored). */
public record Attachment(String fileName, String declaredContentType, byte[] content) {
}
