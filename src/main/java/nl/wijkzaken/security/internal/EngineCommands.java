package nl.wijkzaken.security.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Map;

import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractAddIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetTaskPropertyCmd;
import org.camunda.bpm.engine.impl.cmd.AddCommentCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;

/**
 * The one place that reads what the engine's commands carry. The engine has no getters for these (the fields are
 * {@code protected}); {@code EngineCommandsTest} fails loudly if an engine upgrade renames or retypes one, instead of
 * the guard silently letting a command through.
 */
final class EngineCommands {

    private static final VarHandle COMPLETE_TASK_ID = field(CompleteTaskCmd.class, "taskId", String.class);
    private static final VarHandle COMPLETE_VARIABLES = field(CompleteTaskCmd.class, "variables", Map.class);
    private static final VarHandle SUBMIT_TASK_ID = field(SubmitTaskFormCmd.class, "taskId", String.class);
    private static final VarHandle SUBMIT_PROPERTIES = field(SubmitTaskFormCmd.class, "properties",
            org.camunda.bpm.engine.variable.VariableMap.class);
    private static final VarHandle START_FORM_DEFINITION = field(SubmitStartFormCmd.class, "processDefinitionId", String.class);
    private static final VarHandle START_FORM_VARIABLES = field(SubmitStartFormCmd.class, "variables",
            org.camunda.bpm.engine.variable.VariableMap.class);
    private static final VarHandle START_BUILDER = field(StartProcessInstanceCmd.class, "instantiationBuilder",
            ProcessInstantiationBuilderImpl.class);
    private static final VarHandle CLAIM_TASK_ID = field(ClaimTaskCmd.class, "taskId", String.class);
    private static final VarHandle CLAIM_USER_ID = field(ClaimTaskCmd.class, "userId", String.class);
    private static final VarHandle PROPERTY_TASK_ID = field(AbstractSetTaskPropertyCmd.class, "taskId", String.class);
    private static final VarHandle IDENTITY_LINK_USER_ID = field(AbstractAddIdentityLinkCmd.class, "userId", String.class);
    private static final VarHandle COMMENT_TASK_ID = field(AddCommentCmd.class, "taskId", String.class);

    private EngineCommands() {
    }

    /** A task completion ({@code complete}, {@code resolve}, {@code submit-form}): the task and the variables sent. */
    record TaskSubmission(String taskId, Map<String, Object> variables) {
    }

    /** A process start (start form or start API): the definition (id or key) and the variables sent. */
    record StartSubmission(String processDefinitionId, String processDefinitionKey, Map<String, Object> variables) {
    }

    @SuppressWarnings("unchecked")
    static TaskSubmission completion(CompleteTaskCmd command) {
        return new TaskSubmission((String) COMPLETE_TASK_ID.get(command), (Map<String, Object>) COMPLETE_VARIABLES.get(command));
    }

    @SuppressWarnings("unchecked")
    static TaskSubmission formSubmission(SubmitTaskFormCmd command) {
        return new TaskSubmission((String) SUBMIT_TASK_ID.get(command), (Map<String, Object>) SUBMIT_PROPERTIES.get(command));
    }

    @SuppressWarnings("unchecked")
    static StartSubmission startFormSubmission(SubmitStartFormCmd command) {
        return new StartSubmission((String) START_FORM_DEFINITION.get(command), null,
                (Map<String, Object>) START_FORM_VARIABLES.get(command));
    }

    static StartSubmission start(StartProcessInstanceCmd command) {
        ProcessInstantiationBuilderImpl builder = (ProcessInstantiationBuilderImpl) START_BUILDER.get(command);
        return new StartSubmission(builder.getProcessDefinitionId(), builder.getProcessDefinitionKey(), builder.getVariables());
    }

    /** Claim: the task and for whom ({@code null}: give it back). */
    static String[] claim(ClaimTaskCmd command) {
        return new String[] {(String) CLAIM_TASK_ID.get(command), (String) CLAIM_USER_ID.get(command)};
    }

    /** {@code setAssignee}: the task and the new assignee ({@code null}: give it back). */
    static String[] assignment(AbstractAddIdentityLinkCmd command) {
        return new String[] {(String) PROPERTY_TASK_ID.get(command), (String) IDENTITY_LINK_USER_ID.get(command)};
    }

    static String commentTaskId(AddCommentCmd command) {
        return (String) COMMENT_TASK_ID.get(command);
    }

    private static VarHandle field(Class<?> owner, String name, Class<?> type) {
        try {
            return MethodHandles.privateLookupIn(owner, MethodHandles.lookup()).findVarHandle(owner, name, type);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Camunda changed " + owner.getName() + "." + name
                    + ": the form guard cannot read it; adapt EngineCommands", e);
        }
    }
}
