package nl.wijkzaken.mail;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One mail to a resident. {@code messageId} identifies it for good (e.g. {@code BV-2026-000042/besluit}): a
 * second send with the same id does nothing. {@code values} are the template's variables (see
 * templates/mail/README.md), e.g. applicantName, caseNumber, title, statusUrl, repairTerm, decision, motivation.
 * {@code attachments} go with the mail as files (e.g. the decision letter as PDF); they are not stored with it.
 */
public record ResidentMail(String messageId, MessageType type, String recipient, Map<String, String> values,
                           List<Attachment> attachments) {

    public ResidentMail {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(recipient, "recipient");
        values = values == null ? Map.of() : Map.copyOf(values);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    public ResidentMail(String messageId, MessageType type, String recipient, Map<String, String> values) {
        this(messageId, type, recipient, values, List.of());
    }

    /** A file attached to the mail. */
    public record Attachment(String fileName, String contentType, byte[] content) {

        public Attachment {
            Objects.requireNonNull(fileName, "fileName");
            Objects.requireNonNull(contentType, "contentType");
            Objects.requireNonNull(content, "content");
        }
    }

    /**
     * The id of the {@code occurrence}-th mail of this type in a case (from 1): {@code BV-2026-000042/besluit}, a
     * second request for a supplement {@code BV-2026-000042/aanvulling-gevraagd/2}.
     */
    public static String messageId(String caseNumber, MessageType type, int occurrence) {
        if (occurrence < 1) {
            throw new IllegalArgumentException("occurrence starts at 1");
        }
        return caseNumber + "/" + type.template() + (occurrence == 1 ? "" : "/" + occurrence);
    }
}
