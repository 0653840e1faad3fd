package nl.wijkzaken.casefile;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * The deadline facts of a case file beyond {@link CaseFile}: when it was registered (the date of receipt is
 * {@link CaseFile#receivedOn()}), where counting the decision term ends before the Algemene termijnenwet, the date
 * announced in a notice of extension (Awb 4:14) and the kind of term ({@code regeling} / {@code redelijke-termijn}).
 * Null for what is not known (cases from before these were recorded, no extension).
 */
public record CaseDeadline(String caseNumber, LocalDateTime registeredAt, LocalDate legalDeadline,
                           LocalDate countedDeadline, LocalDate announcedDeadline, String termKind) {
}
