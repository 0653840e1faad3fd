package nl.wijkzaken.process;

import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import nl.wijkzaken.casefile.CaseEventType;
import nl.wijkzaken.casefile.CaseFiles;
import nl.wijkzaken.casefile.Outcome;
import nl.wijkzaken.letters.Letters;
import nl.wijkzaken.letters.StoredLetter;
import nl.wijkzaken.mail.MailHistory;
import nl.wijkzaken.mail.MessageType;
import nl.wijkzaken.mail.ResidentMail;
import nl.wijkzaken.mail.ResidentMailer;
import nl.wijkzaken.mail.SentMail;
import nl.wijkzaken.models.ResidentRequestProcess.Answer;
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
    private final Letters letters;
    private final MailHistory mailHistory;

    ResidentMessages(CaseFiles caseFiles, ResidentMailer mailer, StatusLinks statusLinks, Letters letters,
                     MailHistory mailHistory) {
        this.caseFiles = caseFiles;
        this.mailer = mailer;
        this.statusLinks = statusLinks;
        this.letters = letters;
        this.mailHistory = mailHistory;
    }

    /** A mail that went out (now or on an earlier attempt), and what completing its step records. */
    record Sent(String caseNumber, MessageType type, String recipient, String messageId, int occurrence, SentMail mail,
                LetterSent letter) {
        String counterVariable() {
            return ResidentMessages.counterVariable(type);
        }
    }

    /** The decision letter that went with the mail, as sent, and the day the mail server accepted it. */
    record LetterSent(long id, byte[] pdf, LocalDate sentOn) {
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
        Map<String, String> values = values(variables, type);
        Long letterId = DecisionLetters.carriesLetter(type) && variables.get(Variables.LETTER_ID) instanceof Number id
                ? id.longValue() : null;
        if (letterId == null) {
            SentMail sent = mailer.send(new ResidentMail(messageId, type, recipient, values));
            return new Sent(caseNumber, type, recipient, messageId, occurrence, sent, null);
        }
        // The letter is dated the day it is sent (its objection term counts from the next day): rendered at each attempt.
        LocalDate renderedFor = EngineClock.today();
        byte[] pdf = letters.renderForSending(letterId, renderedFor);
        String fileName = letters.find(letterId).map(StoredLetter::fileName).orElse(caseNumber + ".pdf");
        values.put("letterAttached", "ja");
        SentMail sent = mailer.send(new ResidentMail(messageId, type, recipient, values,
                List.of(new ResidentMail.Attachment(fileName, "application/pdf", pdf))));
        // The sending date is when the mail server accepted the mail (possibly on an earlier attempt).
        LocalDate sentOn = mailHistory.ofCase(caseNumber).stream()
                .filter(mail -> mail.messageId().equals(messageId) && mail.sent())
                .map(mail -> LocalDate.ofInstant(mail.sentAt(), DutchFormat.ZONE))
                .findFirst().orElse(renderedFor);
        if (!sentOn.equals(renderedFor)) {
            pdf = letters.renderForSending(letterId, sentOn);
        }
        return new Sent(caseNumber, type, recipient, messageId, occurrence, sent, new LetterSent(letterId, pdf, sentOn));
    }

    /** The mail as the resident got it, in the case file; in the transaction that completes the step. */
    void recordInCaseFile(Sent sent) {
        if (sent.letter() != null) {
            letters.markSent(sent.letter().id(), sent.letter().pdf(), sent.letter().sentOn(), Letters.EMAIL);
            caseFiles.recordDecisionSent(sent.caseNumber(), sent.letter().sentOn(), DecisionLetters.BY_EMAIL, null);
        }
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
            case AANVULLING_GEVRAAGD -> {
                put(values, "missingInformation", text(variables, Variables.COMPLETENESS_MOTIVATION));
                // Awb 4:5 and 4:15: the repair term runs from the day after sending, so its last day is the day the
                // mail goes out plus the term ("Beslistermijn opschorten" computes the same right after sending).
                Object term = variables.get("repairTermLength");
                put(values, "repairTerm", term == null ? date(variables, Variables.REPAIR_TERM_ENDS_AT, -1)
                        : DutchFormat.date(EngineClock.today().plus(java.time.Period.parse(term.toString()))));
            }
            case BUITEN_BEHANDELING -> {
                put(values, "missingInformation", text(variables, Variables.COMPLETENESS_MOTIVATION));
                // repairTermEndsAt is the start of the day after the last day.
                put(values, "repairTerm", date(variables, Variables.REPAIR_TERM_ENDS_AT, -1));
                put(values, "motivation", text(variables, Variables.NOT_HANDLED_MOTIVATION));
            }
            case TERMIJN_VERLENGD -> {
                // The date named in the notice (Awb 4:14); under a term set by regulation not the legal deadline.
                put(values, "newDeadline", date(variables, variables.get(Variables.ANNOUNCED_DEADLINE) != null
                        ? Variables.ANNOUNCED_DEADLINE : Variables.LEGAL_DEADLINE, 0));
                // Under a term set by regulation the notice does not move the legal deadline (4:14 lid 3): say so.
                if (variables.get(Variables.ANNOUNCED_DEADLINE) != null
                        && !variables.get(Variables.ANNOUNCED_DEADLINE).equals(variables.get(Variables.LEGAL_DEADLINE))) {
                    put(values, "legalDeadline", date(variables, Variables.LEGAL_DEADLINE, 0));
                }
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
            case DOORGEZONDEN -> {
                put(values, "competentBody", text(variables, Variables.COMPETENT_BODY));
                put(values, "motivation", text(variables, Variables.COMPLETENESS_MOTIVATION));
            }
            case GEEN_AANVRAAG -> put(values, "motivation", text(variables, Variables.COMPLETENESS_MOTIVATION));
            case ANTWOORD -> {
                // Route verzoek: a reasoned answer, no decision; the template has no objection clause (LEGAL.md 1).
                Outcome answer = Outcome.ofCode(text(variables, Variables.OUTCOME)).filter(Outcome::isAnswer)
                        .orElseThrow(() -> new IllegalStateException("Onbekend antwoord: " + text(variables, Variables.OUTCOME)));
                put(values, "answer", answer.label());
                put(values, "motivation", text(variables, Answer.MOTIVATION));
                put(values, "what", text(variables, Answer.WHAT));
                String plannedOn = text(variables, Answer.PLANNED_ON);
                put(values, "plannedOn", plannedOn == null ? null : DutchFormat.date(LocalDate.parse(plannedOn)));
                if (variables.get(Answer.ALLOCATED_AMOUNT) instanceof Number allocated) {
                    put(values, "allocatedAmount", DutchFormat.euro(allocated));
                }
            }
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
