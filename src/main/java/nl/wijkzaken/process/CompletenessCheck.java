package nl.wijkzaken.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import nl.wijkzaken.models.ResidentRequestProcess.Variables;

/** Bean {@code completenessCheck}: the task listener of "Volledigheid beoordelen". */
@Component
public class CompletenessCheck {

    /**
     * On create: the form binds to the process variables, so a check after the resident's supplement would open with
     * last time's "Incompleet" and its motivation, and one click would ask the resident the same again. The earlier
     * judgement stays in the task history and the case file.
     */
    public void startBlank(DelegateTask task) {
        DelegateExecution instance = task.getExecution().getProcessInstance();
        instance.removeVariable(Variables.COMPLETENESS);
        instance.removeVariable(Variables.COMPLETENESS_MOTIVATION);
    }
}
