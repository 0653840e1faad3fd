package nl.wijkzaken.notification;

import java.util.Locale;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import nl.wijkzaken.casefile.CaseEvent;
import nl.wijkzaken.casefile.CaseFiles;

/**
 * Bean {@code residentMessage}: the one step through which every message to the resident goes. The model calls it
 * asynchronously with retries and a local variable {@code messageType}; {@link #build} writes the message and
 * {@link #send} delivers it (for now: case history and log; e-mail is added here).
 */
@Component("residentMessage")
class ResidentMessages implements JavaDelegate {

    static final String OBJECTION_CLAUSE = "Bent u het niet eens met dit besluit? Dan kunt u binnen 6 weken na de "
            + "dag waarop dit besluit is verzonden bezwaar maken bij het college van burgemeester en wethouders.";

    private static final Logger log = LoggerFactory.getLogger(ResidentMessages.class);

    private final CaseFiles caseFiles;

    ResidentMessages(CaseFiles caseFiles) {
        this.caseFiles = caseFiles;
    }

    @Override
    public void execute(DelegateExecution execution) {
        send(build(execution));
    }

    void send(ResidentMessage message) {
        log.info("Bericht aan {} over zaak {}: {}", message.recipientEmail(), message.caseNumber(), message.subject());
        caseFiles.recordEvent(message.caseNumber(), CaseEvent.MESSAGE_SENT, null,
                message.messageType() + " aan " + message.recipientEmail() + ": " + message.subject() + "\n\n" + message.body(), null);
    }

    ResidentMessage build(DelegateExecution execution) {
        String type = text(execution, "messageType");
        String caseNumber = text(execution, "caseNumber");
        String title = text(execution, "title");
        String deadline = text(execution, "legalDeadlineText");
        String team = text(execution, "ownerTeam");
        String subject;
        String body = switch (type) {
            case "ontvangstbevestiging" -> {
                subject = "Uw verzoek " + caseNumber + " is ontvangen";
                yield "Wij hebben uw verzoek \"" + title + "\" ontvangen. " + team + " behandelt het. "
                        + "U hoort uiterlijk " + deadline + " van ons.";
            }
            case "aanvulling-gevraagd" -> {
                subject = "Aanvulling nodig voor uw verzoek " + caseNumber;
                yield "Om uw verzoek \"" + title + "\" te kunnen behandelen hebben wij meer informatie nodig: "
                        + text(execution, "completenessMotivation") + "\nStuur de aanvulling uiterlijk "
                        + text(execution, "repairTermText") + ". De beslistermijn staat tot dan stil. "
                        + "Ontvangen wij de aanvulling niet op tijd, dan kunnen wij uw verzoek buiten behandeling stellen.";
            }
            case "termijn-verlengd" -> {
                subject = "Meer tijd nodig voor uw verzoek " + caseNumber;
                yield "Wij kunnen niet binnen de beslistermijn over uw verzoek \"" + title + "\" beslissen. Reden: "
                        + text(execution, "extensionReason") + "\nU hoort uiterlijk " + deadline + " van ons.";
            }
            case "besluit" -> {
                subject = "Besluit op uw verzoek " + caseNumber;
                yield "Wij hebben besloten over uw verzoek \"" + title + "\": " + outcome(execution) + ".\n"
                        + text(execution, "decisionMotivation") + "\n\n" + OBJECTION_CLAUSE;
            }
            case "snelle-afhandeling" -> {
                subject = "Uw verzoek " + caseNumber + " is afgehandeld";
                yield "Wij hebben uw verzoek \"" + title + "\" direct afgehandeld: " + outcome(execution) + ".\n"
                        + text(execution, "decisionMotivation") + "\n\n" + OBJECTION_CLAUSE;
            }
            case "buiten-behandeling" -> {
                subject = "Uw verzoek " + caseNumber + " is buiten behandeling gesteld";
                yield "Wij hebben de gevraagde aanvulling op uw verzoek \"" + title + "\" niet op tijd ontvangen. "
                        + "Daarom stellen wij uw verzoek buiten behandeling (artikel 4:5 Awb). U kunt een nieuw verzoek indienen.\n\n"
                        + OBJECTION_CLAUSE;
            }
            case "niet-ontvankelijk" -> {
                subject = "Uw verzoek " + caseNumber + " kunnen wij niet behandelen";
                yield "Wij kunnen uw verzoek \"" + title + "\" niet in behandeling nemen: "
                        + text(execution, "completenessMotivation") + "\n\n" + OBJECTION_CLAUSE;
            }
            default -> throw new IllegalArgumentException("Onbekend berichttype: " + type);
        };
        return new ResidentMessage(caseNumber, type, text(execution, "applicantName"), text(execution, "applicantEmail"),
                subject, "Beste " + text(execution, "applicantName") + ",\n\n" + body + "\n\nMet vriendelijke groet,\n" + team);
    }

    private static String outcome(DelegateExecution execution) {
        String outcome = text(execution, "outcome");
        Object amount = execution.getVariable("decidedAmount");
        String euros = amount == null ? "" : String.format(Locale.forLanguageTag("nl-NL"), " (€ %,.2f)", ((Number) amount).doubleValue());
        return switch (outcome) {
            case "toegekend" -> "toegekend" + euros;
            case "gedeeltelijk-toegekend" -> "gedeeltelijk toegekend" + euros;
            default -> "afgewezen";
        };
    }

    private static String text(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        return value == null ? "" : value.toString();
    }
}
