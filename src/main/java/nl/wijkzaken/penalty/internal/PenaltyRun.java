package nl.wijkzaken.penalty.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

import nl.wijkzaken.casefile.CaseEventType;
import nl.wijkzaken.casefile.CaseFile;
import nl.wijkzaken.casefile.CaseFiles;
import nl.wijkzaken.casefile.CaseStatus;
import nl.wijkzaken.casefile.PenaltyOutcome;
import nl.wijkzaken.deadline.PenaltyForLateDecision;
import nl.wijkzaken.models.ResidentRequestProcess.Penalty;
import nl.wijkzaken.models.ResidentRequestProcess.Variables;
import nl.wijkzaken.penalty.PenaltyState;
import nl.wijkzaken.refusal.Refusal;
import nl.wijkzaken.security.Roles;
import nl.wijkzaken.shared.DutchFormat;
import nl.wijkzaken.shared.EngineClock;

/**
 * Every step of "Dwangsom bij niet tijdig beslissen" ({@code processes/penalty.bpmn}), called by expression:
 * who may register a notice, whether it counts (4:17), the penalty starting, running, stopping (the decision was
 * sent, or day 42) and being fixed by decision (4:18, with the exceptions of 4:17 lid 6 as a reasoned choice).
 */
@Component
public class PenaltyRun {

    /** The roles that register a notice of default received on paper (the administrator may repair). */
    static final List<String> REGISTERING_ROLES = List.of("front-office", "administrator");
    static final String NOT_FRONT_OFFICE = "Alleen de balie registreert een ingebrekestelling die op papier is "
            + "ontvangen. Een bewoner stuurt die zelf via de statuspagina van zijn verzoek.";
    /** 4:87 lid 1 Awb: a payment is made within six weeks. */
    static final int PAYMENT_WEEKS = 6;

    private final CaseFiles caseFiles;
    private final PenaltyRecords records;
    private final PenaltyRules rules;
    private final Roles roles;

    PenaltyRun(CaseFiles caseFiles, PenaltyRecords records, PenaltyRules rules, Roles roles) {
        this.caseFiles = caseFiles;
        this.records = records;
        this.rules = rules;
        this.roles = roles;
    }

    /** "Rol van de melder controleren": the front office, or the resident from the status page (nobody logged in). */
    public void checkStarter(DelegateExecution execution) {
        Authentication person = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        boolean fromResident = Boolean.TRUE.equals(execution.getVariable(Penalty.NOTICE_FROM_RESIDENT));
        if (person == null || person.getUserId() == null) {
            if (!fromResident) {
                throw Refusal.forbidden(NOT_FRONT_OFFICE);
            }
            return;
        }
        List<String> own = person.getGroupIds() == null ? List.of() : roles.ofGroups(person.getGroupIds());
        if (fromResident || own.stream().noneMatch(REGISTERING_ROLES::contains)) {
            throw Refusal.forbidden(NOT_FRONT_OFFICE);
        }
    }

    /** "Ingebrekestelling toetsen" (4:17 lid 1 and 3): the case, the date of receipt, the deadline passed. */
    public void checkNotice(DelegateExecution execution) {
        Object number = execution.getVariable(Penalty.CASE_NUMBER);
        String caseNumber = number == null ? "" : number.toString().strip().toUpperCase(java.util.Locale.ROOT);
        if (caseNumber.isEmpty()) {
            throw Refusal.invalid("Vul het zaaknummer in.");
        }
        CaseFile file = caseFiles.find(caseNumber)
                .orElseThrow(() -> Refusal.notFound("Er is geen zaak met zaaknummer " + caseNumber + "."));
        LocalDate receivedOn = receivedOn(execution);
        if (receivedOn.isAfter(EngineClock.today())) {
            throw Refusal.invalid("De datum van ontvangst van de ingebrekestelling ligt in de toekomst.");
        }
        Refusal refusal = rules.noticeRefusal(file, receivedOn, caseFiles.decisionSentOn(caseNumber).orElse(null),
                records.find(caseNumber).orElse(null));
        if (refusal != null) {
            throw refusal;
        }
        PenaltyForLateDecision calculator = rules.calculator();
        LocalDate firstDay = calculator.firstDay(receivedOn);
        execution.setProcessBusinessKey(caseNumber);
        execution.setVariable(Penalty.CASE_NUMBER, caseNumber);
        execution.setVariable(Variables.TITLE, file.title());
        execution.setVariable(Variables.NEIGHBOURHOOD, file.neighbourhood());
        // The case's own card text for Tasklist ("Wijk"), as resident-request computed it.
        var name = execution.getProcessEngineServices().getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(file.processInstanceId()).variableName("neighbourhoodName").list();
        execution.setVariable("neighbourhoodName", name.isEmpty() || name.get(0).getValue() == null
                ? file.neighbourhood() : name.get(0).getValue().toString());
        execution.setVariable(Variables.OWNER_GROUP, file.ownerGroup());
        execution.setVariable(Variables.OWNER_TEAM, file.ownerTeam());
        execution.setVariable(Variables.APPLICANT_NAME, file.applicantName());
        execution.setVariable("noticeReceivedOnText", DutchFormat.date(receivedOn));
        execution.setVariable("penaltyStartsOnText", DutchFormat.date(firstDay));
        execution.setVariable(Penalty.PENALTY_STARTS_AT, EngineClock.startOf(firstDay));
        execution.setVariable(Penalty.PENALTY_MAX_ENDS_AT,
                EngineClock.startOf(PenaltyForLateDecision.lastPossibleDay(firstDay).plusDays(1)));
    }

    /** "Ingebrekestelling vastleggen": the notice in the case file and its history. */
    public void recordNotice(DelegateExecution execution) {
        String caseNumber = caseNumber(execution);
        LocalDate receivedOn = receivedOn(execution);
        LocalDate firstDay = rules.calculator().firstDay(receivedOn);
        boolean fromResident = Boolean.TRUE.equals(execution.getVariable(Penalty.NOTICE_FROM_RESIDENT));
        Authentication person = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        String registeredBy = fromResident || person == null ? null : person.getUserId();
        String channel = fromResident ? "elektronisch, via de statuspagina" : "op papier, geregistreerd door de balie";
        records.noticeReceived(caseNumber, execution.getProcessInstanceId(), receivedOn, channel, registeredBy, firstDay);
        caseFiles.recordEvent(caseNumber, CaseEventType.NOTICE_OF_DEFAULT_RECEIVED, CaseStatus.INGEBREKESTELLING_ONTVANGEN,
                "Ingebrekestelling ontvangen op " + DutchFormat.date(receivedOn) + " (" + channel + "). Is het besluit "
                        + "niet uiterlijk " + DutchFormat.date(firstDay.minusDays(1)) + " verzonden, dan is vanaf "
                        + DutchFormat.date(firstDay) + " een dwangsom verschuldigd (artikel 4:17 lid 3 Awb).",
                fromResident ? "bewoner" : registeredBy);
        refreshVariables(execution, state(caseNumber));
    }

    /** "Dwangsom starten": day 1 has come and no decision was sent (4:17 lid 3). */
    public void start(DelegateExecution execution) {
        String caseNumber = caseNumber(execution);
        PenaltyState state = state(caseNumber);
        caseFiles.recordEvent(caseNumber, CaseEventType.PENALTY_STARTED, CaseStatus.DWANGSOM_LOOPT,
                "Het besluit is niet verzonden binnen twee weken na de ingebrekestelling: de dwangsom loopt vanaf "
                        + DutchFormat.date(state.firstDay()) + ", de eerste 14 dagen € 23 per dag, daarna € 35 en "
                        + "€ 45 per dag, hoogstens 42 dagen (artikel 4:17 Awb).", null);
        refreshVariables(execution, state);
    }

    /** "Bedrag bijwerken": the amount so far, for the task's card and form. */
    public void refresh(DelegateExecution execution) {
        refreshVariables(execution, state(caseNumber(execution)));
    }

    /** "Tijdig verzonden vastleggen": the decision went out within the two weeks; nothing is owed. */
    public void sentInTime(DelegateExecution execution) {
        String caseNumber = caseNumber(execution);
        LocalDate sentOn = sentOn(execution);
        records.stopped(caseNumber, null, 0, BigDecimal.ZERO, null);
        caseFiles.recordEvent(caseNumber, CaseEventType.PENALTY_STOPPED, null, "Besluit verzonden op "
                + DutchFormat.date(sentOn) + ", binnen twee weken na de ingebrekestelling: geen dwangsom verschuldigd "
                + "(artikel 4:17 lid 3 Awb).", null);
    }

    /** "Dwangsom stoppen": the decision was sent, or day 42 has passed (4:17 lid 1). */
    public void stop(DelegateExecution execution) {
        String caseNumber = caseNumber(execution);
        PenaltyState state = state(caseNumber);
        LocalDate sentOn = execution.getVariable(Penalty.DECISION_SENT_ON) == null ? null : sentOn(execution);
        LocalDate lastPossible = PenaltyForLateDecision.lastPossibleDay(state.firstDay());
        LocalDate lastDay = sentOn == null ? lastPossible : PenaltyForLateDecision.lastDayOwed(state.firstDay(), sentOn);
        if (lastDay == null) {
            lastDay = state.firstDay();
        }
        int days = PenaltyForLateDecision.daysOwed(state.firstDay(), lastDay);
        BigDecimal amount = PenaltyForLateDecision.amountFor(days);
        LocalDate fixBy = rules.calculator().fixBy(lastDay);
        records.stopped(caseNumber, lastDay, days, amount, fixBy);
        String why = sentOn != null && !sentOn.isAfter(lastPossible)
                ? "Besluit verzonden op " + DutchFormat.date(sentOn) + ": de dwangsom is gestopt"
                : "Het maximum van 42 dagen is bereikt op " + DutchFormat.date(lastPossible);
        caseFiles.recordEvent(caseNumber, CaseEventType.PENALTY_STOPPED, CaseStatus.DWANGSOM_GESTOPT,
                why + ", na " + days + (days == 1 ? " dag" : " dagen") + ": " + DutchFormat.euro(amount)
                        + " (artikel 4:17 Awb). Vast te stellen bij besluit uiterlijk " + DutchFormat.date(fixBy)
                        + " (artikel 4:18 Awb).", null);
        execution.setVariable(Penalty.DAYS_OWED, (long) days);
        execution.setVariable(Penalty.AMOUNT_OWED, amount.doubleValue());
        execution.setVariable(Penalty.AMOUNT_SO_FAR, amount.doubleValue());
        execution.setVariable("lastDayOwedText", DutchFormat.date(lastDay));
        execution.setVariable("fixByText", DutchFormat.date(fixBy));
        execution.setVariable(Penalty.FIX_BY, EngineClock.startOf(fixBy));
        execution.setVariable(Penalty.PENALTY_SO_FAR_TEXT, state(caseNumber).inWords(EngineClock.today()));
    }

    /**
     * Task listener (complete) of "Dwangsom loopt: besluit versturen": the task closes by itself when the decision is
     * sent; completing it records what the team agreed to get it out (required), by whoever claimed it.
     */
    public void noted(DelegateTask task) {
        if (task.getAssignee() == null) {
            throw Refusal.conflict("Claim de taak eerst: de afspraken komen op naam van wie ze vastlegt.");
        }
        Object agreement = task.getVariable(Penalty.PENALTY_AGREEMENT);
        if (agreement == null || agreement.toString().isBlank()) {
            throw Refusal.invalid("Leg vast wat het team afspreekt om het besluit te versturen.");
        }
        task.setVariable(Penalty.PENALTY_AGREEMENT_BY, task.getAssignee());
    }

    /** "Afspraken vastleggen": the agreement in the case history (dossier); the form opens blank next time. */
    public void agreed(DelegateExecution execution) {
        String caseNumber = caseNumber(execution);
        String by = (String) execution.getVariable(Penalty.PENALTY_AGREEMENT_BY);
        PenaltyState state = state(caseNumber);
        LocalDate today = EngineClock.today();
        caseFiles.recordEvent(caseNumber, CaseEventType.PENALTY_AGREEMENT, null, "Dwangsom tot en met vandaag "
                + DutchFormat.euro(state.amountSoFar(today)) + ". Afspraken: "
                + execution.getVariable(Penalty.PENALTY_AGREEMENT).toString().strip(), by);
        execution.removeVariable(Penalty.PENALTY_AGREEMENT);
        refreshVariables(execution, state);
    }

    /** Task listener (complete) of "Dwangsom vaststellen": who decided is who completes it (the assignee). */
    public void decided(DelegateTask task) {
        if (task.getAssignee() == null) {
            throw Refusal.conflict("Claim de taak eerst: wie de dwangsom vaststelt, moet de taak hebben opgepakt.");
        }
        decision(task);
        task.setVariable(Penalty.PENALTY_DECIDED_BY, task.getAssignee());
    }

    /** "Dwangsom bij besluit vastleggen" (4:18): outcome, amount, decider and the payment order as a fact. */
    public void fix(DelegateExecution execution) {
        String caseNumber = caseNumber(execution);
        PenaltyOutcome outcome = decision(execution);
        String motivation = execution.getVariable(Penalty.PENALTY_MOTIVATION).toString().strip();
        PenaltyState state = state(caseNumber);
        BigDecimal amount = outcome.owed() ? state.amountOwed() : BigDecimal.ZERO;
        LocalDate today = EngineClock.today();
        String decidedBy = (String) execution.getVariable(Penalty.PENALTY_DECIDED_BY);
        boolean pays = amount.signum() > 0;
        String paymentTo = pays ? caseFiles.find(caseNumber).map(CaseFile::applicantName).orElse(null) : null;
        LocalDate payBy = pays ? today.plusWeeks(PAYMENT_WEEKS) : null;
        records.fixed(caseNumber, outcome, amount, motivation, decidedBy, today, paymentTo, payBy);
        String detail = outcome.label() + ": " + DutchFormat.euro(amount) + ", besloten door " + decidedBy
                + " namens het college van burgemeester en wethouders."
                + (pays ? " Betalingsopdracht: " + DutchFormat.euro(amount) + " aan " + paymentTo + ", uiterlijk "
                + DutchFormat.date(payBy) + " (artikel 4:87 Awb)." : "") + " Motivering: " + motivation;
        caseFiles.recordEvent(caseNumber, CaseEventType.PENALTY_FIXED, CaseStatus.DWANGSOM_VASTGESTELD, detail, decidedBy);
        execution.setVariable("penaltyFixedAmount", amount.doubleValue());
    }

    private static PenaltyOutcome decision(VariableScope scope) {
        Object code = scope.getVariable(Penalty.PENALTY_DECISION);
        PenaltyOutcome outcome = code == null ? null : PenaltyOutcome.ofCode(code.toString()).orElse(null);
        if (outcome == null) {
            throw Refusal.invalid("Kies of de dwangsom wordt vastgesteld, of waarom geen dwangsom verschuldigd is "
                    + "(artikel 4:17 lid 6 Awb).");
        }
        Object motivation = scope.getVariable(Penalty.PENALTY_MOTIVATION);
        if (motivation == null || motivation.toString().isBlank()) {
            throw Refusal.invalid("Geef de motivering van het besluit (artikel 3:46 Awb).");
        }
        return outcome;
    }

    private void refreshVariables(DelegateExecution execution, PenaltyState state) {
        LocalDate today = EngineClock.today();
        execution.setVariable(Penalty.AMOUNT_SO_FAR, state.amountSoFar(today).doubleValue());
        execution.setVariable(Penalty.PENALTY_SO_FAR_TEXT, state.inWords(today));
    }

    private PenaltyState state(String caseNumber) {
        return records.find(caseNumber).orElseThrow(
                () -> new IllegalStateException("Geen ingebrekestelling vastgelegd voor zaak " + caseNumber));
    }

    private static String caseNumber(DelegateExecution execution) {
        return (String) execution.getVariable(Penalty.CASE_NUMBER);
    }

    private static LocalDate sentOn(DelegateExecution execution) {
        return EngineClock.toLocalDate((Date) execution.getVariable(Penalty.DECISION_SENT_ON));
    }

    private static LocalDate receivedOn(DelegateExecution execution) {
        Object value = execution.getVariable(Penalty.NOTICE_RECEIVED_ON);
        if (value == null || value.toString().isBlank()) {
            throw Refusal.invalid("Vul de datum in waarop de ingebrekestelling is ontvangen.");
        }
        try {
            return LocalDate.parse(value.toString().strip());
        } catch (DateTimeParseException e) {
            throw Refusal.invalid("De datum van ontvangst moet een datum zijn (jjjj-mm-dd).");
        }
    }
}
