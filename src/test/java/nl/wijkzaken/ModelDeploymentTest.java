package nl.wijkzaken;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.Resource;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Deploys every model a process owner can edit (processes/ and forms/, as files, exactly as Modeler saved
 * them) on a real engine in one deployment, as the application does: a broken model fails here with the
 * engine's own parse error.
 */
class ModelDeploymentTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .configurationResource("model-check.camunda.cfg.xml")
            .build();

    ProcessEngine processEngine;
    private Deployment deployment;

    @AfterEach
    void undeploy() {
        if (deployment != null) {
            processEngine.getRepositoryService().deleteDeployment(deployment.getId(), true);
        }
    }

    @Test
    void everyModelInProcessesAndFormsDeploysOnTheEngine() throws IOException {
        List<Path> models = models();
        assertThat(models).as("models in processes/ and forms/").isNotEmpty();

        DeploymentBuilder builder = processEngine.getRepositoryService().createDeployment().name("all-models");
        for (Path model : models) {
            try (InputStream in = Files.newInputStream(model)) {
                builder.addString(model.getFileName().toString(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        deployment = builder.deploy();

        List<String> deployed = processEngine.getRepositoryService().getDeploymentResources(deployment.getId())
                .stream().map(Resource::getName).toList();
        assertThat(deployed).containsExactlyInAnyOrderElementsOf(
                models.stream().map(p -> p.getFileName().toString()).toList());
        long bpmn = models.stream().filter(p -> p.toString().endsWith(".bpmn")).count();
        long dmn = models.stream().filter(p -> p.toString().endsWith(".dmn")).count();
        assertThat(processEngine.getRepositoryService().createProcessDefinitionQuery()
                .deploymentId(deployment.getId()).count()).isGreaterThanOrEqualTo(bpmn);
        assertThat(processEngine.getRepositoryService().createDecisionDefinitionQuery()
                .deploymentId(deployment.getId()).count()).isGreaterThanOrEqualTo(dmn);
    }

    @Test
    void modelFileNamesAreUniqueBecauseAFatJarKnowsThemByNameOnly() throws IOException {
        List<String> names = models().stream().map(p -> p.getFileName().toString()).toList();
        assertThat(names).doesNotHaveDuplicates();
    }

    static List<Path> models() throws IOException {
        List<Path> models = new java.util.ArrayList<>();
        for (String folder : List.of("processes", "forms")) {
            if (!Files.isDirectory(Path.of(folder))) {
                continue;
            }
            try (Stream<Path> files = Files.walk(Path.of(folder))) {
                files.filter(Files::isRegularFile)
                        .filter(p -> p.toString().matches(".*\\.(bpmn|dmn|form)$"))
                        .forEach(models::add);
            }
        }
        return models.stream().sorted().toList();
    }
}
