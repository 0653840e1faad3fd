package nl.wijkzaken.process;

import static nl.wijkzaken.process.ProcessVariables.amount;
import static nl.wijkzaken.process.ProcessVariables.string;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

import nl.wijkzaken.budget.BudgetLedger;
import nl.wijkzaken.casefile.Outcome;
import nl.wijkzaken.casefile.Route;
import nl.wijkzaken.models.ResidentRequestProcess.Variables;
import nl.wijkzaken.neighbourhood.Neighbourhood;
import nl.wijkzaken.neighbourhood.Neighbourhoods;
import nl.wijkzaken.refusal.Refusal;
import nl.wijkzaken.shared.DutchFormat;
import nl.wijkzaken.shared.EngineClock;
import nl.wijkzaken.subsidy.AllocationPosition;
import nl.wijkzaken.subsidy.Allocations;

/**
 * Bean {@code budgetDecision}: the ceiling side of the decisions of {@code resident-request}.
 * <ul>
 * <li>{@link #showRemaining}: task listener on create and assignment of the decision tasks ("Besluit nemen",
 * "Snel afhandelen", "Besluit medeondertekenen"): the live allocation of the ceiling for this application (ceiling,
 * granted, what earlier complete applications claim, what is available to this one, its place in the order) as task
 * variable {@value #ALLOCATION}, which the decision forms show; refreshed again whenever the form is opened
 * ({@code FormOpening}), so a ceiling, grant or claim changed after the task was created shows.</li>
 * <li>{@link #checkCeiling}: the rules of Awb 4:25 lid 2 with the allocation rule (4:26), called by
 * {@code decisionRecord} on completion of a decision and again by {@link #reserve} under the lock.</li>
 * <li>{@link #reserve}: the service task "Budget reserveren" right after "Besluit nemen" and "Snel afhandelen". It
 * locks the ledger's budget row of the application's neighbourhood and period (the year of its date of receipt),
 * checks the ceiling again, reserves a grant and settles the claim (granted, or given back on a refusal). The step is
 * synchronous, in the transaction that completes the task: decision, claim and reservation commit together.</li>
 * <li>{@link #release}: the service task "Reservering vrijgeven" on the path of a refused co-signing: the reservation
 * goes back and the claim is undecided again, in its place, so the decider's next decision reserves anew.</li>
 * </ul>
 * A request on route verzoek has no claim and no ceiling: a grant from the ledger is checked only against the
 * ledger's remainder.
 */
@Component("budgetDecision")
public class BudgetDecision {

    /** Task-local, so it is current for each task and history keeps what the decider saw. */
    public static final String ALLOCATION = "allocation";

    private final BudgetLedger ledger;
    private final Neighbourhoods neighbourhoods;
    private final Allocations allocations;

    BudgetDecision(BudgetLedger ledger, Neighbourhoods neighbourhoods, Allocations allocations) {
        this.ledger = ledger;
        this.neighbourhoods = neighbourhoods;
        this.allocations = allocations;
    }

    /** Also when the form is opened ({@code FormOpening}); writes only when the text changed. */
    public void showRemaining(DelegateTask task) {
        String text = allocationText(task);
        if (!text.equals(task.getVariableLocal(ALLOCATION))) {
            task.setVariableLocal(ALLOCATION, text);
        }
    }

    /**
     * Awb 4:25 lid 2 with the regulation's allocation rule (4:26): a subsidy is refused for as far as granting it
     * would exceed the ceiling. Locks the budget row, then reads the claims. Refuses (in Dutch, nothing stored) a
     * grant above what is available to this application, any grant without a usable ceiling (4:27 lid 1), and a
     * refusal "plafond bereikt" while the ceiling still covers the application.
     *
     * @param granted the amount this decision grants (zero for a refusal)
     * @return the reasons the system adds to the decider's motivation (a partial grant limited by the ceiling, a
     *         refusal because of the ceiling, any decision without a usable ceiling), or null
     */
    String checkCeiling(VariableScope scope, Outcome outcome, BigDecimal asked, BigDecimal granted) {
        if (!subsidy(scope)) {
            return null;
        }
        AllocationPosition position = allocations.lockedPosition(string(scope, Variables.CASE_NUMBER),
                string(scope, Variables.NEIGHBOURHOOD), receivedOn(scope), asked);
        if (!position.hasCeiling()) {
            if (outcome.grants()) {
                throw Refusal.invalid("Er kan geen subsidie worden verleend: " + position.whyNoCeiling()
                        + ". Kies afgewezen; de reden komt in de motivering.");
            }
            return position.reasons();
        }
        BigDecimal available = position.available();
        if (outcome.grants() && granted.compareTo(available) > 0) {
            throw Refusal.conflict("Het subsidieplafond laat dit niet toe: voor deze aanvraag is nog "
                    + DutchFormat.euro(available) + " beschikbaar (plafond " + DutchFormat.euro(position.ceiling().amount())
                    + ", al verleend " + DutchFormat.euro(position.granted()) + ", gevraagd door eerder volledige aanvragen "
                    + DutchFormat.euro(position.claimedEarlier()) + "). "
                    + (available.signum() > 0 ? "Ken gedeeltelijk toe tot ten hoogste " + DutchFormat.euro(available) + " of wijs"
                                              : "Wijs")
                    + " af met 'Afgewezen: subsidieplafond bereikt' (artikel 4:25 lid 2 Awb).").titled("Subsidieplafond bereikt")
                    .with("available", available).with("requested", granted);
        }
        if (outcome == Outcome.AFGEWEZEN_PLAFOND && position.covers(asked)) {
            throw Refusal.invalid("Het subsidieplafond is voor deze aanvraag niet bereikt: er is nog "
                    + DutchFormat.euro(available) + " beschikbaar en gevraagd is " + DutchFormat.euro(asked)
                    + ". Wijs alleen wegens het plafond af voor zover het zou worden overschreden (artikel 4:25 lid 2 Awb).");
        }
        boolean limitedByCeiling = !position.covers(asked)
                && (outcome == Outcome.GEDEELTELIJK_TOEGEKEND || outcome == Outcome.AFGEWEZEN_PLAFOND);
        return limitedByCeiling ? position.reasons() : null;
    }

    public void reserve(DelegateExecution execution) {
        String caseNumber = string(execution, Variables.CASE_NUMBER);
        String actor = string(execution, Variables.DECIDED_BY);
        // Normally nothing is reserved here (a refused co-signing released it); should a case come back to a
        // decision with money still reserved (e.g. moved back by an administrator), the new decision replaces it.
        if (ledger.reservedForCase(caseNumber).signum() > 0) {
            ledger.releaseAll(caseNumber, actor, "Nieuw besluit op " + caseNumber + " vervangt de eerdere reservering");
        }
        Outcome outcome = Outcome.ofCode(string(execution, Variables.OUTCOME)).orElse(null);
        BigDecimal decided = amount(execution, Variables.DECIDED_AMOUNT);
        boolean grant = outcome != null && outcome.grants() && decided != null && decided.signum() > 0;
        String neighbourhood = string(execution, Variables.NEIGHBOURHOOD);
        String reason = outcome == null ? null : "Besluit op " + caseNumber + ": " + outcome.label().toLowerCase(DutchFormat.LOCALE);
        if (!subsidy(execution)) {
            if (grant) {
                ledger.reserve(caseNumber, neighbourhood, receivedOn(execution).getYear(), decided, actor, reason);
            }
            return;
        }
        if (outcome == null) {
            return;
        }
        // The guard of the allocation: under the lock, again (decisionRecord checked it in this transaction).
        checkCeiling(execution, outcome, asked(execution), grant ? decided : BigDecimal.ZERO);
        if (grant) {
            ledger.reserveAllocated(caseNumber, neighbourhood, receivedOn(execution).getYear(), decided, actor, reason);
            allocations.granted(caseNumber, decided);
        } else {
            allocations.refused(caseNumber);
        }
    }

    /** Only on the "niet akkoord" path of the co-signing; the co-signer is {@code coSignedBy} (set by decisionRecord). */
    public void release(DelegateExecution execution) {
        String caseNumber = string(execution, Variables.CASE_NUMBER);
        Object remark = execution.getVariable(Variables.CO_SIGN_REMARK);
        Object coSigner = execution.getVariable("coSignedBy");
        ledger.releaseAll(caseNumber, coSigner == null ? "onbekend" : coSigner.toString(),
                "Medeondertekening geweigerd op " + caseNumber + (remark == null ? "" : ": " + remark));
        allocations.reopened(caseNumber);
    }

    String allocationText(VariableScope scope) {
        String neighbourhood = string(scope, Variables.NEIGHBOURHOOD);
        LocalDate receivedOn = receivedOn(scope);
        if (!subsidy(scope)) {
            return remainingText(neighbourhood, receivedOn.getYear());
        }
        return allocations.position(string(scope, Variables.CASE_NUMBER), neighbourhood, receivedOn, asked(scope)).formText();
    }

    String remainingText(String neighbourhood, int year) {
        String name = neighbourhoods.find(neighbourhood).map(Neighbourhood::name).orElse(neighbourhood);
        if (!ledger.hasBudget(neighbourhood, year)) {
            return DutchFormat.euro(BigDecimal.ZERO) + ": voor " + name + " is in " + year + " geen buurtbudget vastgesteld";
        }
        return "Resterend buurtbudget: " + ledger.remainingText(neighbourhood, year) + " (" + name + ", " + year + ")";
    }

    /** Route subsidie, and every case from before the routes (they were all treated as grants). */
    static boolean subsidy(VariableScope scope) {
        return !Route.VERZOEK.code().equals(string(scope, Variables.ROUTE));
    }

    /** The amount the application asks: the amount to decide, else the amount requested. */
    static BigDecimal asked(VariableScope scope) {
        BigDecimal toDecide = amount(scope, Variables.AMOUNT_TO_DECIDE);
        BigDecimal asked = toDecide != null ? toDecide : amount(scope, Variables.AMOUNT_REQUESTED);
        return asked == null ? BigDecimal.ZERO.setScale(2) : asked;
    }

    /** The date of receipt: its year is the period of the ceiling (a case without one: today). */
    static LocalDate receivedOn(VariableScope scope) {
        return scope.getVariable(Variables.RECEIVED_ON) instanceof Date date ? EngineClock.toLocalDate(date) : EngineClock.today();
    }
}
