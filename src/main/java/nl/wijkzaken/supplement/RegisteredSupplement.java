package nl.wijkzaken.supplement;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/** A supplement as stored: when it was received and registered, how, by whom, and its attachments. */
public record RegisteredSupplement(long id, String caseNumber, LocalDate receivedOn, Channel channel, String text,
        LocalDateTime registeredAt, String registeredBy, List<StoredAttachment> attachments) {
}
