package nl.wijkzaken.support;

import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ApplicationContext;

/**
 * TEST ONLY: drives a resident-request case the way staff and the job executor would (the job executor is off
 * in tests): tasks are claimed and completed by a logged-in user with his groups, as in Tasklist.
 */
public final class TaskDriver {

    private final ApplicationContext context;
    private final TaskService taskService;
    private final ManagementService managementService;
    private final IdentityService identityService;

    public TaskDriver(ApplicationContext context) {
        this.context = context;
        this.taskService = context.getBean(TaskService.class);
        this.managementService = context.getBean(ManagementService.class);
        this.identityService = context.getBean(IdentityService.class);
    }

    /** Runs the asynchronous steps (the messages to the resident) until none is left; not the timers. */
    public void runMessages(String processInstanceId) {
        MessageSteps.run(context, processInstanceId, true, null);
    }

    /** Completes the case's open task {@code taskKey} as {@code user}. */
    public void complete(String processInstanceId, String taskKey, String user, Map<String, Object> variables) {
        complete(task(processInstanceId, taskKey, null), user, variables);
    }

    /** Completes the case's open task {@code taskKey} for candidate group {@code group} as {@code user}. */
    public void complete(String processInstanceId, String taskKey, String group, String user, Map<String, Object> variables) {
        complete(task(processInstanceId, taskKey, group), user, variables);
    }

    private Task task(String processInstanceId, String taskKey, String group) {
        var query = taskService.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(taskKey).active();
        if (group != null) {
            query.taskCandidateGroup(group);
        }
        return query.singleResult();
    }

    private void complete(Task task, String user, Map<String, Object> variables) {
        if (task == null) {
            throw new IllegalStateException("No such open task");
        }
        identityService.setAuthentication(user, identityService.createGroupQuery().groupMember(user).list().stream()
                .map(Group::getId).toList());
        try {
            if (task.getAssignee() == null) {
                taskService.claim(task.getId(), user);
            }
            taskService.complete(task.getId(), variables);
        } finally {
            identityService.clearAuthentication();
        }
    }
}
