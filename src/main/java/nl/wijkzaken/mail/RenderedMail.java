package nl.wijkzaken.mail;

record RenderedMail(String subject, String body) {
}
