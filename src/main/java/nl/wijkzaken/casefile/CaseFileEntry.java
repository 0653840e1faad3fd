package nl.wijkzaken.casefile;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One case as the register knows it. The decision fields are empty until the case is concluded;
 * {@code decidedAfterDeadline} compares the day the decision became final with the legal deadline of that moment.
 */
public record CaseFileEntry(
        String caseNumber,
        String title,
        String neighbourhood,
        String category,
        BigDecimal amountRequested,
        String ownerGroup,
        LocalDate receivedOn,
        LocalDate legalDeadline,
        LocalDate suspendedSince,
        boolean deadlineExtended,
        String status,
        String outcome,
        BigDecimal decidedAmount,
        String decidedBy,
        String decidingGroup,
        LocalDate decidedOn,
        Boolean decidedAfterDeadline) {
}
