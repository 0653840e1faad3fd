package nl.wijkzaken.process;

import java.math.BigDecimal;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

import nl.wijkzaken.casefile.EngineTime;
import nl.wijkzaken.neighbourhood.Neighbourhood;
import nl.wijkzaken.neighbourhood.Neighbourhoods;
import nl.wijkzaken.budget.Amounts;
import nl.wijkzaken.budget.BudgetLedger;

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

    private static final Map<String, String> GRANTS = Map.of(
            "toegekend", "toegekend",
            "gedeeltelijk-toegekend", "gedeeltelijk toegekend");

    private final BudgetLedger ledger;
    private final Neighbourhoods neighbourhoods;

    BudgetDecision(BudgetLedger ledger, Neighbourhoods neighbourhoods) {
        this.ledger = ledger;
        this.neighbourhoods = neighbourhoods;
    }

    public void showRemaining(DelegateTask task) {
        task.setVariableLocal(REMAINING_BUDGET, remainingText((String) task.getVariable("neighbourhood"), year()));
    }

    public void reserve(DelegateTask task) {
        DelegateExecution instance = task.getExecution().getProcessInstance();
        String caseNumber = (String) instance.getVariable("caseNumber");
        String actor = (String) instance.getVariable("decidedBy");
        // Normally nothing is reserved here (a refused co-signing released it); should a case come back to a
        // decision with money still reserved (e.g. moved back by an administrator), the new decision replaces it.
        if (ledger.reservedForCase(caseNumber).signum() > 0) {
            ledger.releaseAll(caseNumber, actor, "Nieuw besluit op " + caseNumber + " vervangt de eerdere reservering");
        }
        String outcome = (String) instance.getVariable("outcome");
        Object amount = instance.getVariable("decidedAmount");
        if (GRANTS.containsKey(outcome) && amount instanceof Number number && number.doubleValue() > 0) {
            ledger.reserve(caseNumber, (String) instance.getVariable("neighbourhood"), year(), number, actor,
                    "Besluit op " + caseNumber + ": " + GRANTS.get(outcome));
        }
    }

    public void releaseWhenRefused(DelegateTask task) {
        if (Boolean.TRUE.equals(task.getVariable("coSignAgreed"))) {
            return;
        }
        String caseNumber = (String) task.getVariable("caseNumber");
        Object remark = task.getVariable("coSignRemark");
        ledger.releaseAll(caseNumber, actor(task), "Medeondertekening geweigerd op " + caseNumber
                + (remark == null ? "" : ": " + remark));
    }

    String remainingText(String neighbourhood, int year) {
        String name = neighbourhoods.find(neighbourhood).map(Neighbourhood::name).orElse(neighbourhood);
        if (!ledger.hasBudget(neighbourhood, year)) {
            return Amounts.euro(BigDecimal.ZERO) + ": voor " + name + " is in " + year + " geen buurtbudget vastgesteld";
        }
        return ledger.remainingText(neighbourhood, year) + " (" + name + ", " + year + ")";
    }

    private static int year() {
        return EngineTime.today().getYear();
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
