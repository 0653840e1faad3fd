package nl.wijkzaken.supplement;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.wijkzaken.casefile.CaseEventType;
import nl.wijkzaken.casefile.CaseFile;
import nl.wijkzaken.casefile.CaseFiles;
import nl.wijkzaken.models.ResidentRequestProcess.Messages;
import nl.wijkzaken.models.ResidentRequestProcess.Variables;
import nl.wijkzaken.refusal.Refusal;
import nl.wijkzaken.security.Roles;
import nl.wijkzaken.shared.DutchFormat;
import nl.wijkzaken.shared.EngineClock;
import nl.wijkzaken.supplement.internal.AttachmentCheck;
import nl.wijkzaken.supplement.internal.SupplementStore;

/**
 * Registers a supplement to an incomplete request, from any channel, and lets the case go on: stores it with its
 * attachments, records it in the case history and correlates {@value Messages#SUPPLEMENT_RECEIVED} with the text
 * ({@code supplementText}) and the date of receipt ({@code supplementReceivedOn}, from which Awb 4:15 counts), all in
 * one transaction. The case takes it while it waits for a supplement: during the repair term and, after the term
 * lapsed, until the 4:5 decision ("Buiten behandeling stellen of doorgaan").
 * <p>
 * Who may register one (staff): the members of the case's owner group (the wijkmanager of its wijk, who owns the case),
 * the front office (where post and desk visits come in, as they register requests from those channels) and the
 * administrator. Everybody else, a domain specialist or another wijk's wijkmanager among them, gets 403 with the same
 * message whether the case exists or not. The correlation runs as the process, not with the person's engine rights:
 * no role needs the right to correlate messages (which {@code VariableWrites} refuses to everybody but the
 * administrator), so nobody can move a case this way except through this check.
 */
@Service
public class SupplementRegistrations {

    public static final int MAX_TEXT_LENGTH = 4000;
    /** The roles that may register for any case besides the owner group. */
    static final List<String> REGISTERING_ROLES = List.of("front-office", "administrator");
    /** The roles that may read any case's supplements besides the owner group. */
    static final List<String> READING_ROLES = List.of("auditor", "administrator");
    static final String FORBIDDEN = "U mag voor deze zaak geen aanvulling registreren. Dat doen het team van de wijk en de balie.";
    private static final String TEXT_RULE = "[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]*";

    private final CaseFiles caseFiles;
    private final SupplementStore store;
    private final Roles roles;
    private final ProcessEngine engine;

    SupplementRegistrations(CaseFiles caseFiles, SupplementStore store, Roles roles, @Lazy ProcessEngine engine) {
        this.caseFiles = caseFiles;
        this.store = store;
        this.roles = roles;
        this.engine = engine;
    }

    /** What staff register: the date the supplement arrived, how, its text and its files. */
    public record Registration(String caseNumber, LocalDate receivedOn, String channel, String text, List<Attachment> attachments) {
    }

    /** 403 unless the person may register a supplement for the case; 404 for an unknown case (to those who may). */
    public CaseFile checkMayRegister(String caseNumber, String userId, Collection<String> groups) {
        Optional<CaseFile> file = caseNumber == null ? Optional.empty() : caseFiles.find(caseNumber.strip());
        boolean owner = file.isPresent() && groups.contains(file.get().ownerGroup());
        boolean role = roles.ofGroups(groups).stream().anyMatch(REGISTERING_ROLES::contains);
        if (userId == null || !(owner || role)) {
            throw Refusal.forbidden(FORBIDDEN);
        }
        return file.orElseThrow(() -> Refusal.notFound("Er is geen zaak met nummer " + caseNumber + "."));
    }

    /** Staff register a supplement received by post, at the desk or by e-mail (REST and Tasklist). */
    @Transactional
    public RegisteredSupplement register(Registration registration, String userId, Collection<String> groups) {
        CaseFile file = checkMayRegister(registration.caseNumber(), userId, groups);
        Map<String, String> errors = new LinkedHashMap<>();
        Channel channel = Channel.ofCode(registration.channel()).filter(c -> c != Channel.STATUS_PAGE).orElse(null);
        if (channel == null) {
            errors.put("channel", "Kies hoe de aanvulling binnenkwam: post, balie of e-mail.");
        }
        LocalDate receivedOn = registration.receivedOn();
        if (receivedOn == null) {
            errors.put("receivedOn", "Vul de datum van ontvangst in.");
        } else if (receivedOn.isAfter(EngineClock.today())) {
            errors.put("receivedOn", "De datum van ontvangst kan niet in de toekomst liggen.");
        } else if (receivedOn.isBefore(file.receivedOn())) {
            errors.put("receivedOn", "De datum van ontvangst ligt vóór de ontvangst van het verzoek ("
                    + DutchFormat.shortDate(file.receivedOn()) + ").");
        }
        String textProblem = textProblem(registration.text());
        if (textProblem != null) {
            errors.put("text", textProblem);
        }
        if (!errors.isEmpty()) {
            throw Refusal.invalid("De aanvulling is niet geregistreerd: " + String.join(" ", errors.values())).with("errors", errors);
        }
        return store(file, receivedOn, channel, registration.text(), registration.attachments(), userId);
    }

    /** The resident's supplement from the status page: received today (the server received it), actor "bewoner". */
    @Transactional
    public RegisteredSupplement fromResident(String caseNumber, String text, List<Attachment> attachments) {
        CaseFile file = caseFiles.find(caseNumber).orElseThrow(() -> Refusal.notFound("Deze zaak bestaat niet."));
        String problem = textProblem(text);
        if (problem != null) {
            throw Refusal.invalid(problem).with("errors", Map.of("text", problem));
        }
        return store(file, EngineClock.today(), Channel.STATUS_PAGE, text, attachments, "bewoner");
    }

    /** Whether the case now takes a supplement (it waits for the message). */
    public boolean waitsForSupplement(String caseNumber) {
        return asTheProcess(() -> engine.getRuntimeService().createEventSubscriptionQuery().eventType("message")
                .eventName(Messages.SUPPLEMENT_RECEIVED).processInstanceId(processInstance(caseNumber)).count() > 0);
    }

    /** The case's supplements with their attachments, for those who may read the case. */
    public List<RegisteredSupplement> ofCase(String caseNumber, Collection<String> groups) {
        checkMayRead(caseNumber, groups);
        return store.ofCase(caseNumber);
    }

    /** One attachment's file, for those who may read the case; 404 when the case has no such attachment. */
    public SupplementStore.Download attachment(String caseNumber, long id, Collection<String> groups) {
        checkMayRead(caseNumber, groups);
        return store.attachment(caseNumber, id).orElseThrow(() -> Refusal.notFound("Deze bijlage bestaat niet bij deze zaak."));
    }

    private void checkMayRead(String caseNumber, Collection<String> groups) {
        Optional<CaseFile> file = caseFiles.find(caseNumber);
        boolean owner = file.isPresent() && groups.contains(file.get().ownerGroup());
        if (!owner && roles.ofGroups(groups).stream().noneMatch(READING_ROLES::contains)) {
            throw Refusal.forbidden("U mag de aanvullingen van deze zaak niet inzien.");
        }
        if (file.isEmpty()) {
            throw Refusal.notFound("Er is geen zaak met nummer " + caseNumber + ".");
        }
    }

    private RegisteredSupplement store(CaseFile file, LocalDate receivedOn, Channel channel, String rawText,
            List<Attachment> attachments, String actor) {
        List<AttachmentCheck.Checked> checked = AttachmentCheck.check(attachments == null ? List.of() : attachments);
        if (!waitsForSupplement(file.caseNumber())) {
            throw Refusal.conflict("Deze zaak wacht niet op een aanvulling; er is niets geregistreerd.");
        }
        String text = rawText.replace("\r\n", "\n").strip();
        long id = store.add(file.caseNumber(), receivedOn, channel, text, EngineClock.localNow(), actor, checked);
        List<String> files = new ArrayList<>();
        checked.forEach(a -> files.add(a.fileName() + " (" + a.type().label() + ", " + kilobytes(a.content().length) + ")"));
        String detail = channel == Channel.STATUS_PAGE && files.isEmpty() ? text
                : "Ontvangen " + channel.words() + " op " + DutchFormat.shortDate(receivedOn) + ". " + text
                        + (files.isEmpty() ? "" : "\nBijlagen: " + String.join(", ", files));
        caseFiles.recordEvent(file.caseNumber(), CaseEventType.SUPPLEMENT_RECEIVED, null,
                detail.length() > MAX_TEXT_LENGTH ? detail.substring(0, MAX_TEXT_LENGTH) : detail, actor);
        asTheProcess(() -> engine.getRuntimeService().createMessageCorrelation(Messages.SUPPLEMENT_RECEIVED)
                .processInstanceBusinessKey(file.caseNumber())
                .setVariable(Variables.SUPPLEMENT_TEXT, text)
                .setVariable(Variables.SUPPLEMENT_RECEIVED_ON, EngineClock.startOf(receivedOn))
                .setVariable(Variables.SUPPLEMENT_REGISTERED_AT, java.util.Date.from(EngineClock.now()))
                .correlate());
        return store.ofCase(file.caseNumber()).stream().filter(s -> s.id() == id).findFirst().orElseThrow();
    }

    private String processInstance(String caseNumber) {
        return caseFiles.find(caseNumber).map(CaseFile::processInstanceId).orElse("-");
    }

    /** The Dutch problem with a supplement's text, or null. */
    public static String textProblem(String text) {
        if (text == null || text.isBlank()) {
            return "Vul de tekst van de aanvulling in.";
        }
        String normalised = text.replace("\r\n", "\n");
        if (!normalised.matches(TEXT_RULE)) {
            return "De tekst bevat een onzichtbaar stuurteken; verwijder het.";
        }
        if (normalised.strip().length() > MAX_TEXT_LENGTH) {
            return "De aanvulling mag hoogstens " + MAX_TEXT_LENGTH + " tekens lang zijn (nu " + normalised.strip().length() + ").";
        }
        return null;
    }

    private static String kilobytes(int bytes) {
        return Math.max(1, (bytes + 1023) / 1024) + " kB";
    }

    /**
     * The process's own step, not the person's: without the person's engine authorizations (which hold no right to
     * correlate messages or read other cases) and inside an engine command, which is how the process's own steps
     * run (VariableWrites leaves nested commands alone). Joins the command of a delegate when called from one.
     */
    private <T> T asTheProcess(java.util.function.Supplier<T> work) {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        return configuration.getCommandExecutorTxRequired().execute(context -> context.runWithoutAuthorization(work::get));
    }

    private void asTheProcess(Runnable work) {
        asTheProcess(() -> {
            work.run();
            return null;
        });
    }
}
