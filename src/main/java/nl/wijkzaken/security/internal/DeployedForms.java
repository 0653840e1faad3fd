package nl.wijkzaken.security.internal;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.cmd.GetCamundaFormDefinitionCmd;
import org.camunda.bpm.engine.impl.form.CamundaFormRefImpl;
import org.camunda.bpm.engine.impl.form.FormDefinition;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.repository.CamundaFormDefinition;

/**
 * The deployed Camunda Form of a user task or start event ({@code camunda:formRef}, any binding), parsed once per
 * form definition: a deployed form never changes, a new version is a new definition id.
 */
final class DeployedForms {

    private final Map<String, FormSchema> byDefinitionId = new ConcurrentHashMap<>();

    Optional<FormSchema> ofTask(TaskEntity task, CommandContext commandContext) {
        if (task.getTaskDefinition() == null || task.getProcessDefinitionId() == null) {
            return Optional.empty();
        }
        ProcessDefinitionEntity process = commandContext.getProcessEngineConfiguration().getDeploymentCache()
                .findDeployedProcessDefinitionById(task.getProcessDefinitionId());
        return find(task.getTaskDefinition().getFormDefinition(), task, process.getDeploymentId(), commandContext);
    }

    Optional<FormSchema> ofStart(ProcessDefinitionEntity process, CommandContext commandContext) {
        return find(process.getStartFormDefinition(), null, process.getDeploymentId(), commandContext);
    }

    private Optional<FormSchema> find(FormDefinition form, VariableScope scope, String deploymentId,
                                      CommandContext commandContext) {
        if (form == null || form.getCamundaFormDefinitionKey() == null) {
            return Optional.empty();
        }
        CamundaFormRefImpl ref = new CamundaFormRefImpl(value(form.getCamundaFormDefinitionKey(), scope),
                form.getCamundaFormDefinitionBinding());
        if (form.getCamundaFormDefinitionVersion() != null) {
            ref.setVersion(Integer.valueOf(value(form.getCamundaFormDefinitionVersion(), scope)));
        }
        CamundaFormDefinition definition = commandContext.runWithoutAuthorization(
                () -> new GetCamundaFormDefinitionCmd(ref, deploymentId).execute(commandContext));
        return Optional.of(byDefinitionId.computeIfAbsent(definition.getId(), id -> {
            ResourceEntity resource = commandContext.getResourceManager()
                    .findResourceByDeploymentIdAndResourceName(definition.getDeploymentId(), definition.getResourceName());
            return FormSchema.parse(id, resource.getBytes());
        }));
    }

    private static String value(Expression expression, VariableScope scope) {
        return scope == null ? expression.getExpressionText() : String.valueOf(expression.getValue(scope));
    }
}
