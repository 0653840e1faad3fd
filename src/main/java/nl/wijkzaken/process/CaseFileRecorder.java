package nl.wijkzaken.process;

import nl.wijkzaken.casefile.Outcome;
import static nl.wijkzaken.process.ProcessVariables.amount;
import static nl.wijkzaken.process.ProcessVariables.decision;
import static nl.wijkzaken.process.ProcessVariables.period;
import static nl.wijkzaken.process.ProcessVariables.string;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

import nl.wijkzaken.deadline.AwbTerms;
import nl.wijkzaken.deadline.LegalCalendar;
import nl.wijkzaken.deadline.LegalDeadline;
import nl.wijkzaken.mandate.DecisionType;
import nl.wijkzaken.mandate.Mandate;
import nl.wijkzaken.mandate.Mandates;
import nl.wijkzaken.casefile.CaseEventType;
import nl.wijkzaken.casefile.CaseFile;
import nl.wijkzaken.casefile.CaseFiles;
import nl.wijkzaken.casefile.CaseStatus;
import nl.wijkzaken.casefile.DeliveryChoice;
import nl.wijkzaken.casefile.Route;
import nl.wijkzaken.intake.ConsentSource;
import nl.wijkzaken.intake.DecisionChannel;
import nl.wijkzaken.models.ResidentRequestProcess.Variables;
import nl.wijkzaken.refusal.Refusal;
import nl.wijkzaken.shared.DutchFormat;
import nl.wijkzaken.shared.EngineClock;

/**
 * Bean {@code caseFileRecorder}: the process writes its case file through this (open, status changes, conclusion),
 * and it flattens the DMN results into the plain variables that forms and expressions use.
 */
@Component
public class CaseFileRecorder {

    private final CaseFiles caseFiles;
    private final Mandates mandates;
    private final LegalCalendar calendar;

    CaseFileRecorder(CaseFiles caseFiles, Mandates mandates, LegalCalendar calendar) {
        this.caseFiles = caseFiles;
        this.mandates = mandates;
        this.calendar = calendar;
    }

    /** After registration and the owner, triage, advice-domains and terms decisions ({@code adviceDomains} is the list the advice-domains table collected). */
    public void open(DelegateExecution execution) {
        Map<String, Object> owner = decision(execution, "owner");
        Map<String, Object> triage = decision(execution, "triage");
        LocalDate receivedOn = EngineClock.toLocalDate((java.util.Date) execution.getVariable(Variables.RECEIVED_ON));
        // Awb 4:13 from the date of receipt, Algemene termijnenwet applied to the counted end.
        LegalDeadline deadline = AwbTerms.legalDeadline(receivedOn, period(execution, "terms", "decisionTerm"), calendar);

        execution.setVariable(Variables.OWNER_GROUP, owner.get("ownerGroup"));
        execution.setVariable(Variables.OWNER_TEAM, owner.get("ownerTeam"));
        execution.setVariable("escalationGroup", owner.get("escalationGroup"));
        execution.setVariable("fastLane", Boolean.TRUE.equals(triage.get("fastLane")));
        execution.setVariable("advisers", new ArrayList<String>());
        execution.setVariable("adviceSummary", "");
        execution.setVariable("negativeAdviceCount", 0);
        execution.setVariable("conditionalAdviceCount", 0);
        execution.setVariable("totalCostEstimate", 0.0);
        execution.setVariable("deadlineExtended", false);
        DeadlineWatch.setDeadlineVariables(execution, deadline);

        caseFiles.open(new CaseFile(string(execution, Variables.CASE_NUMBER), execution.getProcessInstanceId(),
                string(execution, Variables.CHANNEL), string(execution, Variables.APPLICANT_NAME),
                string(execution, Variables.APPLICANT_EMAIL), string(execution, Variables.NEIGHBOURHOOD),
                string(execution, Variables.CATEGORY), string(execution, Variables.TITLE),
                amount(execution, Variables.AMOUNT_REQUESTED), string(execution, Variables.URGENCY),
                (String) owner.get("ownerGroup"), (String) owner.get("ownerTeam"), receivedOn, deadline.end(), null, false,
                CaseStatus.ONTVANGEN, null, null, null));
        Object registeredAt = execution.getVariable(Variables.REGISTERED_AT);
        caseFiles.recordDeadlineFacts(string(execution, Variables.CASE_NUMBER),
                registeredAt instanceof java.util.Date at ? java.time.LocalDateTime.ofInstant(at.toInstant(), DutchFormat.ZONE) : null,
                deadline.countedEnd(), null, DeadlineWatch.termKind(execution).code());
        recordDeliveryChoice(execution);
        recordRoute(execution);
    }

    /**
     * LEGAL.md 1: the legal route the table {@code request-route} chose ("Route bepalen"), on the case file; forms show
     * its label ({@code routeLabel}). A case that reached this step without a route (started before the table existed)
     * keeps none.
     */
    private void recordRoute(DelegateExecution execution) {
        Route.ofCode(string(execution, Variables.ROUTE)).ifPresent(route -> {
            caseFiles.recordRoute(string(execution, Variables.CASE_NUMBER), route, string(execution, Variables.ROUTE_REASON));
            execution.setVariable(ROUTE_LABEL, route.label());
        });
    }

    /** The route in words, for forms ("Subsidie uit het buurtbudget", "Verzoek aan de gemeente"). */
    static final String ROUTE_LABEL = "routeLabel";

    /** Awb 4:2 and 2:8: the address and the channel for decisions, with the consent for e-mail, as registration set them. */
    private void recordDeliveryChoice(DelegateExecution execution) {
        DecisionChannel channel = DecisionChannel.fromCode(string(execution, Variables.DECISION_CHANNEL));
        String consentAt = string(execution, Variables.EMAIL_CONSENT_AT);
        LocalDateTime consentTime = consentAt == null ? null
                : OffsetDateTime.parse(consentAt).atZoneSameInstant(DutchFormat.ZONE).toLocalDateTime();
        String sourceCode = string(execution, Variables.EMAIL_CONSENT_SOURCE);
        DeliveryChoice choice = new DeliveryChoice(string(execution, Variables.POSTAL_STREET),
                string(execution, Variables.POSTAL_HOUSE_NUMBER), string(execution, Variables.POSTAL_CODE),
                string(execution, Variables.POSTAL_PLACE), channel.code(), consentTime,
                consentTime == null ? null : sourceCode, null);
        String detail = "Besluiten " + channel.words()
                + (channel == DecisionChannel.EMAIL ? " naar " + string(execution, Variables.APPLICANT_EMAIL)
                        + ", met uitdrukkelijke toestemming van de aanvrager (artikel 2:8 Awb), gegeven op "
                        + DutchFormat.dateTime(consentTime.atZone(DutchFormat.ZONE).toInstant()) + " via "
                        + ConsentSource.ofCode(sourceCode).map(ConsentSource::words).orElse(sourceCode)
                        + ". Postadres: " + choice.addressLine() + "."
                        : " naar " + choice.addressLine() + ". Geen toestemming voor besluiten per e-mail.");
        caseFiles.recordDeliveryChoice(string(execution, Variables.CASE_NUMBER), choice, detail, null);
    }

    public void status(DelegateExecution execution, String statusCode) {
        caseFiles.changeStatus(string(execution, Variables.CASE_NUMBER), CaseStatus.valueOf(statusCode), null, null);
    }

    /**
     * Records how the case ends and which message the resident gets ({@code resultMessageType}).
     * The outcome and decided amount come from the variables {@code outcome} and {@code decidedAmount}.
     */
    public void conclude(DelegateExecution execution, String statusCode, String messageType) {
        CaseStatus status = CaseStatus.valueOf(statusCode);
        Outcome outcome = status == CaseStatus.BESLUIT_GENOMEN ? decided(execution)
                : status == CaseStatus.VERZOEK_BEANTWOORD ? answered(execution) : Outcome.endingWith(status);
        BigDecimal decided = status == CaseStatus.BESLUIT_GENOMEN ? amount(execution, Variables.DECIDED_AMOUNT) : null;
        caseFiles.conclude(string(execution, Variables.CASE_NUMBER), status, outcome, decided, motivation(execution, status), null);
        recordDecider(execution, status);
        execution.setVariable("resultMessageType", messageType);
    }

    /**
     * "Doorzenden naar bevoegd orgaan" (Awb 2:3): records in the case file that the request went to the competent
     * body the owner named, then concludes the case with outcome "doorgezonden"; the resident gets the message
     * {@code doorgezonden} (no decision, no objection clause).
     */
    public void forward(DelegateExecution execution) {
        String body = string(execution, Variables.COMPETENT_BODY);
        if (body == null || body.isBlank()) {
            throw Refusal.invalid("Vul in naar welk bestuursorgaan het verzoek wordt doorgezonden.");
        }
        caseFiles.recordEvent(string(execution, Variables.CASE_NUMBER), CaseEventType.FORWARDED, null,
                "Doorgezonden aan " + body + ": " + string(execution, Variables.COMPLETENESS_MOTIVATION), currentUser());
        conclude(execution, CaseStatus.DOORGEZONDEN.name(), nl.wijkzaken.mail.MessageType.DOORGEZONDEN.template());
    }

    /**
     * The reasons the resident reads: the decision's; for a forwarding the body it went to; for 4:5 the reasons of
     * "Buiten behandeling stellen of doorgaan".
     */
    private static String motivation(DelegateExecution execution, CaseStatus status) {
        if (status == CaseStatus.BESLUIT_GENOMEN) {
            return string(execution, Variables.DECISION_MOTIVATION);
        }
        if (status == CaseStatus.DOORGEZONDEN) {
            return "Doorgezonden aan " + string(execution, Variables.COMPETENT_BODY) + ". "
                    + string(execution, Variables.COMPLETENESS_MOTIVATION);
        }
        if (status == CaseStatus.VERZOEK_BEANTWOORD) {
            return string(execution, nl.wijkzaken.models.ResidentRequestProcess.Answer.MOTIVATION);
        }
        if (status == CaseStatus.BUITEN_BEHANDELING && string(execution, Variables.NOT_HANDLED_MOTIVATION) != null) {
            return string(execution, Variables.NOT_HANDLED_MOTIVATION);
        }
        return string(execution, Variables.COMPLETENESS_MOTIVATION);
    }

    private static Outcome decided(DelegateExecution execution) {
        String code = string(execution, Variables.OUTCOME);
        return Outcome.ofCode(code).filter(Outcome::isDecision)
                .orElseThrow(() -> new IllegalStateException("Onbekend besluit: " + code));
    }

    /** Route verzoek: the answer "Verzoek beantwoorden" gave (no decision, Awb 1:3). */
    private static Outcome answered(DelegateExecution execution) {
        String code = string(execution, Variables.OUTCOME);
        return Outcome.ofCode(code).filter(Outcome::isAnswer)
                .orElseThrow(() -> new IllegalStateException("Onbekend antwoord: " + code));
    }

    /**
     * For the auditors' search: a decision is taken by {@code decidedBy} in the mandate's deciding group (fast lane:
     * the owner group); a forwarding (Awb 2:3) and an answer that it is no application by the owner who judged
     * completeness, in the group the mandate table names for that type (the {@code mandate} variable then holds that
     * rule, for the letter's "namens"); "buiten behandeling" (Awb 4:5) by whoever completed "Buiten behandeling
     * stellen of doorgaan", in the owner group.
     */
    private void recordDecider(DelegateExecution execution, CaseStatus status) {
        String decidedBy = null;
        String group = null;
        if (status == CaseStatus.BESLUIT_GENOMEN) {
            // From the task history, not the variable: a variable can be written by others than the decider.
            decidedBy = CaseHistory.decider(execution.getProcessInstanceId()).orElse(null);
            Object mandate = execution.getVariable("mandate");
            group = mandate instanceof Map<?, ?> map && map.get("decidingGroup") != null
                    ? map.get("decidingGroup").toString() : string(execution, Variables.OWNER_GROUP);
        } else if (status == CaseStatus.DOORGEZONDEN || status == CaseStatus.GEEN_AANVRAAG) {
            decidedBy = currentUser();
            Mandate mandate = mandates.of(execution, status == CaseStatus.DOORGEZONDEN
                    ? DecisionType.DOORZENDING : DecisionType.GEEN_AANVRAAG);
            execution.setVariable(Variables.MANDATE, Mandates.asResult(mandate));
            group = mandate.decidingGroup();
        } else if (status == CaseStatus.VERZOEK_BEANTWOORD) {
            // Who answered the verzoek, fixed from the task's assignee by requestAnswer; the group from "Mandaat bepalen".
            decidedBy = string(execution, nl.wijkzaken.models.ResidentRequestProcess.Answer.ANSWERED_BY);
            Object mandate = execution.getVariable("mandate");
            group = mandate instanceof Map<?, ?> map && map.get("decidingGroup") != null
                    ? map.get("decidingGroup").toString() : string(execution, Variables.OWNER_GROUP);
        } else if (status == CaseStatus.BUITEN_BEHANDELING) {
            // Awb 4:5: decided by whoever completed "Buiten behandeling stellen of doorgaan" (task history).
            decidedBy = CaseHistory.notHandledDecider(execution.getProcessInstanceId()).orElse(null);
            group = string(execution, Variables.OWNER_GROUP);
        }
        caseFiles.recordDecision(string(execution, Variables.CASE_NUMBER), decidedBy, group, EngineClock.today());
    }

    private static String currentUser() {
        Authentication user = Context.getCommandContext() == null ? null : Context.getCommandContext().getAuthentication();
        return user == null ? null : user.getUserId();
    }

    /**
     * Task listener expression on the deliberation task. An amount agreed in the deliberation is only a proposal: the
     * application stays what was asked, so granting the agreed lower amount is a partial grant with reasons (Awb 4:35,
     * 3:46). Only when the applicant changed the application in writing (checkbox, date, new amount) does the changed
     * amount become the amount to decide, and granting it a full grant of the changed application (LEGAL.md 3).
     */
    public void deliberated(org.camunda.bpm.engine.delegate.DelegateTask task) {
        boolean agreed = Boolean.TRUE.equals(task.getVariable("agreementReached"))
                || "ja".equals(String.valueOf(task.getVariable("agreementReached")));
        BigDecimal revised = amount(task, "revisedAmount");
        if (agreed && revised != null && revised.signum() < 0) {
            throw Refusal.invalid("Het herziene bedrag kan niet negatief zijn.");
        }
        BigDecimal asked = amount(task, Variables.AMOUNT_REQUESTED);
        String writtenChange = writtenChange(task, asked);
        String outcome = (agreed ? "Overeenstemming bereikt" : "Geen overeenstemming") + " op " + dutchDate(string(task, "deliberationDate"))
                + ". Deelnemers: " + string(task, "participants") + ". Standpunten: " + string(task, "positions") + "."
                + (agreed ? " Afspraken: " + string(task, "agreedMeasures") + "." : "")
                + (writtenChange != null ? " " + writtenChange
                        : agreed && revised != null ? " Voorgesteld bedrag: " + DutchFormat.euro(revised)
                        + (asked == null ? "" : " (gevraagd: " + DutchFormat.euro(asked) + ")")
                        + "; de aanvraag is niet schriftelijk gewijzigd, dus een lager besluit is een gedeeltelijke toekenning." : "");
        // The deciders' forms show it: why the amount to decide differs from the amount asked.
        task.getExecution().getProcessInstance().setVariable(DELIBERATION_SUMMARY, outcome);
        caseFiles.recordEvent(string(task, Variables.CASE_NUMBER), CaseEventType.DELIBERATION, null, outcome,
                task.getAssignee());
    }

    /**
     * The applicant's written change of the application, when recorded: checked, fixed on the case (the new amount
     * becomes {@code amountToDecide}) and recorded as a case event of its own. Null without a written change.
     */
    private String writtenChange(org.camunda.bpm.engine.delegate.DelegateTask task, BigDecimal asked) {
        var instance = task.getExecution().getProcessInstance();
        Object checked = task.getVariable(Variables.WRITTEN_CHANGE);
        if (!Boolean.TRUE.equals(checked) && !"true".equals(String.valueOf(checked))) {
            instance.setVariable(Variables.WRITTEN_CHANGE, false);
            instance.removeVariable(Variables.WRITTEN_CHANGE_DATE);
            instance.removeVariable(Variables.WRITTEN_CHANGE_AMOUNT);
            instance.removeVariable(Variables.WRITTEN_CHANGE_DESCRIPTION);
            if (asked != null) {
                instance.setVariable(Variables.AMOUNT_TO_DECIDE, asked.doubleValue());
            }
            return null;
        }
        LocalDate changedOn = GrantTerms.date(task.getVariable(Variables.WRITTEN_CHANGE_DATE));
        BigDecimal changedAmount = amount(task, Variables.WRITTEN_CHANGE_AMOUNT);
        if (changedOn == null) {
            throw Refusal.invalid("Vul de datum in waarop de aanvrager de aanvraag schriftelijk heeft gewijzigd.");
        }
        if (changedOn.isAfter(EngineClock.today())) {
            throw Refusal.invalid("De datum van de schriftelijke wijziging (" + DutchFormat.date(changedOn)
                    + ") kan niet in de toekomst liggen.");
        }
        if (changedAmount == null || changedAmount.signum() <= 0) {
            throw Refusal.invalid("Vul het bedrag van de gewijzigde aanvraag in.");
        }
        String what = string(task, Variables.WRITTEN_CHANGE_DESCRIPTION);
        instance.setVariable(Variables.WRITTEN_CHANGE, true);
        instance.setVariable(Variables.WRITTEN_CHANGE_DATE, changedOn.toString());
        instance.setVariable(Variables.WRITTEN_CHANGE_AMOUNT, changedAmount.doubleValue());
        instance.setVariable(Variables.WRITTEN_CHANGE_DESCRIPTION, what == null || what.isBlank() ? null : what.strip());
        instance.setVariable(Variables.AMOUNT_TO_DECIDE, changedAmount.doubleValue());
        String text = "De aanvrager heeft de aanvraag op " + DutchFormat.date(changedOn) + " schriftelijk gewijzigd: gevraagd bedrag "
                + DutchFormat.euro(changedAmount) + (asked == null ? "" : " (was " + DutchFormat.euro(asked) + ")")
                + (what == null || what.isBlank() ? "." : ". " + what.strip() + (what.strip().endsWith(".") ? "" : "."));
        caseFiles.recordEvent(string(task, Variables.CASE_NUMBER), CaseEventType.APPLICATION_CHANGED, null, text,
                task.getAssignee());
        // Short for the deliberation summary the forms and the dossier show; the case event has it in full.
        return "Aanvraag schriftelijk gewijzigd op " + DutchFormat.date(changedOn) + ": gevraagd bedrag " + DutchFormat.euro(changedAmount) + ".";
    }

    /** Variable with the deliberation's outcome in words, read-only on the decision and co-sign forms. */
    static final String DELIBERATION_SUMMARY = "deliberationSummary";

    private static String dutchDate(String isoDate) {
        try {
            return DutchFormat.date(java.time.LocalDate.parse(isoDate == null ? "" : isoDate.substring(0, Math.min(10, isoDate.length()))));
        } catch (java.time.format.DateTimeParseException e) {
            return isoDate;
        }
    }
}
