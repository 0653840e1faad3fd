package nl.wijkzaken.security.internal;

import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * A task's grants follow who the task is for now. The engine grants the assignee, the owner and each candidate
 * user and group READ and TASK_WORK on a task, but never takes that back: whoever claimed a task and gave it back,
 * was assigned it by mistake, or whose group was taken off it, could still read and work it. Here the grant goes
 * when the last reason for it goes. The case owner's group keeps READ (see {@link CaseOwnerTaskAccess}) when its
 * candidacy ends.
 */
@Component
class TaskGrants extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setResourceAuthorizationProvider(new Provider());
    }

    static final class Provider extends DefaultAuthorizationProvider {

        @Override
        public AuthorizationEntity[] newTaskAssignee(Task task, String oldAssignee, String newAssignee) {
            if (oldAssignee != null && !oldAssignee.equals(newAssignee)
                    && !oldAssignee.equals(task.getOwner()) && !isCandidateUser(task, oldAssignee)) {
                revokeUser(task, oldAssignee);
            }
            return super.newTaskAssignee(task, oldAssignee, newAssignee);
        }

        @Override
        public AuthorizationEntity[] newTaskOwner(Task task, String oldOwner, String newOwner) {
            if (oldOwner != null && !oldOwner.equals(newOwner)
                    && !oldOwner.equals(task.getAssignee()) && !isCandidateUser(task, oldOwner)) {
                revokeUser(task, oldOwner);
            }
            return super.newTaskOwner(task, oldOwner, newOwner);
        }

        @Override
        public AuthorizationEntity[] deleteTaskUserIdentityLink(Task task, String userId, String type) {
            if (IdentityLinkType.CANDIDATE.equals(type) && !userId.equals(task.getAssignee())
                    && !userId.equals(task.getOwner())) {
                revokeUser(task, userId);
            }
            return null;
        }

        @Override
        public AuthorizationEntity[] deleteTaskGroupIdentityLink(Task task, String groupId, String type) {
            AuthorizationManager authorizations = Context.getCommandContext().getAuthorizationManager();
            if (groupId.equals(((TaskEntity) task).getVariable(CaseOwnerTaskAccess.OWNER_VARIABLE))) {
                AuthorizationEntity grant = authorizations.findAuthorizationByGroupIdAndResourceId(
                        Authorization.AUTH_TYPE_GRANT, groupId, Resources.TASK, task.getId());
                if (grant != null) {
                    // Only what CaseOwnerTaskAccess gives the owner: reading. The entity is flushed with the command.
                    grant.removePermission(TaskPermissions.TASK_WORK);
                    grant.removePermission(Permissions.UPDATE);
                }
                return null;
            }
            authorizations.deleteAuthorizationsByResourceIdAndGroupId(Resources.TASK, task.getId(), groupId);
            return null;
        }

        private static boolean isCandidateUser(Task task, String userId) {
            return ((TaskEntity) task).getIdentityLinks().stream()
                    .anyMatch(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && userId.equals(link.getUserId()));
        }

        private static void revokeUser(Task task, String userId) {
            Context.getCommandContext().getAuthorizationManager()
                    .deleteAuthorizationsByResourceIdAndUserId(Resources.TASK, task.getId(), userId);
        }
    }
}
