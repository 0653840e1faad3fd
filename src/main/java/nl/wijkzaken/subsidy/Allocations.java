package nl.wijkzaken.subsidy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import nl.wijkzaken.budget.BudgetLedger;
import nl.wijkzaken.models.ResidentRequestProcess.Variables;
import nl.wijkzaken.neighbourhood.Neighbourhood;
import nl.wijkzaken.neighbourhood.Neighbourhoods;
import nl.wijkzaken.shared.DutchFormat;
import nl.wijkzaken.shared.EngineClock;
import nl.wijkzaken.subsidy.internal.ClaimStore;
import nl.wijkzaken.subsidy.internal.ClaimStore.Claim;

/**
 * The allocation of a neighbourhood's ceiling in order of complete receipt (Awb 4:26, the regulation's
 * {@link AllocationRule#VOLGORDE_VAN_VOLLEDIGE_ONTVANGST}).
 * <ul>
 * <li>{@link #claim}: the service task "Plaats in de verdeling vastleggen" when an application of route subsidie
 * becomes complete (the completeness check says compleet, or the fast lane, where it is complete on receipt). Its
 * place: the date of complete receipt (the application's date of receipt, or the supplement's when it became
 * complete through a supplement), then the registration moment of that receipt, then the order of insertion. Its
 * period is the year of the application's date of receipt.</li>
 * <li>{@link #lockedPosition}: at the grant decision, under the lock of the ledger's budget row (the lock every
 * grant takes; claims are read after it), what is available to this application ({@link AllocationPosition}).</li>
 * <li>{@link #granted}, {@link #refused}, {@link #reopened}, {@link #withdrawn}: what became of the claim; a refusal
 * or an ending without decision gives it back to the next in line.</li>
 * </ul>
 * Joins the caller's transaction (the engine's). Bean name {@code allocations}.
 */
@Service("allocations")
@Transactional(propagation = Propagation.REQUIRED)
public class Allocations {

    private final ClaimStore claims;
    private final SubsidyRegulations regulations;
    private final BudgetLedger ledger;
    private final Neighbourhoods neighbourhoods;

    Allocations(ClaimStore claims, SubsidyRegulations regulations, BudgetLedger ledger, Neighbourhoods neighbourhoods) {
        this.claims = claims;
        this.regulations = regulations;
        this.ledger = ledger;
        this.neighbourhoods = neighbourhoods;
    }

    /** "Plaats in de verdeling vastleggen": the application's place and claim, from the process variables. */
    public void claim(DelegateExecution execution) {
        if ("verzoek".equals(execution.getVariable(Variables.ROUTE))) {
            return; // a request for the municipality to act is no subsidy application: it takes no place
        }
        String caseNumber = (String) execution.getVariable(Variables.CASE_NUMBER);
        String neighbourhood = (String) execution.getVariable(Variables.NEIGHBOURHOOD);
        LocalDate receivedOn = receivedOn(execution);
        Date supplementOn = (Date) execution.getVariable(Variables.SUPPLEMENT_RECEIVED_ON);
        LocalDate completeOn;
        LocalDateTime completeAt;
        if (supplementOn != null) {
            // Complete through a supplement: the day it was received, and when it was registered.
            completeOn = EngineClock.toLocalDate(supplementOn);
            completeAt = moment(execution.getVariable(Variables.SUPPLEMENT_REGISTERED_AT));
        } else if (execution.getVariable(Variables.SUPPLEMENT_REQUESTED_ON) != null) {
            // A supplement was asked but none came and the owner continued (4:5 not applied): complete today.
            completeOn = EngineClock.today();
            completeAt = EngineClock.localNow();
        } else {
            completeOn = receivedOn;
            completeAt = moment(execution.getVariable(Variables.REGISTERED_AT));
        }
        claim(caseNumber, neighbourhood, receivedOn, completeOn, completeAt, asked(execution));
    }

    /**
     * Records the claim of a complete application. The budget row is locked first, as for a grant, so a claim and a
     * decision never see each other half. A case keeps the place it got first.
     */
    public void claim(String caseNumber, String neighbourhood, LocalDate receivedOn, LocalDate completeOn,
                      LocalDateTime completeAt, BigDecimal asked) {
        int year = receivedOn.getYear();
        ledger.lockBudget(neighbourhood, year);
        if (claims.of(caseNumber).isPresent()) {
            return;
        }
        claims.add(caseNumber, neighbourhood, year, receivedOn, completeOn, completeAt, asked == null ? BigDecimal.ZERO : asked);
    }

    /** The live position of an application that holds a claim, without locking: for forms and pages. */
    public Optional<AllocationPosition> position(String caseNumber) {
        return claims.of(caseNumber).map(claim -> position(claim, caseNumber, claim.neighbourhood(), claim.receivedOn(), claim.asked()));
    }

    /**
     * The position of an application at its decision, after locking the budget row of its neighbourhood and period
     * (lock order: budget row, then claims). An application without a claim (complete before claims were kept)
     * stands behind every claim there is. {@code asked} is what it asks now.
     */
    public AllocationPosition lockedPosition(String caseNumber, String neighbourhood, LocalDate receivedOn, BigDecimal asked) {
        Optional<Claim> claim = claims.of(caseNumber);
        String where = claim.map(Claim::neighbourhood).orElse(neighbourhood);
        LocalDate received = claim.map(Claim::receivedOn).orElse(receivedOn);
        ledger.lockBudget(where, received.getYear());
        return position(claims.of(caseNumber).orElse(null), caseNumber, where, received, asked);
    }

    /** The position as the process variables of a case describe it, without locking (the form's live figure). */
    public AllocationPosition position(String caseNumber, String neighbourhood, LocalDate receivedOn, BigDecimal asked) {
        Optional<Claim> claim = claims.of(caseNumber);
        return position(claim.orElse(null), caseNumber, claim.map(Claim::neighbourhood).orElse(neighbourhood),
                claim.map(Claim::receivedOn).orElse(receivedOn), asked);
    }

    /**
     * What the municipality may still take from a neighbourhood's ceiling for its own work (an internal allocation on a
     * verzoek): the ledger's remainder under the current ceiling minus every undecided claim, never below zero. Its own
     * spending thereby never touches what a complete application claims (Awb 4:25, 4:27 lid 2). Locks the budget row
     * first, as a claim and a grant do.
     */
    public BigDecimal unclaimed(String neighbourhood, int year) {
        ledger.lockBudget(neighbourhood, year);
        BigDecimal open = claims.earlierOpen(neighbourhood, year, null, "").asked();
        return ledger.remaining(neighbourhood, year).subtract(open).max(BigDecimal.ZERO).setScale(2, RoundingMode.HALF_UP);
    }

    /** A grant: the claim is settled with the amount granted (the reservation itself is on the ledger). */
    public void granted(String caseNumber, BigDecimal amount) {
        settle(caseNumber, ClaimState.GRANTED, amount);
    }

    /** A refusal of any kind: the claim goes back to the applications after it. */
    public void refused(String caseNumber) {
        settle(caseNumber, ClaimState.REFUSED, null);
    }

    /** A decision taken back before it counts (co-signing refused): the claim is undecided again, in its place. */
    public void reopened(String caseNumber) {
        settle(caseNumber, ClaimState.OPEN, null);
    }

    /** The case ended without a decision (withdrawn, 4:5, ended by the municipality): an undecided claim goes back. */
    public void withdrawn(String caseNumber) {
        claims.of(caseNumber).filter(claim -> claim.state() == ClaimState.OPEN)
                .ifPresent(claim -> settle(caseNumber, ClaimState.WITHDRAWN, null));
    }

    private void settle(String caseNumber, ClaimState state, BigDecimal amount) {
        claims.of(caseNumber).ifPresent(claim -> {
            ledger.lockBudget(claim.neighbourhood(), claim.year());
            claims.settle(caseNumber, state, amount == null ? null : amount.setScale(2, RoundingMode.HALF_UP));
        });
    }

    private AllocationPosition position(Claim claim, String caseNumber, String neighbourhood, LocalDate receivedOn,
                                        BigDecimal asked) {
        int year = receivedOn.getYear();
        String name = neighbourhoods.find(neighbourhood).map(Neighbourhood::name).orElse(neighbourhood);
        CeilingInForce ceiling = regulations.ceilingFor(neighbourhood, year, receivedOn).orElse(null);
        String why = ceiling == null ? regulations.whyNoCeiling(neighbourhood, year)
                .orElse("Voor " + name + " is in " + year + " geen subsidieplafond vastgesteld (artikel 4:25 Awb)") : null;
        BigDecimal granted = ledger.reserved(neighbourhood, year).subtract(ledger.reservedForCase(caseNumber, neighbourhood, year));
        ClaimStore.Earlier earlier = claims.earlierOpen(neighbourhood, year, claim, caseNumber);
        BigDecimal amount = (asked != null ? asked : claim != null ? claim.asked() : BigDecimal.ZERO).setScale(2, RoundingMode.HALF_UP);
        return new AllocationPosition(caseNumber, neighbourhood, name, year,
                claim == null ? null : claim.completeOn(), claim == null ? null : claim.completeAt(),
                claim == null ? 0 : claims.place(claim), claims.count(neighbourhood, year),
                claim == null ? null : claim.state(), amount, ceiling, why, granted, earlier.asked(), earlier.count());
    }

    private static LocalDate receivedOn(DelegateExecution execution) {
        Object received = execution.getVariable(Variables.RECEIVED_ON);
        return received instanceof Date date ? EngineClock.toLocalDate(date) : EngineClock.today();
    }

    private static LocalDateTime moment(Object value) {
        return value instanceof Date date ? LocalDateTime.ofInstant(date.toInstant(), DutchFormat.ZONE) : EngineClock.localNow();
    }

    /** What the application asks: the amount to decide (after the deliberation) or else the amount requested. */
    private static BigDecimal asked(DelegateExecution execution) {
        Object value = execution.getVariable(Variables.AMOUNT_TO_DECIDE);
        if (value == null) {
            value = execution.getVariable(Variables.AMOUNT_REQUESTED);
        }
        return value == null ? BigDecimal.ZERO : new BigDecimal(value.toString()).setScale(2, RoundingMode.HALF_UP);
    }
}
