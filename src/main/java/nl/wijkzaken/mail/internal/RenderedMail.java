package nl.wijkzaken.mail.internal;

public record RenderedMail(String subject, String body) {
}
