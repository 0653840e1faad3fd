package nl.wijkzaken.mail;

import java.util.Map;
import java.util.Objects;

/**
 * One mail to a resident. {@code messageId} identifies it for good (e.g. {@code BV-2026-000042/besluit}): a
 * second send with the same id does nothing. {@code values} are the template's variables, e.g. applicantName,
 * caseNumber, title, statusUrl, repairTerm, deadline, decision, motivation.
 */
public record ResidentMail(String messageId, MessageType type, String recipient, Map<String, String> values) {

    public ResidentMail {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(recipient, "recipient");
        values = values == null ? Map.of() : Map.copyOf(values);
    }
}
