package nl.wijkzaken.process.internal;

import java.time.LocalDate;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import nl.wijkzaken.casefile.CaseDeadline;
import nl.wijkzaken.casefile.CaseFiles;

/**
 * {@code POST /api/cases/{caseNumber}/deadline-suspensions}: Awb 4:15 lid 2, for the case's owner group (HTTP Basic,
 * problem+json errors in Dutch). Answers the deadline as it then stands.
 */
@RestController
class DeadlineSuspensionController {

    private final DeadlineSuspensions suspensions;
    private final CaseFiles caseFiles;

    DeadlineSuspensionController(DeadlineSuspensions suspensions, CaseFiles caseFiles) {
        this.suspensions = suspensions;
        this.caseFiles = caseFiles;
    }

    /**
     * @param ground {@code toestemming} (4:15 lid 2 sub a) or {@code vertraging-aanvrager} (sub b)
     * @param from   the first day the term stands still
     * @param to     the last day the term stands still (counted)
     */
    record SuspensionRequest(String ground, String reason, LocalDate from, LocalDate to) {
    }

    @PostMapping("/api/cases/{caseNumber}/deadline-suspensions")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> suspend(@PathVariable String caseNumber, @RequestBody SuspensionRequest request) {
        suspensions.suspend(caseNumber, request.ground(), request.reason(), request.from(), request.to());
        CaseDeadline deadline = caseFiles.deadline(caseNumber).orElseThrow();
        return Map.of("caseNumber", caseNumber, "legalDeadline", deadline.legalDeadline().toString(),
                "countedDeadline", String.valueOf(deadline.countedDeadline()));
    }
}
