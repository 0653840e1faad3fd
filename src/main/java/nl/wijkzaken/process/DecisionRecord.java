package nl.wijkzaken.process;

import nl.wijkzaken.casefile.CaseEventType;
import nl.wijkzaken.casefile.Outcome;
import static nl.wijkzaken.process.ProcessVariables.amount;
import static nl.wijkzaken.process.ProcessVariables.string;

import java.math.BigDecimal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import nl.wijkzaken.mandate.DecisionType;
import nl.wijkzaken.mandate.Mandate;
import nl.wijkzaken.mandate.Mandates;
import nl.wijkzaken.models.ResidentRequestProcess.CoSign;
import nl.wijkzaken.models.ResidentRequestProcess.Tasks;
import nl.wijkzaken.models.ResidentRequestProcess.Variables;
import nl.wijkzaken.refusal.Refusal;
import nl.wijkzaken.casefile.CaseFiles;
import nl.wijkzaken.shared.DutchFormat;

/**
 * Bean {@code decisionRecord}, complete listener of "Besluit nemen", "Snel afhandelen" and "Besluit
 * medeondertekenen": checks the outcome against the amount, fixes {@code decidedAmount} and {@code decidedBy} (the
 * assignee who completes the task, never a submitted value; {@code coSignedBy} for the co-signing), and appends the
 * decision to the case history.
 * Rule violations are {@link Refusal}s: the person gets a 400 with the Dutch rule, nothing is stored.
 */
@Component("decisionRecord")
class DecisionRecord implements TaskListener {

    /** Starts the reasons the system adds when the subsidy ceiling limits the decision (Awb 4:25 lid 2). */
    static final String CEILING_REASONS = "Subsidieplafond: ";

    private final CaseFiles caseFiles;
    private final Mandates mandates;
    private final BudgetDecision budgetDecision;

    DecisionRecord(CaseFiles caseFiles, Mandates mandates, BudgetDecision budgetDecision) {
        this.caseFiles = caseFiles;
        this.mandates = mandates;
        this.budgetDecision = budgetDecision;
    }

    @Override
    public void notify(DelegateTask task) {
        String actor = ConflictOfInterest.actor(task);
        DelegateExecution instance = task.getExecution().getProcessInstance();
        String caseNumber = string(task, Variables.CASE_NUMBER);
        if (Tasks.CO_SIGN_DECISION.equals(task.getTaskDefinitionKey())) {
            // An explicit choice: an empty box used to mean "refused" without anyone saying so.
            String choice = string(task, Variables.CO_SIGN_DECISION);
            if (!CoSign.AGREED.equals(choice) && !CoSign.NOT_AGREED.equals(choice)) {
                throw Refusal.invalid("Kies bij de medeondertekening Akkoord of Niet akkoord.");
            }
            boolean agreed = CoSign.AGREED.equals(choice);
            if (!agreed && blank(string(task, Variables.CO_SIGN_REMARK))) {
                throw Refusal.invalid("Licht toe waarom u niet akkoord bent met het besluit.");
            }
            if (agreed) {
                // The ceiling may have been lowered or earlier applications completed since the decision (4:25 lid 2).
                Outcome decidedOutcome = Outcome.ofCode(string(task, Variables.OUTCOME)).orElse(null);
                BigDecimal decidedAmount = amount(task, Variables.DECIDED_AMOUNT);
                if (decidedOutcome != null && decidedOutcome.grants() && decidedAmount != null) {
                    try {
                        budgetDecision.checkCeiling(task, decidedOutcome, BudgetDecision.asked(task), decidedAmount);
                    } catch (Refusal exceeded) {
                        throw Refusal.invalid("Medeondertekenen kan niet: " + exceeded.getMessage()
                                + " Kies Niet akkoord, zodat opnieuw wordt besloten.");
                    }
                }
            }
            instance.setVariable(Variables.CO_SIGN_AGREED, agreed);
            instance.setVariable("coSignedBy", actor);
            caseFiles.recordEvent(caseNumber, CaseEventType.CO_SIGNED, null,
                    agreed ? "Besluit medeondertekend." : "Medeondertekening geweigerd: " + string(task, Variables.CO_SIGN_REMARK), actor);
            return;
        }
        String code = string(task, Variables.OUTCOME);
        String motivation = string(task, Variables.DECISION_MOTIVATION);
        if (code == null || blank(motivation)) {
            throw Refusal.invalid("Kies een besluit en geef een motivering.");
        }
        Outcome outcome = Outcome.ofCode(code).filter(Outcome::isDecision)
                .orElseThrow(() -> Refusal.invalid("Kies als besluit toegekend, gedeeltelijk toegekend, afgewezen of "
                        + "afgewezen omdat het subsidieplafond is bereikt."));
        BigDecimal asked = amount(task, Variables.AMOUNT_TO_DECIDE) != null
                ? amount(task, Variables.AMOUNT_TO_DECIDE) : amount(task, Variables.AMOUNT_REQUESTED);
        BigDecimal decided = switch (outcome) {
            case TOEGEKEND -> asked;
            case AFGEWEZEN, AFGEWEZEN_PLAFOND -> BigDecimal.ZERO.setScale(2);
            case GEDEELTELIJK_TOEGEKEND -> {
                BigDecimal partial = amount(task, Variables.DECIDED_AMOUNT);
                if (partial == null || partial.signum() <= 0 || partial.compareTo(asked) >= 0) {
                    throw Refusal.invalid("Bij gedeeltelijke toekenning ligt het toegekende bedrag tussen € 0 en "
                            + DutchFormat.euro(asked) + ".");
                }
                yield partial;
            }
            default -> throw new IllegalStateException("Geen besluit: " + outcome);
        };
        if (Tasks.DECIDE.equals(task.getTaskDefinitionKey())) {
            holdsTheMandate(task, instance, outcome);
        }
        // Awb 4:25 lid 2: the ceiling and the order of complete receipt (4:26) decide what may be granted; a decision
        // the ceiling limits gets the system's reasons naming the ceiling and the place in the order (3:46).
        String ceilingReasons = budgetDecision.checkCeiling(task, outcome, asked, decided);
        motivation = withCeilingReasons(motivation, ceilingReasons);
        instance.setVariable(Variables.DECISION_MOTIVATION, motivation);
        instance.setVariable(Variables.DECIDED_AMOUNT, decided.doubleValue());
        instance.setVariable(Variables.DECIDED_BY, actor);
        caseFiles.recordEvent(caseNumber, CaseEventType.DECISION, null,
                outcome.label() + ", " + DutchFormat.euro(decided) + ". " + motivation, actor);
    }

    /**
     * "Besluit nemen" went to the group the mandate table names for a grant of the amount to decide; the outcome
     * chosen is a decision type of its own (Awb 10:1: every decision type needs a mandate). When the table gives
     * that type to another group, the decision is refused; otherwise its rule becomes the case's {@code mandate}
     * (co-signing, the letter's "namens").
     */
    private void holdsTheMandate(DelegateTask task, DelegateExecution instance, Outcome outcome) {
        DecisionType type = switch (outcome) {
            case TOEGEKEND -> DecisionType.TOEKENNING;
            case GEDEELTELIJK_TOEGEKEND -> DecisionType.GEDEELTELIJKE_TOEKENNING;
            case AFGEWEZEN_PLAFOND -> DecisionType.AFWIJZING_PLAFOND;
            default -> DecisionType.AFWIJZING;
        };
        Object current = instance.getVariable(Variables.MANDATE);
        if (type == DecisionType.TOEKENNING && current instanceof java.util.Map<?, ?> evaluated) {
            // "Mandaat bepalen" evaluated exactly this type; the dossier need not show the same rule twice.
            java.util.Map<String, Object> rule = new java.util.HashMap<>();
            evaluated.forEach((key, value) -> rule.put(String.valueOf(key), value));
            rule.put(Mandates.DECISION_TYPE, type.code());
            instance.setVariable(Variables.MANDATE, rule);
            return;
        }
        Mandate mandate = mandates.of(task.getExecution(), type);
        Object assigned = current instanceof java.util.Map<?, ?> map ? map.get(Mandates.DECIDING_GROUP) : null;
        if (assigned != null && !assigned.equals(mandate.decidingGroup())) {
            throw Refusal.invalid("Een besluit '" + outcome.label().toLowerCase(DutchFormat.LOCALE) + "' over dit verzoek "
                    + "valt niet onder het mandaat van deze taak; volgens de mandaattabel beslist de " + mandate.signatoryFunction()
                    + " hierover. Kies een ander besluit of laat de taak opnieuw toewijzen.");
        }
        instance.setVariable(Variables.MANDATE, Mandates.asResult(mandate));
    }

    /** The decider's own motivation (an earlier system text removed: the decision may be taken again), then the system's. */
    static String withCeilingReasons(String motivation, String reasons) {
        int earlier = motivation.indexOf("\n\n" + CEILING_REASONS);
        String own = earlier < 0 ? motivation.strip() : motivation.substring(0, earlier).strip();
        return reasons == null ? own : own + "\n\n" + CEILING_REASONS + reasons;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
