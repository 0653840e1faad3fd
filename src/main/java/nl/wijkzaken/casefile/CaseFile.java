package nl.wijkzaken.casefile;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The application's record of one case. */
public record CaseFile(
        String caseNumber,
        String processInstanceId,
        String channel,
        String applicantName,
        String applicantEmail,
        String neighbourhood,
        String category,
        String title,
        BigDecimal amountRequested,
        String urgency,
        String ownerGroup,
        String ownerTeam,
        LocalDate receivedOn,
        LocalDate legalDeadline,
        LocalDate suspendedSince,
        boolean deadlineExtended,
        CaseStatus status,
        Outcome outcome,
        BigDecimal decidedAmount,
        LocalDate closedOn) {

    public String statusText() {
        return status.text();
    }
}
