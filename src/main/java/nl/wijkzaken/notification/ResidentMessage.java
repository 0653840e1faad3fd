package nl.wijkzaken.notification;

/** One message to the resident, ready to send: the seam where e-mail sending plugs in. */
public record ResidentMessage(
        String caseNumber,
        String messageType,
        String recipientName,
        String recipientEmail,
        String subject,
        String body) {
}
