package nl.wijkzaken.casefile;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * One entry of a case's append-only history. {@code statusText} is resident-facing (null for internal events);
 * deadline events carry the deadline before and after.
 */
public record CaseEvent(
        long id,
        String caseNumber,
        LocalDateTime occurredAt,
        String type,
        String statusText,
        String detail,
        String actor,
        LocalDate deadlineBefore,
        LocalDate deadlineAfter) {

    public static final String STATUS = "STATUS";
    public static final String MESSAGE_SENT = "BERICHT_VERSTUURD";
    public static final String ADVICE_GIVEN = "ADVIES_GEGEVEN";
    public static final String DELIBERATION = "OVERLEG_VASTGELEGD";
    public static final String DECISION = "BESLUIT";
    public static final String CO_SIGNED = "MEDEONDERTEKEND";
    public static final String DEADLINE_SUSPENDED = "TERMIJN_OPGESCHORT";
    public static final String DEADLINE_RESUMED = "TERMIJN_HERVAT";
    public static final String DEADLINE_EXTENDED = "TERMIJN_VERLENGD";
    public static final String DEADLINE_REMINDED = "TERMIJN_HERINNERING";
    public static final String DEADLINE_ESCALATED = "TERMIJN_ESCALATIE";
    /** The resident's supplement, as sent from the status page. */
    public static final String SUPPLEMENT_RECEIVED = "AANVULLING_ONTVANGEN";
}
