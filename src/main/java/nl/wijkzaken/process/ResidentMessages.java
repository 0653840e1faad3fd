package nl.wijkzaken.process;

import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import nl.wijkzaken.casefile.CaseEventType;
import nl.wijkzaken.casefile.CaseFiles;
import nl.wijkzaken.casefile.Outcome;
import nl.wijkzaken.mail.MessageType;
import nl.wijkzaken.mail.ResidentMail;
import nl.wijkzaken.mail.ResidentMailer;
import nl.wijkzaken.mail.SentMail;
import nl.wijkzaken.models.ResidentRequestProcess.Variables;
import nl.wijkzaken.residents.StatusLinks;
import nl.wijkzaken.shared.DutchFormat;
import nl.wijkzaken.shared.EngineClock;

/**
 * The one step through which every message to the resident goes: the process's external tasks on topic
 * {@code resident-message} with a local variable {@code messageType} (a template name in templates/mail/), run by
 * {@link ResidentMessageWorker}. It mails the resident through {@link ResidentMailer}; a mail server that is down
 * makes the step fail, so it is retried and finally becomes an incident that an administrator retries in Cockpit.
 * <p>
 * Each mail has a message id that is stable across retries of the step and distinct per occurrence (a case may be
 * asked for a supplement twice): the occurrence counter {@code messageCount_<type>} is read before sending and
 * raised when the step completes, so a failed attempt leaves it unchanged and the retry reuses the id; the mailer
 * never sends an id twice.
 */
@Component
class ResidentMessages {

    private final CaseFiles caseFiles;
    private final ResidentMailer mailer;
    private final StatusLinks statusLinks;

    ResidentMessages(CaseFiles caseFiles, ResidentMailer mailer, StatusLinks statusLinks) {
        this.caseFiles = caseFiles;
        this.mailer = mailer;
        this.statusLinks = statusLinks;
    }

    /** A mail that went out (now or on an earlier attempt), and what completing its step records. */
    record Sent(String caseNumber, MessageType type, String recipient, String messageId, int occurrence, SentMail mail) {
        String counterVariable() {
            return ResidentMessages.counterVariable(type);
        }
    }

    /** Sends the step's mail from the case's variables; call with no transaction open (see ResidentMailer#send). */
    Sent send(Map<String, Object> variables) {
        MessageType type = MessageType.ofTemplate(text(variables, Variables.MESSAGE_TYPE));
        String caseNumber = text(variables, Variables.CASE_NUMBER);
        String recipient = text(variables, Variables.APPLICANT_EMAIL);
        int occurrence = variables.get(counterVariable(type)) instanceof Number n ? n.intValue() + 1 : 1;
        String messageId = ResidentMail.messageId(caseNumber, type, occurrence);
        if (type == MessageType.ONTVANGSTBEVESTIGING && occurrence == 1) {
            statusLinks.provideForAcknowledgement(caseNumber, recipient);
        }
        SentMail sent = mailer.send(new ResidentMail(messageId, type, recipient, values(variables, type)));
        return new Sent(caseNumber, type, recipient, messageId, occurrence, sent);
    }

    /** The mail as the resident got it, in the case file; in the transaction that completes the step. */
    void recordInCaseFile(Sent sent) {
        caseFiles.recordEvent(sent.caseNumber(), CaseEventType.MESSAGE_SENT, null, sent.type().template() + " aan "
                + sent.recipient() + ": " + sent.mail().subject() + "\n\n" + sent.mail().body(), null);
    }

    /** Whether the resident gave an e-mail address; without one, status messages are not mailed. */
    static boolean hasRecipient(Map<String, Object> variables) {
        String recipient = text(variables, Variables.APPLICANT_EMAIL);
        return recipient != null && !recipient.isBlank();
    }

    /** Notes in the case file that a message step passed without a mail, for want of an e-mail address. */
    void recordNotMailed(Map<String, Object> variables) {
        MessageType type = MessageType.ofTemplate(text(variables, Variables.MESSAGE_TYPE));
        caseFiles.recordEvent(text(variables, Variables.CASE_NUMBER), CaseEventType.MESSAGE_SENT, null,
                type.template() + " niet per e-mail verstuurd: de aanvrager gaf geen e-mailadres op.", null);
    }

    static String counterVariable(MessageType type) {
        return "messageCount_" + type.template().replace('-', '_');
    }

    /** The template's values (see templates/mail/README.md) from the process variables. */
    static Map<String, String> values(Map<String, Object> variables, MessageType type) {
        Map<String, String> values = new HashMap<>();
        put(values, "applicantName", text(variables, Variables.APPLICANT_NAME));
        put(values, "caseNumber", text(variables, Variables.CASE_NUMBER));
        put(values, "title", text(variables, Variables.TITLE));
        put(values, "team", text(variables, Variables.OWNER_TEAM));
        switch (type) {
            case ONTVANGSTBEVESTIGING -> put(values, "deadline", date(variables, Variables.LEGAL_DEADLINE, 0));
            case AANVULLING_GEVRAAGD, BUITEN_BEHANDELING -> {
                put(values, "missingInformation", text(variables, Variables.COMPLETENESS_MOTIVATION));
                // repairTermEndsAt is the start of the day after the last day.
                put(values, "repairTerm", date(variables, Variables.REPAIR_TERM_ENDS_AT, -1));
            }
            case TERMIJN_VERLENGD -> {
                put(values, "newDeadline", date(variables, Variables.LEGAL_DEADLINE, 0));
                put(values, "reason", text(variables, Variables.EXTENSION_REASON));
            }
            case BESLUIT, SNELLE_AFHANDELING -> {
                Outcome outcome = decided(text(variables, Variables.OUTCOME));
                put(values, "decision", "uw verzoek is " + outcome.label().toLowerCase(DutchFormat.LOCALE) + ".");
                if (outcome.grants() && variables.get(Variables.DECIDED_AMOUNT) instanceof Number amount) {
                    put(values, "amount", DutchFormat.euro(amount));
                }
                put(values, "motivation", text(variables, Variables.DECISION_MOTIVATION));
            }
            case NIET_ONTVANKELIJK -> put(values, "motivation", text(variables, Variables.COMPLETENESS_MOTIVATION));
        }
        return values;
    }

    private static Outcome decided(String code) {
        return Outcome.ofCode(code).filter(Outcome::isDecision)
                .orElseThrow(() -> new IllegalStateException("Onbekend besluit: " + code));
    }

    private static String date(Map<String, Object> variables, String name, int plusDays) {
        LocalDate day = EngineClock.toLocalDate((Date) variables.get(name));
        return day == null ? null : DutchFormat.date(day.plusDays(plusDays));
    }

    private static void put(Map<String, String> values, String key, String value) {
        if (value != null && !value.isBlank()) {
            values.put(key, value);
        }
    }

    private static String text(Map<String, Object> variables, String name) {
        Object value = variables.get(name);
        return value == null ? null : value.toString();
    }
}
