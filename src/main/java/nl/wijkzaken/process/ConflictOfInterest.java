package nl.wijkzaken.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.stereotype.Component;

import nl.wijkzaken.models.ResidentRequestProcess.Tasks;
import nl.wijkzaken.refusal.Refusal;

/**
 * Bean {@code conflictOfInterest}, assignment and complete listener of "Besluit nemen" and "Besluit
 * medeondertekenen": nobody decides on a case they advised on, and the co-signer is not the decider.
 * Who advised and who decided come from the engine's task history ({@link CaseHistory}), not from variables a
 * caller can send. A refusal is {@link Refusal#forbidden}: REST and Tasklist answer 403 with the Dutch rule.
 */
@Component("conflictOfInterest")
class ConflictOfInterest implements TaskListener {

    /** Who acts on the task: the assignee, or else the logged-in user; nobody anonymous. */
    static String actor(DelegateTask task) {
        if (task.getAssignee() != null) {
            return task.getAssignee();
        }
        Authentication authentication = Context.getCommandContext() == null ? null
                : Context.getCommandContext().getAuthentication();
        if (authentication != null && authentication.getUserId() != null) {
            return authentication.getUserId();
        }
        throw Refusal.forbidden("Claim de taak ‘" + task.getName() + "’ voordat u haar afrondt.");
    }

    @Override
    public void notify(DelegateTask task) {
        if (EVENTNAME_ASSIGNMENT.equals(task.getEventName()) && task.getAssignee() == null) {
            return;
        }
        String actor = actor(task);
        if (CaseHistory.advisers(task.getProcessInstanceId()).contains(actor)) {
            throw Refusal.forbidden(actor + " heeft over deze zaak geadviseerd en mag er daarom niet over beslissen.");
        }
        boolean coSign = Tasks.CO_SIGN_DECISION.equals(task.getTaskDefinitionKey());
        if (coSign && CaseHistory.decider(task.getProcessInstanceId()).filter(actor::equals).isPresent()) {
            throw Refusal.forbidden("Medeondertekenen moet iemand anders doen dan " + actor + ", die het besluit nam.");
        }
    }
}
