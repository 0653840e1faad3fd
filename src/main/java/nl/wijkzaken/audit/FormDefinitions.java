package nl.wijkzaken.audit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.CamundaFormDefinition;
import org.springframework.stereotype.Component;

/**
 * The Camunda Forms of a deployment with the version each became. Camunda 7.24 has no public query for form
 * definitions, so this asks the engine's own manager in a read-only command (no writes, no authorization bypass:
 * callers read a deployment only after the engine let them read what refers to it).
 */
@Component
class FormDefinitions {

    private final ProcessEngineConfigurationImpl configuration;
    private final RepositoryService repositoryService;
    private final ObjectMapper objectMapper;

    FormDefinitions(ProcessEngine engine, ObjectMapper objectMapper) {
        this.configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        this.repositoryService = engine.getRepositoryService();
        this.objectMapper = objectMapper;
    }

    /**
     * Per form key, the keys of its editable fields: the variables a person can submit with that form. Values the
     * engine or a listener sets while the task completes, and read-only fields, are not the person's input.
     */
    Map<String, Set<String>> fieldKeys(String deploymentId) {
        Map<String, Set<String>> keys = new HashMap<>();
        for (CamundaFormDefinition form : ofDeployment(deploymentId)) {
            try (InputStream json = repositoryService.getResourceAsStream(deploymentId, form.getResourceName())) {
                Set<String> fields = new HashSet<>();
                collectKeys(objectMapper.readTree(json), fields);
                keys.put(form.getKey(), fields);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return keys;
    }

    /** Components a person fills in; text, images, buttons and the like show something but take no input. */
    private static final Set<String> INPUT_TYPES = Set.of("textfield", "textarea", "number", "checkbox", "radio",
            "select", "checklist", "taglist", "datetime");

    /** Only fields a person can change: a disabled or read-only field shows the process's value, not the person's. */
    private static void collectKeys(JsonNode component, Set<String> fields) {
        if (component.hasNonNull("key") && INPUT_TYPES.contains(component.path("type").asText())
                && !flag(component.path("disabled")) && !flag(component.path("readonly"))) {
            fields.add(component.get("key").asText());
        }
        for (JsonNode child : component.path("components")) {
            collectKeys(child, fields);
        }
    }

    /** {@code true}, or a FEEL expression (decided in the browser per form): treated as set. */
    private static boolean flag(JsonNode node) {
        return node.isBoolean() ? node.booleanValue() : node.isTextual() && !node.asText().isBlank();
    }

    List<CamundaFormDefinition> ofDeployment(String deploymentId) {
        List<CamundaFormDefinition> forms = configuration.getCommandExecutorTxRequired().execute(context ->
                new ArrayList<CamundaFormDefinition>(context.getCamundaFormDefinitionManager()
                        .findDefinitionsByDeploymentId(deploymentId)));
        forms.sort(Comparator.comparing(CamundaFormDefinition::getKey));
        return forms;
    }
}
