package nl.wijkzaken.process;

import static nl.wijkzaken.process.ProcessVariables.amount;
import static nl.wijkzaken.process.ProcessVariables.string;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import nl.wijkzaken.budget.BudgetLedger;
import nl.wijkzaken.casefile.CaseEventType;
import nl.wijkzaken.casefile.CaseFiles;
import nl.wijkzaken.casefile.Outcome;
import nl.wijkzaken.mandate.DecisionType;
import nl.wijkzaken.mandate.Mandate;
import nl.wijkzaken.mandate.Mandates;
import nl.wijkzaken.models.ResidentRequestProcess.Answer;
import nl.wijkzaken.models.ResidentRequestProcess.Variables;
import nl.wijkzaken.refusal.Refusal;
import nl.wijkzaken.shared.DutchFormat;
import nl.wijkzaken.shared.EngineClock;
import nl.wijkzaken.subsidy.Allocations;

/**
 * Bean {@code requestAnswer}: the route verzoek (LEGAL.md 1). A request for the municipality to act is no subsidy
 * application and mostly no application for a decision (Awb 1:3): it ends in a reasoned answer, without objection
 * clause (3:45 does not apply) and without penalty for late decisions.
 * <ul>
 * <li>{@link #answered}: complete listener of "Verzoek beantwoorden": checks the answer, fixes who answered (the
 * assignee, never a submitted value) and the outcome, records the answer in the case file.</li>
 * <li>{@link #bookInternalAllocation}: "Interne toewijzing boeken": what the municipality pays for its own work from
 * the neighbourhood's budget is booked on the ledger as an internal allocation, not a grant to the resident.</li>
 * </ul>
 */
@Component("requestAnswer")
public class RequestAnswer {

    private final CaseFiles caseFiles;
    private final Mandates mandates;
    private final BudgetLedger ledger;
    private final Allocations allocations;

    RequestAnswer(CaseFiles caseFiles, Mandates mandates, BudgetLedger ledger, Allocations allocations) {
        this.caseFiles = caseFiles;
        this.mandates = mandates;
        this.ledger = ledger;
        this.allocations = allocations;
    }

    /** Complete listener of "Verzoek beantwoorden"; a {@link Refusal} keeps the task open and stores nothing. */
    public void answered(DelegateTask task) {
        String actor = ConflictOfInterest.actor(task);
        Outcome answer = Outcome.ofCode(string(task, Answer.ANSWER)).filter(Outcome::isAnswer)
                .orElseThrow(() -> Refusal.invalid("Kies als antwoord: wordt uitgevoerd, wordt niet uitgevoerd of wordt anders uitgevoerd."));
        String motivation = string(task, Answer.MOTIVATION);
        if (blank(motivation)) {
            throw Refusal.invalid("Geef de motivering van het antwoord; die leest de bewoner in de brief.");
        }
        DelegateExecution instance = task.getExecution().getProcessInstance();
        String what = null;
        LocalDate plannedOn = null;
        BigDecimal allocated = null;
        if (answer.municipalityActs()) {
            what = string(task, Answer.WHAT);
            if (blank(what)) {
                throw Refusal.invalid("Vul in wat de gemeente precies doet.");
            }
            plannedOn = plannedOn(string(task, Answer.PLANNED_ON));
            allocated = allocated(task);
        } else if (amount(task, Answer.ALLOCATED_AMOUNT) != null && amount(task, Answer.ALLOCATED_AMOUNT).signum() != 0) {
            throw Refusal.invalid("Bij ‘wordt niet uitgevoerd’ betaalt de gemeente niets uit het buurtbudget; laat het bedrag leeg.");
        }
        if (allocated != null) {
            withinMandate(task, allocated);
        }
        // What the letter and the mail read: only what belongs to this answer (a form sent twice leaves nothing stale).
        instance.setVariable(Variables.OUTCOME, answer.code());
        instance.setVariable(Answer.ANSWERED_BY, actor);
        instance.setVariable(Answer.WHAT, what);
        instance.setVariable(Answer.PLANNED_ON, plannedOn == null ? null : plannedOn.toString());
        instance.setVariable(Answer.ALLOCATED_AMOUNT, allocated == null ? null : allocated.doubleValue());
        caseFiles.recordEvent(string(task, Variables.CASE_NUMBER), CaseEventType.REQUEST_ANSWERED, null,
                describe(answer, motivation, what, plannedOn, allocated), actor);
    }

    /**
     * "Interne toewijzing boeken": the amount of the answer, if any, on the neighbourhood's ledger of this year, under
     * the budget row lock and never below zero remaining (the ledger refuses in Dutch; the answer's completion then
     * fails and nothing is stored). The ledger is the subsidy ceiling's: the municipality's own work may only take
     * what no complete application claims, so it never affects an application already received (Awb 4:25, 4:27
     * lid 2). No amount: nothing is booked.
     */
    public void bookInternalAllocation(DelegateExecution execution) {
        BigDecimal allocated = amount(execution, Answer.ALLOCATED_AMOUNT);
        if (allocated == null || allocated.signum() == 0) {
            return;
        }
        String caseNumber = string(execution, Variables.CASE_NUMBER);
        String neighbourhood = string(execution, Variables.NEIGHBOURHOOD);
        int year = EngineClock.today().getYear();
        BigDecimal unclaimed = allocations.unclaimed(neighbourhood, year);
        if (allocated.compareTo(unclaimed) > 0) {
            throw Refusal.conflict("Van het buurtbudget " + year + " is nog " + DutchFormat.euro(unclaimed)
                            + " vrij na wat is verleend en wat volledige subsidieaanvragen claimen; de gemeente kan voor eigen werk"
                            + " niet " + DutchFormat.euro(allocated) + " toewijzen. Verlaag het bedrag of betaal het werk uit een"
                            + " andere begroting.")
                    .titled("Onvoldoende vrij buurtbudget")
                    .with("available", unclaimed)
                    .with("requested", allocated);
        }
        ledger.allocateInternally(caseNumber, neighbourhood, year,
                allocated, string(execution, Answer.ANSWERED_BY),
                "Werk van de gemeente op verzoek " + caseNumber + ": " + string(execution, Answer.WHAT));
    }

    private static LocalDate plannedOn(String text) {
        if (blank(text)) {
            throw Refusal.invalid("Vul in wanneer de gemeente het uitvoert (geplande datum).");
        }
        try {
            LocalDate day = LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
            if (day.isBefore(EngineClock.today())) {
                throw Refusal.invalid("De geplande datum " + DutchFormat.date(day) + " ligt in het verleden.");
            }
            return day;
        } catch (DateTimeParseException e) {
            throw Refusal.invalid("De geplande datum is geen datum.");
        }
    }

    private static BigDecimal allocated(DelegateTask task) {
        BigDecimal amount = amount(task, Answer.ALLOCATED_AMOUNT);
        if (amount == null || amount.signum() == 0) {
            return null;
        }
        if (amount.signum() < 0) {
            throw Refusal.invalid("Het bedrag uit het buurtbudget kan niet negatief zijn.");
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            throw Refusal.invalid("Het bedrag mag hoogstens twee cijfers achter de komma hebben.");
        }
        return amount.setScale(2);
    }

    /**
     * Awb 10:1 by analogy: the group "Mandaat bepalen" named answers for the amount to decide; an allocation above
     * that amount that the table gives to another group is refused, so spending the budget stays within mandate.
     */
    private void withinMandate(DelegateTask task, BigDecimal allocated) {
        BigDecimal toDecide = amount(task, Variables.AMOUNT_TO_DECIDE);
        if (toDecide != null && allocated.compareTo(toDecide) <= 0) {
            return;
        }
        Mandate needed = mandates.of(DecisionType.BEANTWOORDING, allocated, string(task, Variables.CATEGORY),
                string(task, Variables.OWNER_GROUP));
        Object assigned = task.getVariable(Variables.MANDATE) instanceof Map<?, ?> map ? map.get(Mandates.DECIDING_GROUP) : null;
        if (assigned != null && !assigned.equals(needed.decidingGroup())) {
            throw Refusal.invalid("Een interne toewijzing van " + DutchFormat.euro(allocated) + " valt niet onder het mandaat "
                    + "van deze taak; volgens de mandaattabel beslist de " + needed.signatoryFunction()
                    + " daarover. Verlaag het bedrag of laat de taak opnieuw toewijzen.");
        }
    }

    private static String describe(Outcome answer, String motivation, String what, LocalDate plannedOn, BigDecimal allocated) {
        StringBuilder text = new StringBuilder(answer.label()).append(". ").append(motivation.strip());
        if (what != null) {
            text.append(" Wat: ").append(what.strip()).append('.');
        }
        if (plannedOn != null) {
            text.append(" Wanneer: ").append(DutchFormat.date(plannedOn)).append('.');
        }
        if (allocated != null) {
            text.append(" Uit het buurtbudget: ").append(DutchFormat.euro(allocated)).append(" (interne toewijzing).");
        }
        return text.toString();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
