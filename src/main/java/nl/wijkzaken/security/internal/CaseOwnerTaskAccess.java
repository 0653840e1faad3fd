package nl.wijkzaken.security.internal;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * The owner of a case (the wijkmanager group in the case's {@value #OWNER_VARIABLE} variable) may read every task
 * of that case, also the advice and decision tasks other groups work on: that is what his filter "Alle open
 * verzoeken in mijn wijk" shows. Read only: working on a task still needs its candidate group. Other wijken see
 * nothing of the case.
 * <p>
 * A built-in create listener on every user task adds the grant. The engine deletes a task's authorizations when the
 * task ends, so nothing is left behind. No diagram needs to know about it.
 */
@Component
class CaseOwnerTaskAccess extends AbstractProcessEnginePlugin {

    static final String OWNER_VARIABLE = "ownerGroup";

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
        listeners.add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
                ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
                        .addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, CaseOwnerTaskAccess::grantOwnerRead);
            }
        });
        configuration.setCustomPostBPMNParseListeners(listeners);
    }

    static void grantOwnerRead(DelegateTask task) {
        if (!(task.getVariable(OWNER_VARIABLE) instanceof String owner) || owner.isBlank()) {
            return;
        }
        // A candidate group already holds READ (and TASK_WORK) on the task: the engine made that grant in this
        // transaction, so it is not yet visible to a query, and a second row for the group would be a duplicate.
        if (task.getCandidates().stream().anyMatch(link -> owner.equals(link.getGroupId()))) {
            return;
        }
        AuthorizationEntity read = new AuthorizationEntity(Authorization.AUTH_TYPE_GRANT);
        read.setGroupId(owner);
        read.setResource(Resources.TASK);
        read.setResourceId(task.getId());
        read.addPermission(Permissions.READ);
        // The engine grants this, not the user whose action created the task: no permission check, no
        // user-operation-log entry in the user's name.
        CommandContext commandContext = Context.getCommandContext();
        commandContext.runWithoutAuthorization(() -> {
            commandContext.getAuthorizationManager().insert(read);
            return null;
        });
    }
}
