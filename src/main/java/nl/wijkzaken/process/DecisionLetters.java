package nl.wijkzaken.process;

import static nl.wijkzaken.process.ProcessVariables.amount;
import static nl.wijkzaken.process.ProcessVariables.string;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import nl.wijkzaken.casefile.CaseFiles;
import nl.wijkzaken.casefile.Outcome;
import nl.wijkzaken.deadline.LegalCalendar;
import nl.wijkzaken.letters.LetterContent;
import nl.wijkzaken.letters.LetterKind;
import nl.wijkzaken.letters.Letters;
import nl.wijkzaken.letters.StoredLetter;
import nl.wijkzaken.mail.MessageType;
import nl.wijkzaken.models.ResidentRequestProcess.Answer;
import nl.wijkzaken.models.ResidentRequestProcess.Tasks;
import nl.wijkzaken.models.ResidentRequestProcess.Variables;
import nl.wijkzaken.refusal.Refusal;
import nl.wijkzaken.shared.DutchFormat;
import nl.wijkzaken.shared.EngineClock;
import nl.wijkzaken.subsidy.SubsidyRegulations;

/**
 * Bean {@code decisionLetters}: the letter of a case's outcome, between the end of "Behandeling" and "Zaak sluiten".
 * <ul>
 * <li>"Brief opstellen" ({@link #prepare}): the letter's kind from the outcome, its content from the case (addressee,
 * postal address, reasons, amounts, the decider's name from the identity service and function from the mandate),
 * stored with a draft PDF; the channel ({@code decisionChannel}) decides the next step.</li>
 * <li>E-mail: "Uitkomst aan bewoner sturen" mails the letter as PDF ({@link ResidentMessages}); the day the mail server
 * accepted it is the sending date.</li>
 * <li>Post: "Per post verzenden", a front-office task due in two working days ({@link #sendBy}); then "Verzenddatum
 * vastleggen" ({@link #recordPosted}) renders the letter dated that day, stores it as sent and records the sending date.</li>
 * </ul>
 * Both end in {@code CaseFiles.recordDecisionSent}: the objection term (6:8) and timeliness (4:17) count from it.
 */
@Component("decisionLetters")
public class DecisionLetters {

    /** What the case file's event says (casefile.CaseFiles#recordDecisionSent). */
    static final String BY_EMAIL = "per e-mail";
    static final String BY_POST = "per post";

    private final Letters letters;
    private final CaseFiles caseFiles;
    private final LegalCalendar calendar;
    private final Environment environment;
    private final String dispatchGroup;
    private final SubsidyRegulations regulations;

    DecisionLetters(Letters letters, CaseFiles caseFiles, LegalCalendar calendar, Environment environment,
                    @Value("${wijkzaken.letters.dispatch-group:balie}") String dispatchGroup,
                    SubsidyRegulations regulations) {
        this.regulations = regulations;
        this.letters = letters;
        this.caseFiles = caseFiles;
        this.calendar = calendar;
        this.environment = environment;
        this.dispatchGroup = dispatchGroup;
    }

    /** "Brief opstellen": stores the letter of the outcome and sets {@code letterId}, {@code decisionChannel}, {@code dispatchGroup}. */
    public void prepare(DelegateExecution execution) {
        StoredLetter letter = letters.prepare(content(execution));
        execution.setVariable(Variables.LETTER_ID, letter.id());
        execution.setVariable(Variables.DECISION_CHANNEL, channel(execution));
        execution.setVariable("dispatchGroup", dispatchGroup);
        execution.setVariable("postalAddress", String.join("\n", addressLines(execution)));
        execution.setVariable("letterLink", "[" + letter.fileName() + "](/api/letters/" + letter.caseNumber() + "/" + letter.id() + ")");
    }

    /** Due date of "Per post verzenden": the end of the second working day after today (Atw working days). */
    public Date sendBy(DelegateExecution execution) {
        LocalDate day = EngineClock.today();
        int workingDays = 0;
        while (workingDays < 2) {
            day = day.plusDays(1);
            if (calendar.isWorkingDay(day)) {
                workingDays++;
            }
        }
        return Date.from(day.atTime(LocalTime.of(23, 59)).atZone(DutchFormat.ZONE).toInstant());
    }

    /** "Verzenddatum vastleggen", after "Per post verzenden": the letter went out today, by post, handed over by its assignee. */
    public void recordPosted(DelegateExecution execution) {
        if (!Boolean.TRUE.equals(execution.getVariable("letterPosted"))) {
            throw Refusal.invalid("Vink aan dat de brief is afgedrukt en op de post is gedaan.");
        }
        if (!(execution.getVariable(Variables.LETTER_ID) instanceof Number letterId)) {
            throw new IllegalStateException("Geen brief bij deze zaak");
        }
        LocalDate sentOn = EngineClock.today();
        letters.markSent(letterId.longValue(), letters.renderForSending(letterId.longValue(), sentOn), sentOn, Letters.POST);
        String postedBy = CaseHistory.latestAssignee(execution.getProcessInstanceId(), Tasks.SEND_BY_POST).orElse(null);
        caseFiles.recordDecisionSent(string(execution, Variables.CASE_NUMBER), sentOn, BY_POST, postedBy);
    }

    /** {@code post} or {@code e-mail}: as the resident chose; without a choice e-mail when an address is known. */
    static String channel(VariableScope scope) {
        return channel(string(scope, Variables.DECISION_CHANNEL), string(scope, Variables.APPLICANT_EMAIL));
    }

    static String channel(String chosen, String email) {
        if (Letters.POST.equals(chosen) || Letters.EMAIL.equals(chosen)) {
            return chosen;
        }
        return email == null || email.isBlank() ? Letters.POST : Letters.EMAIL;
    }

    /** The letter of the outcome the case was concluded with ({@code resultMessageType} and {@code outcome}). */
    static LetterKind kind(String resultMessageType, String outcomeCode) {
        Outcome outcome = Outcome.ofCode(outcomeCode).orElse(null);
        if (outcome != null) {
            switch (outcome) {
                case TOEGEKEND: return LetterKind.TOEKENNING;
                case GEDEELTELIJK_TOEGEKEND: return LetterKind.GEDEELTELIJKE_TOEKENNING;
                // Awb 4:25 lid 2: a refusal like any other; its reasons name the ceiling and the order.
                case AFGEWEZEN, AFGEWEZEN_PLAFOND: return LetterKind.AFWIJZING;
                case BUITEN_BEHANDELING: return LetterKind.BUITEN_BEHANDELING;
                // Awb 2:3 and "not an application": letters without objection clause (LEGAL.md 3).
                case DOORGEZONDEN: return LetterKind.DOORZENDING;
                case GEEN_AANVRAAG: return LetterKind.GEEN_AANVRAAG;
                // Route verzoek: a reasoned answer, no decision (LEGAL.md 1).
                case UITVOEREN, NIET_UITVOEREN, ANDERS_UITVOEREN: return LetterKind.ANTWOORD;
                default: break;
            }
        }
        // Endings concluded without an outcome variable: the mail template of the ending names the letter.
        if (resultMessageType != null) {
            switch (resultMessageType) {
                case "doorgezonden": return LetterKind.DOORZENDING;
                case "geen-aanvraag": return LetterKind.GEEN_AANVRAAG;
                case "buiten-behandeling": return LetterKind.BUITEN_BEHANDELING;
                default: break;
            }
        }
        return LetterKind.ofCode(outcomeCode).or(() -> LetterKind.ofCode(resultMessageType))
                .orElseThrow(() -> new IllegalStateException("Geen brief voor uitkomst " + outcomeCode + " / " + resultMessageType));
    }

    LetterContent content(DelegateExecution execution) {
        String caseNumber = string(execution, Variables.CASE_NUMBER);
        LetterKind kind = kind(string(execution, Variables.RESULT_MESSAGE_TYPE), string(execution, Variables.OUTCOME));
        if (kind == LetterKind.ANTWOORD) {
            return answer(execution, caseNumber);
        }
        boolean decidedByDecider = kind == LetterKind.TOEKENNING || kind == LetterKind.GEDEELTELIJKE_TOEKENNING
                || kind == LetterKind.AFWIJZING;
        String signatory = decidedByDecider
                ? CaseHistory.decider(execution.getProcessInstanceId()).orElse(null)
                : CaseHistory.latestAssignee(execution.getProcessInstanceId(), Tasks.CHECK_COMPLETENESS).orElse(null);
        Map<?, ?> mandate = execution.getVariable("mandate") instanceof Map<?, ?> map ? map : Map.of();
        String decidingGroup = decidedByDecider && mandate.get("decidingGroup") != null
                ? mandate.get("decidingGroup").toString() : string(execution, Variables.OWNER_GROUP);
        String function = mandate.get("signatoryFunction") != null && decidedByDecider
                ? capitalized(mandate.get("signatoryFunction").toString()) : letters.functionOfGroup(decidingGroup);
        String reasons = decidedByDecider ? string(execution, Variables.DECISION_MOTIVATION)
                : string(execution, Variables.COMPLETENESS_MOTIVATION);
        boolean grant = kind == LetterKind.TOEKENNING || kind == LetterKind.GEDEELTELIJKE_TOEKENNING;
        BigDecimal decided = grant ? amount(execution, Variables.DECIDED_AMOUNT) : null;
        LocalDate receivedOn = EngineClock.toLocalDate((Date) execution.getVariable(Variables.RECEIVED_ON));
        boolean changedInWriting = grant && Boolean.TRUE.equals(execution.getVariable(Variables.WRITTEN_CHANGE));
        // After a written change the application is the changed one: a partial grant refuses the rest of that (LEGAL.md 3).
        BigDecimal asked = changedInWriting && amount(execution, Variables.AMOUNT_TO_DECIDE) != null
                ? amount(execution, Variables.AMOUNT_TO_DECIDE) : amount(execution, Variables.AMOUNT_REQUESTED);
        LetterContent content = new LetterContent(caseNumber, kind, string(execution, Variables.APPLICANT_NAME),
                string(execution, "onBehalfOfGroup"), addressLines(execution), string(execution, Variables.APPLICANT_EMAIL),
                string(execution, Variables.TITLE), receivedOn,
                asked, decided, reasons,
                grant ? activity(execution) : null, grant ? string(execution, Variables.GRANT_OBLIGATIONS) : null,
                grant ? string(execution, "grantConditions") : null,
                grant && !GrantTerms.DIRECT.equals(string(execution, Variables.SETTLEMENT)) ? amount(execution, Variables.ADVANCE_AMOUNT) : null,
                grant ? GrantTerms.date(execution.getVariable(Variables.ACCOUNTABILITY_DUE_DATE)) : null,
                fullName(signatory), function, decidedByDecider ? mandateDecision(mandate.get("mandateDecision")) : null,
                string(execution, "forwardedTo"), string(execution, Variables.OWNER_TEAM));
        if (!grant) {
            return content;
        }
        Object percentage = execution.getVariable(Variables.ADVANCE_PERCENTAGE);
        return content.withGrant(new LetterContent.Grant(legalBasis(kind, receivedOn),
                GrantTerms.date(execution.getVariable(Variables.ACTIVITY_END_DATE)),
                percentage instanceof Number number ? number.intValue() : null,
                GrantTerms.DIRECT.equals(string(execution, Variables.SETTLEMENT)),
                changedInWriting ? GrantTerms.date(execution.getVariable(Variables.WRITTEN_CHANGE_DATE)) : null,
                changedInWriting ? amount(execution, Variables.WRITTEN_CHANGE_AMOUNT) : null,
                changedInWriting ? string(execution, Variables.WRITTEN_CHANGE_DESCRIPTION) : null));
    }

    /**
     * Awb 4:23: the grant names the regulation and its article, of the period (year) the application was received in;
     * null without a recorded regulation (the letter then uses the configured text of its kind).
     */
    private String legalBasis(LetterKind kind, LocalDate receivedOn) {
        if (receivedOn == null) {
            return null;
        }
        return regulations.ofPeriod(receivedOn.getYear())
                .map(regulation -> "Artikel 4:23" + (kind == LetterKind.GEDEELTELIJKE_TOEKENNING ? " en artikel 4:35" : "")
                        + " van de Algemene wet bestuursrecht en " + regulation.legalBasis()
                        + " (" + regulation.publicationReference() + ").")
                .orElse(null);
    }

    /**
     * The answer to a verzoek: signed by whoever answered (the assignee of "Verzoek beantwoorden") in the function the
     * mandate table names; no mandate line for a decision (it is none), no amounts granted to the resident.
     */
    private LetterContent answer(DelegateExecution execution, String caseNumber) {
        Map<?, ?> mandate = execution.getVariable("mandate") instanceof Map<?, ?> map ? map : Map.of();
        String group = mandate.get("decidingGroup") != null ? mandate.get("decidingGroup").toString()
                : string(execution, Variables.OWNER_GROUP);
        String function = mandate.get("signatoryFunction") != null
                ? capitalized(mandate.get("signatoryFunction").toString()) : letters.functionOfGroup(group);
        Outcome outcome = Outcome.ofCode(string(execution, Variables.OUTCOME)).orElseThrow();
        LetterContent.Answer answer = new LetterContent.Answer(string(execution, Variables.DESCRIPTION), outcome.label(),
                string(execution, Answer.WHAT), GrantTerms.date(execution.getVariable(Answer.PLANNED_ON)),
                amount(execution, Answer.ALLOCATED_AMOUNT));
        return new LetterContent(caseNumber, LetterKind.ANTWOORD, string(execution, Variables.APPLICANT_NAME),
                string(execution, "onBehalfOfGroup"), addressLines(execution), string(execution, Variables.APPLICANT_EMAIL),
                string(execution, Variables.TITLE), EngineClock.toLocalDate((Date) execution.getVariable(Variables.RECEIVED_ON)),
                amount(execution, Variables.AMOUNT_REQUESTED), null, string(execution, Answer.MOTIVATION), null, null, null,
                null, null, fullName(string(execution, Answer.ANSWERED_BY)), function, null, null,
                string(execution, Variables.OWNER_TEAM), answer, null);
    }

    private static String activity(DelegateExecution execution) {
        String fixed = string(execution, Variables.GRANT_ACTIVITY);
        if (fixed != null && !fixed.isBlank()) {
            return fixed;
        }
        String title = string(execution, Variables.TITLE);
        String location = string(execution, "location");
        return location == null || location.isBlank() ? title : title + " (" + location + ")";
    }

    /** The postal address as lines, when the resident gave one (intake asks it: Awb 4:2). */
    static List<String> addressLines(VariableScope scope) {
        List<String> lines = new ArrayList<>();
        String street = join(string(scope, Variables.POSTAL_STREET), string(scope, Variables.POSTAL_HOUSE_NUMBER));
        String place = join(string(scope, Variables.POSTAL_CODE), string(scope, Variables.POSTAL_PLACE));
        if (!street.isBlank()) {
            lines.add(street);
        }
        if (!place.isBlank()) {
            lines.add(place);
        }
        return lines;
    }

    /** "Mandaatbesluit ... (kenmerk ..., datum)" from {@code wijkzaken.mandate.decisions.<key>}; null when unknown. */
    String mandateDecision(Object key) {
        if (key == null) {
            return null;
        }
        String prefix = "wijkzaken.mandate.decisions." + key + ".";
        String title = environment.getProperty(prefix + "title");
        if (title == null) {
            return null;
        }
        String reference = environment.getProperty(prefix + "reference");
        String date = environment.getProperty(prefix + "date");
        if (date != null) {
            try {
                date = DutchFormat.date(LocalDate.parse(date));
            } catch (java.time.format.DateTimeParseException e) {
                // As configured.
            }
        }
        String details = join(reference == null ? null : "kenmerk " + reference + (date == null ? "" : ","), date);
        return details.isBlank() ? title : title + " (" + details + ")";
    }

    /** First and last name of a user from the identity service; the user id when it has no name. */
    private static String fullName(String userId) {
        if (userId == null || Context.getCommandContext() == null) {
            return null;
        }
        var context = Context.getCommandContext();
        User user = context.runWithoutAuthorization(() -> context.getProcessEngineConfiguration().getIdentityService()
                .createUserQuery().userId(userId).singleResult());
        if (user == null) {
            return null;
        }
        String name = join(user.getFirstName(), user.getLastName());
        return name.isBlank() ? null : name;
    }

    /** The function as it stands under the signatory's name ("Wijkmanager"); the mandate table writes it in lower case. */
    private static String capitalized(String function) {
        return function.isEmpty() ? function : Character.toUpperCase(function.charAt(0)) + function.substring(1);
    }

    private static String join(String first, String second) {
        return ((first == null ? "" : first.strip()) + " " + (second == null ? "" : second.strip())).strip();
    }

    /** The mail templates whose mail carries the letter when it goes by e-mail. */
    static boolean carriesLetter(MessageType type) {
        return type == MessageType.BESLUIT || type == MessageType.SNELLE_AFHANDELING
                || type == MessageType.BUITEN_BEHANDELING || type == MessageType.DOORGEZONDEN
                || type == MessageType.GEEN_AANVRAAG || type == MessageType.ANTWOORD;
    }
}
