package nl.wijkzaken.residents.internal;

import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.wijkzaken.casefile.CaseFiles;
import nl.wijkzaken.intake.ResidentRequest;
import nl.wijkzaken.models.ResidentRequestProcess;
import nl.wijkzaken.models.ResidentRequestProcess.Messages;
import nl.wijkzaken.models.ResidentRequestProcess.Tasks;
import nl.wijkzaken.models.ResidentRequestProcess.Variables;
import nl.wijkzaken.shared.EngineClock;
import nl.wijkzaken.supplement.Attachment;
import nl.wijkzaken.supplement.SupplementRegistrations;

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
    private final SupplementRegistrations registrations;

    Supplements(@Lazy RuntimeService runtimeService, CaseFiles caseFiles, SupplementRegistrations registrations) {
        this.runtimeService = runtimeService;
        this.caseFiles = caseFiles;
        this.registrations = registrations;
    }

    /**
     * What was asked and the last day to send it; empty when the case does not wait for a supplement. After the
     * repair term lapsed the case still takes one until the 4:5 decision ({@code termLapsed}): the page says so.
     */
    record Request(String missingInformation, LocalDate lastDay, boolean termLapsed) {
        Request(String missingInformation, LocalDate lastDay) {
            this(missingInformation, lastDay, false);
        }
    }

    /** Thrown when the case does not (or no longer) wait for a supplement; nothing has changed. */
    static class NotWaitingException extends RuntimeException {
        NotWaitingException() {
            super("Case does not wait for a supplement");
        }
    }

    Optional<Request> requested(ResidentCase residentCase) {
        String processInstanceId = residentCase.processInstanceId();
        var subscription = runtimeService.createEventSubscriptionQuery().processInstanceId(processInstanceId)
                .eventType("message").eventName(Messages.SUPPLEMENT_RECEIVED).list().stream().findFirst();
        if (subscription.isEmpty()) {
            return Optional.empty();
        }
        // Caught on "Buiten behandeling stellen of doorgaan": the repair term lapsed and the 4:5 decision is pending.
        boolean lapsed = Tasks.DECIDE_NOT_HANDLED.equals(subscription.get().getActivityId())
                || Tasks.LATE_SUPPLEMENT_RECEIVED.equals(subscription.get().getActivityId());
        Object asked = runtimeService.getVariable(processInstanceId, Variables.COMPLETENESS_MOTIVATION);
        // repairTermEndsAt is the start of the day after the last day.
        Date endsAt = (Date) runtimeService.getVariable(processInstanceId, Variables.REPAIR_TERM_ENDS_AT);
        LocalDate lastDay = endsAt == null ? null : EngineClock.toLocalDate(endsAt).minusDays(1);
        return Optional.of(new Request(asked == null ? null : asked.toString(), lastDay, lapsed));
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

    /**
     * Stores the supplement with its attachments (PDF, JPEG, PNG; checked by the supplement module), records it in the
     * case history (actor "bewoner", the whole text) and resumes the case with today as the date of receipt, in one
     * transaction. A refused attachment throws the supplement module's {@code Refusal}; nothing is stored then.
     */
    @Transactional
    void send(ResidentCase residentCase, String text, List<Attachment> attachments) {
        if (problem(text) != null) {
            throw new IllegalArgumentException(problem(text));
        }
        if (requested(residentCase).isEmpty()) {
            throw new NotWaitingException();
        }
        registrations.fromResident(residentCase.caseNumber(), RequestForm.lineBreaks(text).strip(), attachments);
    }

    void send(ResidentCase residentCase, String text) {
        send(residentCase, text, List.of());
    }
}
