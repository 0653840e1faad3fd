package nl.wijkzaken.residents.internal;

import java.time.LocalDate;
import java.util.Date;
import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.wijkzaken.casefile.CaseEventType;
import nl.wijkzaken.casefile.CaseFiles;
import nl.wijkzaken.intake.ResidentRequest;
import nl.wijkzaken.models.ResidentRequestProcess;
import nl.wijkzaken.models.ResidentRequestProcess.Messages;
import nl.wijkzaken.models.ResidentRequestProcess.Variables;
import nl.wijkzaken.shared.EngineClock;

/**
 * The resident's supplement to an incomplete request (Awb 4:5). Offered only while the process waits for the
 * message {@value ResidentRequestProcess.Messages#SUPPLEMENT_RECEIVED}; sending it correlates that message with the text as variable
 * {@code supplementText}, which the owner reads in "Volledigheid beoordelen", and the deadline runs again.
 */
@Service
class Supplements {

    static final int MAX_LENGTH = 4000;

    private final RuntimeService runtimeService;
    private final CaseFiles caseFiles;

    Supplements(@Lazy RuntimeService runtimeService, CaseFiles caseFiles) {
        this.runtimeService = runtimeService;
        this.caseFiles = caseFiles;
    }

    /** What was asked and the last day to send it; empty when the case does not wait for a supplement. */
    record Request(String missingInformation, LocalDate lastDay) {
    }

    /** Thrown when the case does not (or no longer) wait for a supplement; nothing has changed. */
    static class NotWaitingException extends RuntimeException {
        NotWaitingException() {
            super("Case does not wait for a supplement");
        }
    }

    Optional<Request> requested(ResidentCase residentCase) {
        String processInstanceId = residentCase.processInstanceId();
        boolean waiting = runtimeService.createEventSubscriptionQuery().processInstanceId(processInstanceId)
                .eventType("message").eventName(Messages.SUPPLEMENT_RECEIVED).count() > 0;
        if (!waiting) {
            return Optional.empty();
        }
        Object asked = runtimeService.getVariable(processInstanceId, Variables.COMPLETENESS_MOTIVATION);
        // repairTermEndsAt is the start of the day after the last day.
        Date endsAt = (Date) runtimeService.getVariable(processInstanceId, Variables.REPAIR_TERM_ENDS_AT);
        return Optional.of(new Request(asked == null ? null : asked.toString(),
                endsAt == null ? null : EngineClock.toLocalDate(endsAt).minusDays(1)));
    }

    /** The Dutch error for an unusable text, or null. */
    static String problem(String text) {
        if (text == null || text.isBlank()) {
            return "Vul uw aanvulling in.";
        }
        text = RequestForm.lineBreaks(text);
        if (!text.matches(ResidentRequest.MULTI_LINE)) {
            return ResidentRequest.CONTROL_CHARACTER;
        }
        if (text.length() > MAX_LENGTH) {
            return "Uw aanvulling mag hoogstens " + MAX_LENGTH + " tekens lang zijn (nu " + text.length() + ").";
        }
        return null;
    }

    /** Records the supplement in the case history and resumes the case, in one transaction. */
    @Transactional
    void send(ResidentCase residentCase, String text) {
        if (problem(text) != null) {
            throw new IllegalArgumentException(problem(text));
        }
        if (requested(residentCase).isEmpty()) {
            throw new NotWaitingException();
        }
        String supplement = RequestForm.lineBreaks(text).strip();
        // The whole text (up to the column's 4000 characters): the event type and actor "bewoner" say what it is.
        caseFiles.recordEvent(residentCase.caseNumber(), CaseEventType.SUPPLEMENT_RECEIVED, null, supplement, "bewoner");
        runtimeService.createMessageCorrelation(Messages.SUPPLEMENT_RECEIVED)
                .processInstanceBusinessKey(residentCase.caseNumber())
                .setVariable(Variables.SUPPLEMENT_TEXT, supplement)
                .correlate();
    }
}
