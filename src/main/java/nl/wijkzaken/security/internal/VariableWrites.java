package nl.wijkzaken.security.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.ActivityStatisticsQueryImpl;
import org.camunda.bpm.engine.impl.DeploymentStatisticsQueryImpl;
import org.camunda.bpm.engine.impl.ProcessDefinitionStatisticsQueryImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractCorrelateMessageCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractModificationCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractPatchVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractRestartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractVariableCmd;
import org.camunda.bpm.engine.impl.cmd.EvaluateStartConditionCmd;
import org.camunda.bpm.engine.impl.cmd.ExternalTaskCmd;
import org.camunda.bpm.engine.impl.cmd.FetchExternalTasksCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceAsyncCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.ResolveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SignalCmd;
import org.camunda.bpm.engine.impl.cmd.SignalEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.batch.CorrelateAllMessageBatchCmd;
import org.camunda.bpm.engine.impl.cmd.batch.variables.SetVariablesToProcessInstancesBatchCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

import nl.wijkzaken.refusal.Refusal;

/**
 * The variables the process computes (amount to decide, groups, deciders, advisers, mandate, counters, deadlines)
 * are the process's own: no member of staff writes them. A person changes a case only by submitting the form of
 * a task he works on (checked elsewhere); every other way of writing variables or moving a case (variables of
 * an instance, execution or task, modification, restart, messages, signals, conditions, external tasks, BPMN errors
 * and escalations thrown from a task, resolving a delegated task) is refused here for anyone logged in but the
 * administrator. The engine's own grants already refuse most of these; this makes it one rule that no future grant
 * (e.g. UPDATE on a task) can open by accident, and it answers the same 403 whether the case exists or not, so a
 * refusal tells nothing about cases of other wijken.
 * <p>
 * Statistics over all cases ({@code /process-definition/statistics} and friends) count every running case, whatever
 * the caller may read: they are for the roles that oversee all cases in Cockpit.
 * <p>
 * Only commands a person starts are checked: the process's own steps (delegates, listeners, jobs) run inside the
 * command of whoever moved the case, or without a person at all, and are left alone.
 */
@Component
class VariableWrites extends AbstractProcessEnginePlugin {

    static final String REFUSED = "U kunt de gegevens van een zaak alleen wijzigen door het formulier van uw taak in te vullen.";
    static final String STATISTICS_REFUSED = "Overzichten over alle zaken zijn alleen beschikbaar in Cockpit.";

    private static final Set<Class<?>> WRITES = Set.of(AbstractVariableCmd.class, AbstractPatchVariablesCmd.class,
            SetVariablesToProcessInstancesBatchCmd.class,
            ModifyProcessInstanceCmd.class, ModifyProcessInstanceAsyncCmd.class, AbstractModificationCmd.class,
            AbstractRestartProcessInstanceCmd.class, AbstractCorrelateMessageCmd.class, CorrelateAllMessageBatchCmd.class,
            SignalEventReceivedCmd.class, SignalCmd.class, EvaluateStartConditionCmd.class, ExternalTaskCmd.class,
            FetchExternalTasksCmd.class, HandleTaskBpmnErrorCmd.class, HandleTaskEscalationCmd.class, ResolveTaskCmd.class);

    private static final Set<Class<?>> STATISTICS = Set.of(ProcessDefinitionStatisticsQueryImpl.class,
            ActivityStatisticsQueryImpl.class, DeploymentStatisticsQueryImpl.class);

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<CommandInterceptor> interceptors = configuration.getCustomPreCommandInterceptorsTxRequired() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
        interceptors.add(new Check(configuration));
        configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
    }

    static final class Check extends CommandInterceptor {

        private final ProcessEngineConfigurationImpl configuration;

        Check(ProcessEngineConfigurationImpl configuration) {
            this.configuration = configuration;
        }

        @Override
        public <T> T execute(Command<T> command) {
            // A command inside another one is the process at work (or the engine), not a person's request.
            if (Context.getCommandContext() == null && (is(command, WRITES) || is(command, STATISTICS))) {
                Authentication person = configuration.getIdentityService().getCurrentAuthentication();
                if (person != null && configuration.isAuthorizationEnabled() && !isAdministrator(person)) {
                    if (is(command, WRITES)) {
                        throw Refusal.forbidden(REFUSED);
                    }
                    if (!usesCockpit(person)) {
                        throw Refusal.forbidden(STATISTICS_REFUSED);
                    }
                }
            }
            return next.execute(command);
        }

        private boolean isAdministrator(Authentication person) {
            List<String> adminGroups = configuration.getAdminGroups() == null ? List.of() : configuration.getAdminGroups();
            List<String> adminUsers = configuration.getAdminUsers() == null ? List.of() : configuration.getAdminUsers();
            return adminUsers.contains(person.getUserId()) || person.getGroupIds() != null
                    && person.getGroupIds().stream().anyMatch(adminGroups::contains);
        }

        private boolean usesCockpit(Authentication person) {
            return configuration.getCommandExecutorTxRequired().execute(context -> context.getAuthorizationManager()
                    .isAuthorized(person.getUserId(), person.getGroupIds(), Permissions.ACCESS, Resources.APPLICATION,
                            "cockpit"));
        }

        private static boolean is(Command<?> command, Set<Class<?>> types) {
            return types.stream().anyMatch(type -> type.isInstance(command));
        }
    }
}
