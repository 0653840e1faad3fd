package nl.wijkzaken.security.internal;

import nl.wijkzaken.security.internal.EngineCommands.StartSubmission;
import nl.wijkzaken.security.internal.EngineCommands.TaskSubmission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AddCommentCmd;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.deploy.cache.DeploymentCache;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.springframework.stereotype.Component;

import nl.wijkzaken.refusal.Refusal;

/**
 * What a person may send and do with a task or a start, whichever door he uses (REST {@code complete},
 * {@code submit-form}, {@code resolve}, {@code start}, Tasklist, our own code calling the Java API while he is
 * logged in): every door ends in the same engine command, and this interceptor reads that command.
 * <ul>
 * <li>Only the assignee completes a task: an unclaimed task must be claimed first, and a colleague's claim is his.</li>
 * <li>The variables sent are exactly the editable fields of the task's or start event's deployed Camunda Form, with
 * the form's types and validation ({@link FormSubmission}); routing, amounts, owners and counters computed by the
 * process can therefore not be overwritten. A start at another activity than the start event is refused.</li>
 * <li>A person claims only for himself, and may give back a task he holds (the engine wants TASK_ASSIGN for that,
 * which nobody gets: it would let him hand tasks to others).</li>
 * <li>Comments only by whom may work on the task (the engine itself checks nothing there).</li>
 * </ul>
 * Without an authenticated person (the job executor, the application's own system work such as the public intake)
 * nothing is checked here: that is not a person's submission. The interceptor runs inside the command context, after
 * the transaction began, so it can read the task and the form, and a refusal rolls back with the command.
 */
@Component
class FormGuard extends AbstractProcessEnginePlugin {

    private final DeployedForms forms = new DeployedForms();

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<CommandInterceptor> interceptors = configuration.getCustomPostCommandInterceptorsTxRequired() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostCommandInterceptorsTxRequired());
        interceptors.add(new Guarding(forms));
        configuration.setCustomPostCommandInterceptorsTxRequired(interceptors);
    }

    static final class Guarding extends CommandInterceptor {

        private final DeployedForms forms;

        Guarding(DeployedForms forms) {
            this.forms = forms;
        }

        @Override
        public <T> T execute(Command<T> command) {
            CommandContext context = Context.getCommandContext();
            String person = context == null ? null : context.getAuthenticatedUserId();
            if (person == null) {
                return next.execute(command);
            }
            if (command instanceof SubmitTaskFormCmd submit) {
                completion(EngineCommands.formSubmission(submit), person, context);
            } else if (command instanceof CompleteTaskCmd complete) {
                completion(EngineCommands.completion(complete), person, context);
            } else if (command instanceof SubmitStartFormCmd submit) {
                start(EngineCommands.startFormSubmission(submit), context);
            } else if (command instanceof StartProcessInstanceCmd start) {
                start(EngineCommands.start(start), context);
            } else if (command instanceof StartProcessInstanceAtActivitiesCmd) {
                throw Refusal.forbidden("Een zaak begint bij het begin van het proces, met het startformulier.");
            } else if (command instanceof ClaimTaskCmd claim) {
                String[] taskAndUser = EngineCommands.claim(claim);
                if (taskAndUser[1] == null) {
                    return giveBack(command, taskAndUser[0], person, context);
                }
                if (!person.equals(taskAndUser[1])) {
                    throw Refusal.forbidden("U kunt een taak alleen voor uzelf claimen.");
                }
                refuseReadOnlyClaim(taskAndUser[0], context);
            } else if (command instanceof AssignTaskCmd assign) {
                String[] taskAndUser = EngineCommands.assignment(assign);
                if (taskAndUser[1] == null) {
                    return giveBack(command, taskAndUser[0], person, context);
                }
            } else if (command instanceof AddCommentCmd comment) {
                comment(EngineCommands.commentTaskId(comment), context);
            }
            return next.execute(command);
        }

        private void completion(TaskSubmission submission, String person, CommandContext context) {
            TaskEntity task = submission.taskId() == null ? null : context.getTaskManager().findTaskById(submission.taskId());
            if (task == null) {
                return; // the engine answers an unknown task itself
            }
            // The engine's own check first: whoever may not work on the task learns nothing about it from us.
            for (CommandChecker checker : context.getProcessEngineConfiguration().getCommandCheckers()) {
                checker.checkTaskWork(task);
            }
            if (task.getAssignee() == null) {
                throw Refusal.forbidden("Claim de taak ‘" + task.getName() + "’ eerst: alleen wie de taak heeft geclaimd, kan haar afronden.");
            }
            if (!person.equals(task.getAssignee())) {
                throw Refusal.forbidden("De taak ‘" + task.getName() + "’ is geclaimd door " + task.getAssignee()
                        + "; alleen die kan haar afronden.");
            }
            Optional<FormSchema> form = forms.ofTask(task, context);
            FormSubmission.check(task.getName(), form.orElse(null), submission.variables(), task::getVariable);
        }

        private void start(StartSubmission submission, CommandContext context) {
            DeploymentCache cache = context.getProcessEngineConfiguration().getDeploymentCache();
            ProcessDefinitionEntity process = submission.processDefinitionId() != null
                    ? cache.findDeployedProcessDefinitionById(submission.processDefinitionId())
                    : cache.findDeployedLatestProcessDefinitionByKey(submission.processDefinitionKey());
            if (process == null) {
                return;
            }
            // The engine's own check first: who may not start the process learns nothing about its form from us.
            for (CommandChecker checker : context.getProcessEngineConfiguration().getCommandCheckers()) {
                checker.checkCreateProcessInstance(process);
            }
            String name = process.getName() != null ? process.getName() : process.getKey();
            Map<String, Object> variables = submission.variables();
            FormSubmission.check(name, forms.ofStart(process, context).orElse(null), variables, key -> null);
        }

        /** The assignee gives his task back; the engine would want TASK_ASSIGN, which would let him assign to others. */
        private <T> T giveBack(Command<T> command, String taskId, String person, CommandContext context) {
            TaskEntity task = taskId == null ? null : context.getTaskManager().findTaskById(taskId);
            if (task == null || !person.equals(task.getAssignee())) {
                return next.execute(command);
            }
            boolean enabled = context.isAuthorizationCheckEnabled();
            context.disableAuthorizationCheck();
            try {
                return next.execute(command);
            } finally {
                context.setAuthorizationCheckEnabled(enabled);
            }
        }

        /**
         * A task one may only read (the case owner following an adviser's task in "Alle open verzoeken in mijn wijk")
         * is not claimed: said in Dutch, with the task's name and without ids. Whoever may not even read the task
         * gets the engine's own answer, which tells him nothing about it.
         */
        private void refuseReadOnlyClaim(String taskId, CommandContext context) {
            TaskEntity task = taskId == null ? null : context.getTaskManager().findTaskById(taskId);
            if (task == null) {
                return;
            }
            List<CommandChecker> checkers = context.getProcessEngineConfiguration().getCommandCheckers();
            try {
                checkers.forEach(checker -> checker.checkTaskWork(task));
            } catch (AuthorizationException cannotWork) {
                try {
                    checkers.forEach(checker -> checker.checkReadTask(task));
                } catch (AuthorizationException cannotRead) {
                    throw cannotWork;
                }
                throw Refusal.forbidden("U mag de taak ‘" + task.getName() + "’ alleen inzien: claimen en afronden doet "
                        + "het team dat de taak uitvoert.");
            }
        }

        private void comment(String taskId, CommandContext context) {
            TaskEntity task = taskId == null ? null : context.getTaskManager().findTaskById(taskId);
            if (task == null) {
                throw Refusal.forbidden("Een opmerking hoort bij een open taak; deze taak is er niet (meer).");
            }
            try {
                for (CommandChecker checker : context.getProcessEngineConfiguration().getCommandCheckers()) {
                    checker.checkTaskWork(task);
                }
            } catch (AuthorizationException e) {
                throw Refusal.forbidden("Alleen wie de taak ‘" + task.getName() + "’ mag uitvoeren, kan er een opmerking bij plaatsen.");
            }
        }
    }
}
