package nl.wijkzaken.process;

import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import nl.wijkzaken.casefile.CaseFiles;
import nl.wijkzaken.casefile.Route;
import nl.wijkzaken.models.ResidentRequestProcess.Completeness;
import nl.wijkzaken.models.ResidentRequestProcess.Variables;
import nl.wijkzaken.refusal.Refusal;

/** Bean {@code completenessCheck}: the task listeners of "Volledigheid beoordelen". */
@Component
public class CompletenessCheck {

    /** The form's choice about the route the table chose: keep it ({@link #KEEP_ROUTE}), or a {@link Route} code. */
    static final String ROUTE_CORRECTION = "routeCorrection";
    /** Why the owner changes the route; required when he does (it goes into the case history). */
    static final String ROUTE_CORRECTION_REASON = "routeCorrectionReason";
    static final String KEEP_ROUTE = "behouden";

    /** The outcomes the law knows for an application (LEGAL.md 3); "niet-ontvankelijk" is not one of them. */
    static final List<String> OUTCOMES = List.of(Completeness.COMPLETE, Completeness.INCOMPLETE,
            Completeness.FORWARD, Completeness.NO_APPLICATION);

    private final CaseFiles caseFiles;

    CompletenessCheck(CaseFiles caseFiles) {
        this.caseFiles = caseFiles;
    }

    /**
     * On create: the form binds to the process variables, so a check after the resident's supplement would open with
     * last time's "Incompleet" and its motivation, and one click would ask the resident the same again. The earlier
     * judgement stays in the task history and the case file.
     */
    public void startBlank(DelegateTask task) {
        DelegateExecution instance = task.getExecution().getProcessInstance();
        instance.removeVariable(Variables.COMPLETENESS);
        instance.removeVariable(Variables.COMPLETENESS_MOTIVATION);
        instance.removeVariable(Variables.COMPETENT_BODY);
        instance.removeVariable(ROUTE_CORRECTION);
        instance.removeVariable(ROUTE_CORRECTION_REASON);
    }

    /**
     * On complete: one of the four outcomes, always with a motivation (it goes to the resident), and for forwarding
     * (Awb 2:3) the competent body. Refused in Dutch otherwise; nothing is stored.
     */
    public void judged(DelegateTask task) {
        Object completeness = task.getVariable(Variables.COMPLETENESS);
        if (!OUTCOMES.contains(completeness)) {
            throw Refusal.invalid("Kies als oordeel compleet, incompleet, doorsturen naar het bevoegde bestuursorgaan "
                    + "of geen aanvraag om een besluit.");
        }
        if (blank(task.getVariable(Variables.COMPLETENESS_MOTIVATION))) {
            throw Refusal.invalid("Geef een toelichting; die gaat naar de bewoner.");
        }
        if (Completeness.FORWARD.equals(completeness) && blank(task.getVariable(Variables.COMPETENT_BODY))) {
            throw Refusal.invalid("Vul in naar welk bestuursorgaan het verzoek wordt doorgestuurd (artikel 2:3 Awb).");
        }
        correctRoute(task);
    }

    /**
     * LEGAL.md 1: the owner may correct the route the table request-route chose (subsidie, Awb titel 4.2, or a
     * request for the municipality to act), with a reason. The process variables {@code route} and
     * {@code routeReason}, the case file and its history (who, before, after, why) follow; choosing the route the
     * case already has changes nothing. Refused in Dutch otherwise; nothing is stored.
     */
    private void correctRoute(DelegateTask task) {
        Object choice = task.getVariable(ROUTE_CORRECTION);
        if (blank(choice) || KEEP_ROUTE.equals(choice)) {
            return;
        }
        Route after = Route.ofCode(choice.toString()).orElseThrow(() -> Refusal.invalid(
                "Kies bij de soort verzoek: behouden, subsidie uit het buurtbudget of verzoek aan de gemeente."));
        DelegateExecution instance = task.getExecution().getProcessInstance();
        Optional<Route> before = Route.ofCode(String.valueOf(instance.getVariable(Variables.ROUTE)));
        if (before.equals(Optional.of(after))) {
            return;
        }
        Object reason = task.getVariable(ROUTE_CORRECTION_REASON);
        if (blank(reason)) {
            throw Refusal.invalid("Geef de reden waarom de soort verzoek verandert; die komt in het dossier.");
        }
        String why = reason.toString().strip();
        instance.setVariable(Variables.ROUTE, after.code());
        instance.setVariable(Variables.ROUTE_REASON, why);
        instance.setVariable(CaseFileRecorder.ROUTE_LABEL, after.label());
        String caseNumber = (String) instance.getVariable(Variables.CASE_NUMBER);
        caseFiles.changeRoute(caseNumber, after, why, "Soort verzoek gewijzigd"
                + before.map(route -> " van ‘" + route.label() + "’").orElse("") + " naar ‘" + after.label()
                + "’ bij de beoordeling van de volledigheid. Reden: " + why, task.getAssignee());
    }

    private static boolean blank(Object value) {
        return value == null || value.toString().isBlank();
    }
}
