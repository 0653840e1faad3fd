package nl.wijkzaken.process;

import static nl.wijkzaken.process.ProcessVariables.amount;
import static nl.wijkzaken.process.ProcessVariables.string;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

import nl.wijkzaken.casefile.CaseEventType;
import nl.wijkzaken.casefile.CaseFiles;
import nl.wijkzaken.casefile.Outcome;
import nl.wijkzaken.models.ResidentRequestProcess.Variables;
import nl.wijkzaken.refusal.Refusal;
import nl.wijkzaken.shared.DutchFormat;
import nl.wijkzaken.shared.EngineClock;

/**
 * Bean {@code grantTerms}: what a grant states besides its amount (verlening, Awb 4:29-4:41, 4:95; LEGAL.md 2).
 * <ul>
 * <li>{@link #propose}: create listener of "Besluit nemen" and "Snel afhandelen": prefills the activity (title and
 * description), the obligations ("Subsidieverplichtingen bepalen", table grant-obligations, one per line) and a
 * proposal for the end of the activity and the accountability date, as task variables the decider edits.</li>
 * <li>{@link #check}: complete listener of the same tasks: for a (partial) grant the activity, obligations and both
 * dates are required; the activity ends after the decision date and the accountability is not due before the
 * activity ended. Fixes them on the case; a refusal clears what an earlier decision on this case had fixed.</li>
 * <li>{@link #recordAdvance}: end of "Voorschot bepalen" (table grant-advance, only for a grant): the advance
 * percentage and amount, or direct settlement, on the case, and the grant's elements as a case event.</li>
 * </ul>
 */
@Component("grantTerms")
public class GrantTerms {

    /** Result of "Subsidieverplichtingen bepalen": the table's lines (collectEntries). */
    static final String OBLIGATION_LINES = "grantObligationLines";
    /** Result of "Voorschot bepalen" (singleResult: advancePercentage, settlement). */
    static final String ADVANCE_RESULT = "grantAdvance";
    /** Settlement codes of the table grant-advance. */
    static final String DIRECT = "direct";
    static final String AFTER_ACCOUNTABILITY = "na-verantwoording";

    /**
     * The proposal for the decider; the regulation (demo, art. 10) asks the accountability within 13 weeks after the
     * activity. Six months leaves room for an activity that is still to be organised.
     */
    private static final int PROPOSED_ACTIVITY_MONTHS = 6;
    private static final int ACCOUNTABILITY_WEEKS = 13;

    private final CaseFiles caseFiles;

    GrantTerms(CaseFiles caseFiles) {
        this.caseFiles = caseFiles;
    }

    /** Create listener: prefills the grant's terms as task variables, unless the case already has them (a second decision). */
    public void propose(DelegateTask task) {
        if (task.getVariable(Variables.GRANT_OBLIGATIONS) == null) {
            Object lines = task.getVariable(OBLIGATION_LINES);
            if (lines instanceof List<?> list && !list.isEmpty()) {
                task.setVariableLocal(Variables.GRANT_OBLIGATIONS,
                        list.stream().map(String::valueOf).collect(Collectors.joining("\n")));
            }
        }
        if (task.getVariable(Variables.GRANT_ACTIVITY) == null) {
            String title = string(task, Variables.TITLE);
            String description = string(task, Variables.DESCRIPTION);
            task.setVariableLocal(Variables.GRANT_ACTIVITY, blank(description) ? title : title + ": " + description.strip());
        }
        if (task.getVariable(Variables.ACTIVITY_END_DATE) == null) {
            LocalDate activityEnd = EngineClock.today().plusMonths(PROPOSED_ACTIVITY_MONTHS);
            task.setVariableLocal(Variables.ACTIVITY_END_DATE, activityEnd.toString());
            task.setVariableLocal(Variables.ACCOUNTABILITY_DUE_DATE, activityEnd.plusWeeks(ACCOUNTABILITY_WEEKS).toString());
        }
    }

    /** Complete listener: checks and fixes the terms of a (partial) grant. */
    public void check(DelegateTask task) {
        DelegateExecution instance = task.getExecution().getProcessInstance();
        // A new decision: what an earlier one promised (co-signing refused) is determined again after it.
        for (String stale : List.of(Variables.ADVANCE_PERCENTAGE, Variables.ADVANCE_AMOUNT, Variables.SETTLEMENT, Variables.GRANT_SUMMARY)) {
            instance.removeVariable(stale);
        }
        Outcome outcome = Outcome.ofCode(string(task, Variables.OUTCOME)).orElse(null);
        if (outcome != Outcome.TOEGEKEND && outcome != Outcome.GEDEELTELIJK_TOEGEKEND) {
            return;
        }
        String activity = text(submitted(task, Variables.GRANT_ACTIVITY));
        String obligations = text(submitted(task, Variables.GRANT_OBLIGATIONS));
        if (blank(activity)) {
            throw Refusal.invalid("Beschrijf de activiteit waarvoor u de subsidie verleent (artikel 4:30 Awb).");
        }
        if (blank(obligations)) {
            throw Refusal.invalid("Vermeld de verplichtingen en voorwaarden van de subsidie (artikelen 4:37 tot en met 4:39 Awb).");
        }
        LocalDate activityEnd = date(submitted(task, Variables.ACTIVITY_END_DATE));
        LocalDate accountabilityDue = date(submitted(task, Variables.ACCOUNTABILITY_DUE_DATE));
        if (activityEnd == null || accountabilityDue == null) {
            throw Refusal.invalid("Vul de datum in waarop de activiteit uiterlijk is uitgevoerd en de datum waarop de "
                    + "verantwoording uiterlijk binnen moet zijn (artikel 4:30 Awb).");
        }
        LocalDate today = EngineClock.today();
        if (!activityEnd.isAfter(today)) {
            throw Refusal.invalid("De activiteit moet na de datum van het besluit (" + DutchFormat.date(today)
                    + ") zijn uitgevoerd; kies een latere einddatum dan " + DutchFormat.date(activityEnd) + ".");
        }
        if (accountabilityDue.isBefore(activityEnd)) {
            throw Refusal.invalid("De verantwoording kan niet eerder binnen moeten zijn (" + DutchFormat.date(accountabilityDue)
                    + ") dan de activiteit is uitgevoerd (" + DutchFormat.date(activityEnd) + ").");
        }
        instance.setVariable(Variables.GRANT_ACTIVITY, activity.strip());
        instance.setVariable(Variables.GRANT_OBLIGATIONS, obligations.strip());
        instance.setVariable(Variables.ACTIVITY_END_DATE, activityEnd.toString());
        instance.setVariable(Variables.ACCOUNTABILITY_DUE_DATE, accountabilityDue.toString());
    }

    /** End of "Voorschot bepalen": the advance (4:95) or direct settlement on the case, and the grant as a case event. */
    public void recordAdvance(DelegateExecution execution) {
        Map<String, Object> result = ProcessVariables.decision(execution, ADVANCE_RESULT);
        BigDecimal granted = amount(execution, Variables.DECIDED_AMOUNT);
        int percentage = result.get("advancePercentage") instanceof Number number ? number.intValue() : 0;
        String settlement = String.valueOf(result.get("settlement"));
        BigDecimal advance = granted.multiply(BigDecimal.valueOf(percentage)).divide(BigDecimal.valueOf(100), 2, RoundingMode.DOWN);
        execution.setVariable(Variables.ADVANCE_PERCENTAGE, percentage);
        execution.setVariable(Variables.ADVANCE_AMOUNT, advance.doubleValue());
        execution.setVariable(Variables.SETTLEMENT, settlement);
        String summary = summary(execution, granted, percentage, advance, settlement);
        execution.setVariable(Variables.GRANT_SUMMARY, summary);
        caseFiles.recordEvent(string(execution, Variables.CASE_NUMBER), CaseEventType.GRANT_TERMS, null, summary,
                string(execution, Variables.DECIDED_BY));
    }

    /** The grant's elements in Dutch, for the case history and the dossier. */
    static String summary(VariableScope scope, BigDecimal granted, int percentage, BigDecimal advance, String settlement) {
        StringBuilder text = new StringBuilder("Subsidie verleend: ").append(DutchFormat.euro(granted))
                .append(" voor ").append(withoutFinalStop(string(scope, Variables.GRANT_ACTIVITY))).append(". ");
        text.append("Activiteit uitgevoerd uiterlijk ").append(DutchFormat.date(date(scope.getVariable(Variables.ACTIVITY_END_DATE))))
                .append("; verantwoording uiterlijk ").append(DutchFormat.date(date(scope.getVariable(Variables.ACCOUNTABILITY_DUE_DATE))))
                .append(". ");
        if (DIRECT.equals(settlement)) {
            text.append("Direct vastgesteld: de verlening is ook de vaststelling, betaling binnen vier weken (artikel 4:87 Awb). ");
        } else {
            text.append("Voorschot ").append(percentage).append(" % (").append(DutchFormat.euro(advance))
                    .append(", artikel 4:95 Awb), betaald binnen vier weken na verzending van het besluit; vaststelling na de verantwoording. ");
        }
        if (Boolean.TRUE.equals(scope.getVariable(Variables.WRITTEN_CHANGE))) {
            text.append("Aanvraag schriftelijk gewijzigd op ")
                    .append(DutchFormat.date(date(scope.getVariable(Variables.WRITTEN_CHANGE_DATE)))).append(". ");
        }
        text.append("Verplichtingen: ").append(string(scope, Variables.GRANT_OBLIGATIONS).replace("\n", " "));
        return text.toString().strip();
    }

    /**
     * What the decider submitted: completing a task (Tasklist, REST, TaskService) writes the form's values to the
     * execution, not over the task-local proposal; a value not submitted at all leaves the proposal.
     */
    private static Object submitted(DelegateTask task, String name) {
        Object value = task.getExecution().getVariable(name);
        return value != null ? value : task.getVariableLocal(name);
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    /** An ISO date as the forms write it ("2026-06-30", or with a time), or a Date. */
    static LocalDate date(Object value) {
        if (value instanceof Date date) {
            return EngineClock.toLocalDate(date);
        }
        if (value instanceof LocalDate date) {
            return date;
        }
        if (value instanceof String text && !text.isBlank()) {
            try {
                return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        return null;
    }

    private static String withoutFinalStop(String text) {
        return text != null && text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
