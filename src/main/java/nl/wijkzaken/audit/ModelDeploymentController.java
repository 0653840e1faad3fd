package nl.wijkzaken.audit;

import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The deployment log for auditors, process owners and administrators. */
@RestController
@PreAuthorize("hasAnyRole('auditor', 'process-owner', 'administrator')")
class ModelDeploymentController {

    private final ModelDeployments deployments;

    ModelDeploymentController(ModelDeployments deployments) {
        this.deployments = deployments;
    }

    @GetMapping("/api/model-deployments")
    List<ModelDeployments.DeploymentRecord> deployments() {
        return deployments.all();
    }
}
