package nl.wijkzaken.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.Resource;
import org.springframework.stereotype.Service;

import nl.wijkzaken.models.DeploymentRefusals;

/**
 * Model governance: every deployment of BPMN, DMN and forms, who made it (the user operation log; start-up
 * deployments have no user), when, which files, and the version each process, decision and form became; and every
 * refused attempt (see {@link DeploymentRefusals}): who, when, which files and why, with nothing deployed.
 */
@Service
public class ModelDeployments {

    static final String AT_START_UP = "systeem (bij opstarten)";
    static final String DEPLOYED = "gedeployd";
    static final String REFUSED = "geweigerd";

    private final RepositoryService repositoryService;
    private final HistoryService historyService;
    private final FormDefinitions forms;
    private final DeploymentRefusals refusals;

    ModelDeployments(RepositoryService repositoryService, HistoryService historyService, FormDefinitions forms,
                     DeploymentRefusals refusals) {
        this.repositoryService = repositoryService;
        this.historyService = historyService;
        this.forms = forms;
        this.refusals = refusals;
    }

    public List<DeploymentRecord> all() {
        Map<String, String> deployers = new HashMap<>();
        historyService.createUserOperationLogQuery()
                .entityType("Deployment").operationType(UserOperationLogEntry.OPERATION_TYPE_CREATE)
                .list()
                .forEach(entry -> deployers.putIfAbsent(entry.getDeploymentId(), entry.getUserId()));
        List<DeploymentRecord> records = new ArrayList<>();
        for (Deployment deployment : repositoryService.createDeploymentQuery().orderByDeploymentTime().desc().list()) {
            List<String> files = repositoryService.getDeploymentResources(deployment.getId()).stream()
                    .map(Resource::getName).sorted().toList();
            List<DeployedModel> models = new ArrayList<>();
            repositoryService.createProcessDefinitionQuery().deploymentId(deployment.getId()).list()
                    .forEach(d -> models.add(new DeployedModel("BPMN", d.getKey(), d.getName(), d.getVersion(), d.getResourceName())));
            repositoryService.createDecisionDefinitionQuery().deploymentId(deployment.getId()).list()
                    .forEach(d -> models.add(new DeployedModel("DMN", d.getKey(), d.getName(), d.getVersion(), d.getResourceName())));
            forms.ofDeployment(deployment.getId())
                    .forEach(f -> models.add(new DeployedModel("FORM", f.getKey(), f.getKey(), f.getVersion(), f.getResourceName())));
            String deployer = deployers.get(deployment.getId());
            records.add(new DeploymentRecord(deployment.getId(), deployment.getName(), deployment.getSource(),
                    deployment.getDeploymentTime().toInstant(), deployer != null ? deployer : AT_START_UP, files, models,
                    DEPLOYED, null));
        }
        refusals.all().forEach(r -> records.add(new DeploymentRecord(null, r.deploymentName(), null, r.refusedAt(),
                r.refusedBy() != null ? r.refusedBy() : AT_START_UP, r.resources(), List.of(), REFUSED, r.reason())));
        records.sort(Comparator.comparing(DeploymentRecord::deployedAt).reversed());
        return records;
    }

    /**
     * @param outcome "gedeployd", or "geweigerd" for a refused attempt (no id, no models; {@code reason} says why)
     */
    public record DeploymentRecord(String id, String name, String source, Instant deployedAt, String deployedBy,
                                   List<String> files, List<DeployedModel> models, String outcome, String reason) {
    }

    public record DeployedModel(String type, String key, String name, int version, String file) {
    }
}
