package nl.wijkzaken.audit;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The answers an auditor looks for first: what was decided, by whom (user, group, role), under which rule of
 * the mandate table, and whether within the legal deadline, with the deadline's history. Fields are null where
 * the case has not got that far (or, for a case without a case file, where only the engine's history exists).
 *
 * @param daysAfterDeadline day of the final decision minus the legal deadline: positive = that many days late
 * @param deadlineVerdict   the same in one Dutch sentence, also for a case that is still running
 */
public record DossierSummary(
        String title,
        String neighbourhood,
        String status,
        LocalDate receivedOn,
        String outcome,
        BigDecimal decidedAmount,
        Actor decidedBy,
        Instant decidedAt,
        Actor coSignedBy,
        Instant coSignedAt,
        MandateRule mandate,
        LocalDate decidedOn,
        LocalDate legalDeadline,
        LocalDate suspendedSince,
        boolean deadlineExtended,
        Long daysAfterDeadline,
        String deadlineVerdict,
        List<DeadlineChange> deadlineHistory,
        Story story) {

    /**
     * What was asked, what was decided and why, from the case file and the last values the people entered in the
     * forms (null where the case has not got that far).
     *
     * @param amountToDecide the amount the decider decided on: what was asked, or what the deliberation agreed
     * @param reasons        the decider's motivation (Awb 3:46)
     * @param deliberation   the joint deliberation's agreement and why the amount changed
     * @param advice         the advices in words
     * @param grant          what the grant states (activity, dates, advance or direct settlement, written change,
     *                       obligations: Awb 4:29-4:41, 4:95), null without a grant
     */
    public record Story(String title, String description, BigDecimal amountAsked, BigDecimal amountToDecide,
                        String reasons, String deliberation, String advice, String grant) {
    }

    /** A person acting in a group, and the role that group has in role-authorizations.yml. */
    public record Actor(String user, String group, String role) {
    }

    /**
     * The row of the mandate table that decided who may decide: its id, its annotation and its conditions
     * (input label → the rule's test, "-" for any value), with the inputs and outputs of that evaluation.
     */
    public record MandateRule(String decisionKey, String decisionName, int version, String ruleId, String annotation,
                              Map<String, String> conditions, Map<String, Object> inputs, Map<String, Object> outputs,
                              Instant evaluatedAt) {
    }

    /** One moment the legal deadline was set, suspended, moved or passed: the deadline before and after. */
    public record DeadlineChange(Instant at, String eventType, LocalDate before, LocalDate after, String description) {
    }
}
