package nl.wijkzaken.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.Resource;
import org.springframework.stereotype.Service;

/**
 * Model governance: every deployment of BPMN, DMN and forms, who made it (the user operation log; start-up
 * deployments have no user), when, which files, and the version each process, decision and form became.
 */
@Service
public class ModelDeployments {

    static final String AT_START_UP = "systeem (bij opstarten)";

    private final RepositoryService repositoryService;
    private final HistoryService historyService;
    private final FormDefinitions forms;

    ModelDeployments(RepositoryService repositoryService, HistoryService historyService, FormDefinitions forms) {
        this.repositoryService = repositoryService;
        this.historyService = historyService;
        this.forms = forms;
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
                    deployment.getDeploymentTime().toInstant(), deployer != null ? deployer : AT_START_UP, files, models));
        }
        return records;
    }

    public record DeploymentRecord(String id, String name, String source, Instant deployedAt, String deployedBy,
                                   List<String> files, List<DeployedModel> models) {
    }

    public record DeployedModel(String type, String key, String name, int version, String file) {
    }
}
