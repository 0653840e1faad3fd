package nl.wijkzaken.process;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.GetTaskFormVariablesCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.stereotype.Component;

import nl.wijkzaken.models.ResidentRequestProcess.Tasks;

/**
 * What a task form shows is computed when the form opens, not when the task was created: the live allocation of the
 * subsidy ceiling ({@code allocation}: ceiling, granted, earlier claims, available, place in the order; see
 * {@link BudgetDecision#showRemaining}) and the case summary ({@link CaseSummary}).
 * Tasklist (and {@code GET /task/{id}/form-variables}) reads a form's values with the engine command
 * {@link GetTaskFormVariablesCmd}; once the engine has let the caller read the task, this refreshes those two
 * task-local variables (only when they changed, so history keeps each figure someone saw) and answers with the fresh
 * values. A ceiling changed, a grant reserved or released, or an earlier application completed or decided after the task was
 * created or claimed is what the decider reads.
 * The receipt task of the front office also gets the resident's status link, only in the answer (never stored).
 * <p>
 * The refresh is the process's own bookkeeping, not the person's input: it runs in its own short command without
 * authorization checks; when two people open the same form at the same moment and one refresh loses, the other one's
 * value stands.
 */
@Component
class FormOpening extends AbstractProcessEnginePlugin {

    private final CaseSummary caseSummary;
    private final BudgetDecision budgetDecision;
    private final FrontOfficeReceipt receipt;

    FormOpening(CaseSummary caseSummary, BudgetDecision budgetDecision, FrontOfficeReceipt receipt) {
        this.caseSummary = caseSummary;
        this.budgetDecision = budgetDecision;
        this.receipt = receipt;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<CommandInterceptor> interceptors = configuration.getCustomPreCommandInterceptorsTxRequired() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
        interceptors.add(new Refresh(configuration));
        configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
    }

    /** The values refreshed for this task (by variable name); empty when the task has none of them. */
    Map<String, Object> refresh(TaskEntity task) {
        Map<String, Object> fresh = new LinkedHashMap<>();
        if (task.hasVariableLocal(CaseSummary.VARIABLE)) {
            caseSummary.refresh(task);
            fresh.put(CaseSummary.VARIABLE, task.getVariableLocal(CaseSummary.VARIABLE));
        }
        if (task.hasVariableLocal(BudgetDecision.ALLOCATION)) {
            budgetDecision.showRemaining(task);
            fresh.put(BudgetDecision.ALLOCATION, task.getVariableLocal(BudgetDecision.ALLOCATION));
        }
        if (Tasks.GIVE_RECEIPT.equals(task.getTaskDefinitionKey())) {
            // Shown, never stored: the status link is no variable (history would keep it).
            receipt.link(task).ifPresent(link -> fresh.put(FrontOfficeReceipt.STATUS_LINK, link));
        }
        return fresh;
    }

    final class Refresh extends CommandInterceptor {

        private final ProcessEngineConfigurationImpl configuration;

        Refresh(ProcessEngineConfigurationImpl configuration) {
            this.configuration = configuration;
        }

        @Override
        public <T> T execute(Command<T> command) {
            // Only a form opened by someone (an outer command), not a read inside the process's own steps.
            if (!(command instanceof GetTaskFormVariablesCmd read) || Context.getCommandContext() != null) {
                return next.execute(command);
            }
            // First the engine's own read: it refuses whoever may not read the task, and then nothing is refreshed.
            T result = next.execute(command);
            Map<String, Object> fresh = refreshed(read.resourceId);
            if (result instanceof VariableMap values) {
                fresh.forEach((name, value) -> {
                    if (values.containsKey(name) || FrontOfficeReceipt.STATUS_LINK.equals(name)) {
                        values.putValue(name, value);
                    }
                });
            }
            return result;
        }

        private Map<String, Object> refreshed(String taskId) {
            try {
                return configuration.getCommandExecutorTxRequired().execute(context -> {
                    context.disableAuthorizationCheck();
                    try {
                        TaskEntity task = context.getTaskManager().findTaskById(taskId);
                        return task == null ? Map.of() : refresh(task);
                    } finally {
                        context.enableAuthorizationCheck();
                    }
                });
            } catch (OptimisticLockingException concurrentRefresh) {
                return Map.of();
            }
        }
    }
}
