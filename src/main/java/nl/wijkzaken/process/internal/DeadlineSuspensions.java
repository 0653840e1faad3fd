package nl.wijkzaken.process.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Service;

import nl.wijkzaken.casefile.CaseFile;
import nl.wijkzaken.casefile.CaseFiles;
import nl.wijkzaken.deadline.SuspendedPeriod;
import nl.wijkzaken.process.DeadlineWatch;
import nl.wijkzaken.refusal.Refusal;

/**
 * Awb 4:15 lid 2 as a staff action: the case's owner group suspends the decision term with the applicant's written
 * consent or for delay the applicant caused, with a reason, a first and a last day. Anyone else gets the same 403
 * whether the case exists or not. The change runs as the process's own step on the case
 * ({@link DeadlineWatch#suspendByAgreement}), in one engine transaction: deadline, timers, tasks and case event
 * together or nothing.
 */
@Service("deadlineSuspensions")
public class DeadlineSuspensions {

    /** The grounds of 4:15 lid 2, as sent ({@code ground}) and in the words of the case event. */
    public static final Map<String, String> GROUNDS = Map.of(
            "toestemming", "sub a Awb, met schriftelijke toestemming van de aanvrager",
            "vertraging-aanvrager", "sub b Awb, vertraging die aan de aanvrager is toe te rekenen");

    static final String NOT_YOURS = "U kunt alleen de beslistermijn opschorten van zaken van uw eigen team.";

    private final ProcessEngine engine;
    private final IdentityService identityService;
    private final CaseFiles caseFiles;
    private final DeadlineWatch deadlineWatch;

    DeadlineSuspensions(@Lazy ProcessEngine engine, @Lazy IdentityService identityService, CaseFiles caseFiles,
                        @Lazy DeadlineWatch deadlineWatch) {
        this.engine = engine;
        this.identityService = identityService;
        this.caseFiles = caseFiles;
        this.deadlineWatch = deadlineWatch;
    }

    /**
     * First step of the Tasklist process {@code deadline-suspension} ("Bevoegdheid controleren"): the person who
     * started it must be in the owner group of the case named in the start form.
     */
    public void checkStarter(DelegateExecution execution) {
        ownedByCaller(text(execution, "caseNumber"));
    }

    /** Second step of {@code deadline-suspension} ("Beslistermijn opschorten"): the start form's values. */
    public void apply(DelegateExecution execution) {
        suspend(text(execution, "caseNumber"), text(execution, "suspensionGround"), text(execution, "suspensionReason"),
                day(text(execution, "suspensionFrom")), day(text(execution, "suspensionTo")));
    }

    /** The owner group of the case may; checked against the logged-in person's groups. */
    public void suspend(String caseNumber, String ground, String reason, LocalDate from, LocalDate to) {
        Authentication caller = caller();
        CaseFile file = ownedByCaller(caseNumber);
        caseNumber = file.caseNumber();
        Map<String, String> errors = new LinkedHashMap<>();
        if (ground == null || !GROUNDS.containsKey(ground)) {
            errors.put("ground", "Kies de grond: toestemming (met schriftelijke toestemming van de aanvrager) of "
                    + "vertraging-aanvrager (vertraging die aan de aanvrager is toe te rekenen).");
        }
        if (reason == null || reason.isBlank()) {
            errors.put("reason", "Geef de reden van de opschorting.");
        } else if (reason.length() > 1000) {
            errors.put("reason", "De reden is te lang (ten hoogste 1000 tekens).");
        }
        if (from == null) {
            errors.put("from", "Vul de eerste dag van de opschorting in.");
        }
        if (to == null) {
            errors.put("to", "Vul de laatste dag van de opschorting in.");
        } else if (from != null && to.isBefore(from)) {
            errors.put("to", "De laatste dag van de opschorting ligt vóór de eerste dag.");
        }
        if (!errors.isEmpty()) {
            throw Refusal.invalid("De opschorting is niet vastgelegd: " + String.join(" ", errors.values())).with("errors", errors);
        }
        if (file.outcome() != null) {
            throw Refusal.conflict("Op deze zaak is al beslist; de beslistermijn loopt niet meer.");
        }
        SuspendedPeriod period = SuspendedPeriod.fromTo(from, to);
        String actor = caller == null ? null : caller.getUserId();
        ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
                .execute(context -> {
                    ExecutionEntity instance = context.getExecutionManager().findExecutionById(file.processInstanceId());
                    if (instance == null) {
                        throw Refusal.conflict("Deze zaak loopt niet meer; de beslistermijn kan niet worden opgeschort.");
                    }
                    deadlineWatch.suspendByAgreement(instance, period, GROUNDS.get(ground), reason.strip(), actor);
                    return null;
                });
    }

    /** The same refusal whether the case does not exist or belongs to another team: it tells nothing about cases. */
    private CaseFile ownedByCaller(String caseNumber) {
        Authentication caller = caller();
        CaseFile file = caseNumber == null || caseNumber.isBlank() ? null : caseFiles.find(caseNumber.strip()).orElse(null);
        List<String> groups = caller == null || caller.getGroupIds() == null ? List.of() : caller.getGroupIds();
        if (file == null || !groups.contains(file.ownerGroup())) {
            throw Refusal.forbidden(NOT_YOURS);
        }
        return file;
    }

    /** The person acting: inside an engine command the command's, else the request's. */
    private Authentication caller() {
        CommandContext context = Context.getCommandContext();
        return context != null && context.getAuthentication() != null ? context.getAuthentication()
                : identityService.getCurrentAuthentication();
    }

    private static String text(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        return value == null ? null : value.toString();
    }

    private static LocalDate day(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip().length() > 10 ? text.strip().substring(0, 10) : text.strip());
        } catch (DateTimeParseException e) {
            throw Refusal.invalid("Vul de dagen van de opschorting in als datum (jjjj-mm-dd).");
        }
    }
}
