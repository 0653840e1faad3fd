package nl.wijkzaken.support;

import java.math.BigDecimal;
import java.time.LocalDate;

import nl.wijkzaken.casefile.CaseFile;
import nl.wijkzaken.casefile.CaseFiles;
import nl.wijkzaken.casefile.CaseStatus;
import nl.wijkzaken.casefile.Outcome;

/**
 * TEST ONLY: case files written through the real {@link CaseFiles}, as the process writes them (open, conclude,
 * record the decision), for slice tests that have no engine to run a case.
 */
public final class CaseFileData {

    private final CaseFiles caseFiles;

    public CaseFileData(CaseFiles caseFiles) {
        this.caseFiles = caseFiles;
    }

    /** A running case received on {@code receivedOn}, with the legal deadline 8 weeks later. */
    public void open(String caseNumber, String neighbourhood, LocalDate receivedOn) {
        caseFiles.open(new CaseFile(caseNumber, "pi-" + caseNumber, "online", "Fatima Bakker", "fatima@example.org",
                neighbourhood, "OVERIG", "Verzoek " + caseNumber, new BigDecimal("3000.00"), "NORMAAL",
                "wijkmanager-" + neighbourhood, "Wijkteam " + neighbourhood, receivedOn, receivedOn.plusWeeks(8),
                null, false, CaseStatus.IN_BEHANDELING, null, null, null));
    }

    /** A case decided by {@code user} in {@code group}, {@code daysAfterDeadline} after its legal deadline. */
    public void decided(String caseNumber, String neighbourhood, LocalDate receivedOn, Outcome outcome, String user,
                        String group, int daysAfterDeadline) {
        open(caseNumber, neighbourhood, receivedOn);
        caseFiles.conclude(caseNumber, CaseStatus.AFGEHANDELD, outcome,
                outcome.grants() ? new BigDecimal("3000.00") : null, "Besluit", user);
        caseFiles.recordDecision(caseNumber, user, group, receivedOn.plusWeeks(8).plusDays(daysAfterDeadline));
    }
}
