package nl.wijkzaken.notification;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import nl.wijkzaken.casefile.CaseEvent;
import nl.wijkzaken.casefile.CaseFiles;
import nl.wijkzaken.casefile.EngineTime;
import nl.wijkzaken.mail.MessageType;
import nl.wijkzaken.mail.ResidentMail;
import nl.wijkzaken.mail.ResidentMailer;
import nl.wijkzaken.mail.SentMail;
import nl.wijkzaken.residents.StatusLinks;

/**
 * Bean {@code residentMessage}: the one step through which every message to the resident goes. The model calls it
 * asynchronously with retries and a local variable {@code messageType} (a template name in templates/mail/).
 * It mails the resident through {@link ResidentMailer}; a mail server that is down makes the job fail, so the
 * engine retries it and finally raises an incident that an administrator retries in Cockpit.
 * <p>
 * Each mail has a message id that is stable across retries of the job and distinct per occurrence (a case may be
 * asked for a supplement twice): the occurrence counter {@code messageCount_<type>} is read before sending and
 * raised after, in the job's transaction, so a failed attempt leaves it unchanged and the retry reuses the id;
 * the mailer never sends an id twice.
 */
@Component("residentMessage")
class ResidentMessages implements JavaDelegate {

    static final DateTimeFormatter DUTCH_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.forLanguageTag("nl-NL"));

    private final CaseFiles caseFiles;
    private final ResidentMailer mailer;
    private final StatusLinks statusLinks;

    ResidentMessages(CaseFiles caseFiles, ResidentMailer mailer, StatusLinks statusLinks) {
        this.caseFiles = caseFiles;
        this.mailer = mailer;
        this.statusLinks = statusLinks;
    }

    @Override
    public void execute(DelegateExecution execution) {
        MessageType type = MessageType.ofTemplate(text(execution, "messageType"));
        String caseNumber = text(execution, "caseNumber");
        String recipient = text(execution, "applicantEmail");
        String counter = counterVariable(type);
        int occurrence = execution.getVariable(counter) instanceof Number n ? n.intValue() + 1 : 1;
        String messageId = ResidentMail.messageId(caseNumber, type, occurrence);
        if (type == MessageType.ONTVANGSTBEVESTIGING && occurrence == 1) {
            statusLinks.provideForAcknowledgement(caseNumber, recipient);
        }

        SentMail sent = mailer.send(new ResidentMail(messageId, type, recipient, values(execution, type)));

        execution.getProcessInstance().setVariable(counter, occurrence);
        caseFiles.recordEvent(caseNumber, CaseEvent.MESSAGE_SENT, null,
                type.template() + " aan " + recipient + ": " + sent.subject() + "\n\n" + sent.body(), null);
    }

    static String counterVariable(MessageType type) {
        return "messageCount_" + type.template().replace('-', '_');
    }

    /** The template's values (see templates/mail/README.md) from the process variables. */
    static Map<String, String> values(DelegateExecution execution, MessageType type) {
        Map<String, String> values = new HashMap<>();
        put(values, "applicantName", text(execution, "applicantName"));
        put(values, "caseNumber", text(execution, "caseNumber"));
        put(values, "title", text(execution, "title"));
        put(values, "team", text(execution, "ownerTeam"));
        switch (type) {
            case ONTVANGSTBEVESTIGING -> put(values, "deadline", date(execution, "legalDeadline", 0));
            case AANVULLING_GEVRAAGD, BUITEN_BEHANDELING -> {
                put(values, "missingInformation", text(execution, "completenessMotivation"));
                // repairTermEndsAt is the start of the day after the last day.
                put(values, "repairTerm", date(execution, "repairTermEndsAt", -1));
            }
            case TERMIJN_VERLENGD -> {
                put(values, "newDeadline", date(execution, "legalDeadline", 0));
                put(values, "reason", text(execution, "extensionReason"));
            }
            case BESLUIT, SNELLE_AFHANDELING -> {
                String outcome = text(execution, "outcome");
                put(values, "decision", decision(outcome));
                if (("toegekend".equals(outcome) || "gedeeltelijk-toegekend".equals(outcome))
                        && execution.getVariable("decidedAmount") instanceof Number amount) {
                    put(values, "amount", euros(amount));
                }
                put(values, "motivation", text(execution, "decisionMotivation"));
            }
            case NIET_ONTVANKELIJK -> put(values, "motivation", text(execution, "completenessMotivation"));
        }
        return values;
    }

    static String decision(String outcome) {
        if (outcome == null) {
            return null;
        }
        return switch (outcome) {
            case "toegekend" -> "uw verzoek is toegekend.";
            case "gedeeltelijk-toegekend" -> "uw verzoek is gedeeltelijk toegekend.";
            case "afgewezen" -> "uw verzoek is afgewezen.";
            default -> throw new IllegalStateException("Onbekend besluit: " + outcome);
        };
    }

    static String euros(Number amount) {
        return String.format(Locale.forLanguageTag("nl-NL"), "€ %,.2f", amount.doubleValue());
    }

    private static String date(DelegateExecution execution, String name, int plusDays) {
        LocalDate day = EngineTime.toLocalDate((Date) execution.getVariable(name));
        return day == null ? null : day.plusDays(plusDays).format(DUTCH_DATE);
    }

    private static void put(Map<String, String> values, String key, String value) {
        if (value != null && !value.isBlank()) {
            values.put(key, value);
        }
    }

    private static String text(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        return value == null ? null : value.toString();
    }
}
