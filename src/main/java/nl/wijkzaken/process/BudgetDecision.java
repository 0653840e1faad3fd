package nl.wijkzaken.process;

import java.math.BigDecimal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import nl.wijkzaken.models.ResidentRequestProcess.Variables;
import nl.wijkzaken.casefile.Outcome;
import nl.wijkzaken.neighbourhood.Neighbourhood;
import nl.wijkzaken.neighbourhood.Neighbourhoods;
import nl.wijkzaken.budget.BudgetLedger;
import nl.wijkzaken.shared.DutchFormat;
import nl.wijkzaken.shared.EngineClock;

/**
 * Bean {@code budgetDecision}: the buurtbudget side of the decisions of {@code resident-request}.
 * <ul>
 * <li>{@link #showRemaining}: task listener on create and assignment of the decision tasks ("Besluit nemen",
 * "Snel afhandelen", "Besluit medeondertekenen"): the neighbourhood's remaining budget of this year as task
 * variable {@value #REMAINING_BUDGET}, which the decision forms show; refreshed again whenever the form is opened
 * ({@code FormOpening}), so a budget changed after the task was created or claimed shows.</li>
 * <li>{@link #reserve}: the service task "Budget reserveren" right after "Besluit nemen" and "Snel afhandelen".
 * {@code decisionRecord} fixed {@code decidedAmount} and {@code decidedBy} on completion; a grant reserves that amount.
 * The step is synchronous, so it runs in the transaction that completes the task: the decision and the reservation
 * commit together or not at all. When the budget does not cover it, the refusal of {@link BudgetRefusals#insufficient} fails the
 * completion: the task stays open and nothing is booked.</li>
 * <li>{@link #release}: the service task "Reservering vrijgeven" on the path of a refused co-signing: the reservation
 * goes back (a RELEASE movement), so the decider's next decision reserves anew.</li>
 * </ul>
 * The year is the year of the decision on the engine's clock.
 */
@Component("budgetDecision")
public class BudgetDecision {

    /** Task-local, so it is current for each task and history keeps what the decider saw. */
    public static final String REMAINING_BUDGET = "remainingBudget";

    private final BudgetLedger ledger;
    private final Neighbourhoods neighbourhoods;

    BudgetDecision(BudgetLedger ledger, Neighbourhoods neighbourhoods) {
        this.ledger = ledger;
        this.neighbourhoods = neighbourhoods;
    }

    /** Also when the form is opened ({@code FormOpening}); writes only when the figure changed. */
    public void showRemaining(DelegateTask task) {
        String text = remainingText((String) task.getVariable(Variables.NEIGHBOURHOOD), year());
        if (!text.equals(task.getVariableLocal(REMAINING_BUDGET))) {
            task.setVariableLocal(REMAINING_BUDGET, text);
        }
    }

    public void reserve(DelegateExecution execution) {
        String caseNumber = (String) execution.getVariable(Variables.CASE_NUMBER);
        String actor = (String) execution.getVariable(Variables.DECIDED_BY);
        // Normally nothing is reserved here (a refused co-signing released it); should a case come back to a
        // decision with money still reserved (e.g. moved back by an administrator), the new decision replaces it.
        if (ledger.reservedForCase(caseNumber).signum() > 0) {
            ledger.releaseAll(caseNumber, actor, "Nieuw besluit op " + caseNumber + " vervangt de eerdere reservering");
        }
        Outcome outcome = Outcome.ofCode((String) execution.getVariable(Variables.OUTCOME)).orElse(null);
        Object amount = execution.getVariable(Variables.DECIDED_AMOUNT);
        if (outcome != null && outcome.grants() && amount instanceof Number number && number.doubleValue() > 0) {
            ledger.reserve(caseNumber, (String) execution.getVariable(Variables.NEIGHBOURHOOD), year(), number, actor,
                    "Besluit op " + caseNumber + ": " + outcome.label().toLowerCase(DutchFormat.LOCALE));
        }
    }

    /** Only on the "niet akkoord" path of the co-signing; the co-signer is {@code coSignedBy} (set by decisionRecord). */
    public void release(DelegateExecution execution) {
        String caseNumber = (String) execution.getVariable(Variables.CASE_NUMBER);
        Object remark = execution.getVariable(Variables.CO_SIGN_REMARK);
        Object coSigner = execution.getVariable("coSignedBy");
        ledger.releaseAll(caseNumber, coSigner == null ? "onbekend" : coSigner.toString(),
                "Medeondertekening geweigerd op " + caseNumber + (remark == null ? "" : ": " + remark));
    }

    String remainingText(String neighbourhood, int year) {
        String name = neighbourhoods.find(neighbourhood).map(Neighbourhood::name).orElse(neighbourhood);
        if (!ledger.hasBudget(neighbourhood, year)) {
            return DutchFormat.euro(BigDecimal.ZERO) + ": voor " + name + " is in " + year + " geen buurtbudget vastgesteld";
        }
        return ledger.remainingText(neighbourhood, year) + " (" + name + ", " + year + ")";
    }

    private static int year() {
        return EngineClock.today().getYear();
    }
}
