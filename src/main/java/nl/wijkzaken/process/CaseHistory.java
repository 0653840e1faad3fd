package nl.wijkzaken.process;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

import nl.wijkzaken.models.ResidentRequestProcess.Tasks;

/**
 * Who did what on a case, as the engine recorded it (task history: the assignee who completed a task), never from
 * process variables a caller could have sent. Only the assignee completes a task (security.FormGuard), so the
 * assignee is the person who did it. Read inside the current engine command, without the caller's authorizations.
 */
final class CaseHistory {

    private CaseHistory() {
    }

    /** Everyone who completed an advice task of the case. */
    static List<String> advisers(String processInstanceId) {
        return tasks(processInstanceId, true, Tasks.GIVE_ADVICE).stream()
                .map(HistoricTaskInstance::getAssignee).filter(Objects::nonNull).distinct().toList();
    }

    /**
     * Who holds or held the case's latest decision task (Besluit nemen or Snel afhandelen): during its completion
     * the one completing it, afterwards the one who decided.
     */
    static Optional<String> decider(String processInstanceId) {
        return tasks(processInstanceId, false, Tasks.DECIDE, Tasks.HANDLE_FAST_LANE).stream().findFirst()
                .map(HistoricTaskInstance::getAssignee);
    }

    /** Who holds or held the case's latest "Buiten behandeling stellen of doorgaan" (Awb 4:5). */
    static Optional<String> notHandledDecider(String processInstanceId) {
        return latestAssignee(processInstanceId, Tasks.DECIDE_NOT_HANDLED);
    }

    /** Who holds or held the latest of the case's tasks with these keys. */
    static Optional<String> latestAssignee(String processInstanceId, String... keys) {
        return tasks(processInstanceId, false, keys).stream().findFirst().map(HistoricTaskInstance::getAssignee);
    }

    /** The case's tasks with these keys, the latest first. */
    private static List<HistoricTaskInstance> tasks(String processInstanceId, boolean finished, String... keys) {
        CommandContext context = Context.getCommandContext();
        return context.runWithoutAuthorization(() -> {
            var query = context.getProcessEngineConfiguration().getHistoryService().createHistoricTaskInstanceQuery()
                    .processInstanceId(processInstanceId).taskDefinitionKeyIn(keys);
            if (finished) {
                query.finished();
            }
            return query.orderByHistoricActivityInstanceStartTime().desc().orderByHistoricTaskInstanceEndTime().desc().list();
        });
    }
}
