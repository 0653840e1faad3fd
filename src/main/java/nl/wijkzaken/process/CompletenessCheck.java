package nl.wijkzaken.process;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import nl.wijkzaken.models.ResidentRequestProcess.Completeness;
import nl.wijkzaken.models.ResidentRequestProcess.Variables;
import nl.wijkzaken.refusal.Refusal;

/** Bean {@code completenessCheck}: the task listeners of "Volledigheid beoordelen". */
@Component
public class CompletenessCheck {

    /** The outcomes the law knows for an application (LEGAL.md 3); "niet-ontvankelijk" is not one of them. */
    static final List<String> OUTCOMES = List.of(Completeness.COMPLETE, Completeness.INCOMPLETE,
            Completeness.FORWARD, Completeness.NO_APPLICATION);

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
    }

    private static boolean blank(Object value) {
        return value == null || value.toString().isBlank();
    }
}
