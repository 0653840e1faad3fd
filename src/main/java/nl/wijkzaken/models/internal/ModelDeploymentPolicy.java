package nl.wijkzaken.models.internal;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

import nl.wijkzaken.refusal.Refusal;
import nl.wijkzaken.models.DeploymentRefusals;

/**
 * Finding 3 of issue 12: a deployed model must not be a way to run code with the engine's rights.
 * <ul>
 * <li>Expressions resolve only the allow-listed beans ({@code wijkzaken.models.expression-beans}), not the whole
 * Spring context: {@code ${identityService...}} finds nothing even in a model that got past the check.</li>
 * <li>Every new deployment (REST, Cockpit, Modeler, the start-up deployment) is checked by
 * {@link DeploymentPolicy} before the engine parses it; a refusal rolls the deployment back, answers 400 with the
 * Dutch objections, is logged at WARN and recorded by {@link DeploymentRefusals}.</li>
 * </ul>
 */
@Component
@EnableConfigurationProperties(ModelPolicyProperties.class)
class ModelDeploymentPolicy extends AbstractProcessEnginePlugin {

    private static final Logger LOG = LoggerFactory.getLogger(ModelDeploymentPolicy.class);

    private final ApplicationContext context;
    private final ModelPolicyProperties properties;
    private final DeploymentRefusals refusals;
    private final DeploymentPolicy policy;

    ModelDeploymentPolicy(ApplicationContext context, ModelPolicyProperties properties, DeploymentRefusals refusals) {
        this.context = context;
        this.properties = properties;
        this.refusals = refusals;
        this.policy = new DeploymentPolicy(properties, context::containsBean);
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        // The starter has already made a SpringExpressionManager that sees every bean; replace it before init()
        // registers the engine's functions on it and hands it to the DMN engine.
        AllowedBeans beans = new AllowedBeans(context, properties.expressionBeans().keySet());
        configuration.setBeans(beans);
        configuration.setExpressionManager(new SpringExpressionManager(context, beans));
        List<Deployer> deployers = configuration.getCustomPreDeployers() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreDeployers());
        deployers.add(0, this::check);
        configuration.setCustomPreDeployers(deployers);
    }

    private void check(DeploymentEntity deployment) {
        if (!deployment.isNew()) {
            return; // a deployment read back into the cache was checked when it was made
        }
        List<String> objections = new ArrayList<>();
        List<String> files = new ArrayList<>();
        for (ResourceEntity resource : deployment.getResources().values()) {
            files.add(resource.getName());
            objections.addAll(policy.objections(resource.getName(), resource.getBytes()));
        }
        if (objections.isEmpty()) {
            return;
        }
        String user = Context.getCommandContext() == null ? null : Context.getCommandContext().getAuthenticatedUserId();
        String reason = "Het model is niet gedeployd. " + String.join("; ", objections) + ".";
        LOG.warn("Deployment '{}' by {} refused: {}", deployment.getName(), user == null ? "start-up" : user, reason);
        refusals.record(user, deployment.getName(), files.stream().sorted().toList(), reason);
        throw Refusal.invalid(reason).with("objections", objections);
    }
}
