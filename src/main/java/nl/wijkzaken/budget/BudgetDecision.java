package nl.wijkzaken.budget;

import java.math.BigDecimal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

import nl.wijkzaken.casefile.Outcome;
import nl.wijkzaken.neighbourhood.Neighbourhood;
import nl.wijkzaken.neighbourhood.Neighbourhoods;
import nl.wijkzaken.process.ResidentRequestProcess.Variables;
import nl.wijkzaken.shared.DutchFormat;
import nl.wijkzaken.shared.EngineClock;

/**
 * Bean {@code budgetDecision}: the buurtbudget side of the decision tasks of {@code resident-request}
 * ("Besluit nemen", "Snel afhandelen", "Besluit medeondertekenen"), as task listeners.
 * <ul>
 * <li>{@link #showRemaining}: on create and assignment, the neighbourhood's remaining budget of this year as
 * task variable {@value #REMAINING_BUDGET}, which the decision forms show.</li>
 * <li>{@link #reserve}: on complete, after {@code decisionRecord} fixed {@code decidedAmount} and
 * {@code decidedBy}, a grant reserves that amount in the engine's transaction: the decision and the reservation
 * commit together or not at all. When the budget does not cover it, {@link InsufficientBudgetException} fails
 * the completion: the task stays open and nothing is booked.</li>
 * <li>{@link #releaseWhenRefused}: on complete of the co-signing, a refusal gives the reservation back
 * (a RELEASE movement), so the decider's next decision reserves anew.</li>
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

    public void showRemaining(DelegateTask task) {
        task.setVariableLocal(REMAINING_BUDGET, remainingText((String) task.getVariable(Variables.NEIGHBOURHOOD), year()));
    }

    public void reserve(DelegateTask task) {
        DelegateExecution instance = task.getExecution().getProcessInstance();
        String caseNumber = (String) instance.getVariable(Variables.CASE_NUMBER);
        String actor = (String) instance.getVariable(Variables.DECIDED_BY);
        // Normally nothing is reserved here (a refused co-signing released it); should a case come back to a
        // decision with money still reserved (e.g. moved back by an administrator), the new decision replaces it.
        if (ledger.reservedForCase(caseNumber).signum() > 0) {
            ledger.releaseAll(caseNumber, actor, "Nieuw besluit op " + caseNumber + " vervangt de eerdere reservering");
        }
        Outcome outcome = Outcome.ofCode((String) instance.getVariable(Variables.OUTCOME)).orElse(null);
        Object amount = instance.getVariable(Variables.DECIDED_AMOUNT);
        if (outcome != null && outcome.grants() && amount instanceof Number number && number.doubleValue() > 0) {
            ledger.reserve(caseNumber, (String) instance.getVariable(Variables.NEIGHBOURHOOD), year(), number, actor,
                    "Besluit op " + caseNumber + ": " + outcome.label().toLowerCase(DutchFormat.LOCALE));
        }
    }

    public void releaseWhenRefused(DelegateTask task) {
        if (Boolean.TRUE.equals(task.getVariable(Variables.CO_SIGN_AGREED))) {
            return;
        }
        String caseNumber = (String) task.getVariable(Variables.CASE_NUMBER);
        Object remark = task.getVariable(Variables.CO_SIGN_REMARK);
        ledger.releaseAll(caseNumber, actor(task), "Medeondertekening geweigerd op " + caseNumber
                + (remark == null ? "" : ": " + remark));
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

    /** The co-signer: the assignee, or else the logged-in user (the conflict-of-interest rule needs one of both). */
    private static String actor(DelegateTask task) {
        if (task.getAssignee() != null) {
            return task.getAssignee();
        }
        Authentication authentication = Context.getCommandContext() == null ? null
                : Context.getCommandContext().getAuthentication();
        return authentication != null && authentication.getUserId() != null ? authentication.getUserId() : "onbekend";
    }
}
