package nl.wijkzaken.models.internal;

import nl.wijkzaken.support.StaffApi.Reply;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.el.StartProcessVariableScope;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

import nl.wijkzaken.support.ApplicationTest;
import nl.wijkzaken.support.StaffApi;
import nl.wijkzaken.models.DeploymentRefusals;

/**
 * Issue 12, finding 3, over real HTTP with the demo users: the process owner's escalation model is refused in
 * Dutch, nothing is deployed (no definition, no timer job that could ever run), the attempt is in the deployment
 * log, and he does not become administrator; a harmless change to our process is still accepted (and deleted
 * again, so that the other tests of the shared context keep the original models); and an expression cannot reach
 * the engine's services even if a model got past the check.
 */
@ApplicationTest
class ModelDeploymentPolicyTest {

    @LocalServerPort
    int port;

    @Autowired
    ProcessEngine engine;

    @Autowired
    DeploymentRefusals refusals;

    @Test
    void theEscalationModelIsRefusedRecordedAndDoesNotMakeTheProcessOwnerAdministrator() {
        Reply reply = StaffApi.as("procesbeheerder", port).deploy("escalatie", "escalatie.bpmn", DeploymentPolicyTest.ESCALATION);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
        assertThat(reply.message()).startsWith("Het model is niet gedeployd. escalatie.bpmn, element ")
                .contains("element 'ElkeSeconde' (startEvent): deze startgebeurtenis start het proces vanzelf op een tijdstip (timer)")
                .contains("roept 'createMembership' op 'identityService' aan")
                .doesNotContain("ENGINE-", "Exception");
        assertThat(reply.json().path("objections")).hasSize(3);

        assertThat(engine.getRepositoryService().createDeploymentQuery().deploymentName("escalatie").count()).isZero();
        assertThat(engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("escalatie").count()).isZero();
        assertThat(engine.getManagementService().createJobQuery().processDefinitionKey("escalatie").count()).isZero();

        JsonNode log = StaffApi.as("auditor", port).get("/api/model-deployments").json();
        JsonNode newest = log.get(0);
        assertThat(newest.path("outcome").asText()).isEqualTo("geweigerd");
        assertThat(newest.path("deployedBy").asText()).isEqualTo("procesbeheerder");
        assertThat(newest.path("name").asText()).isEqualTo("escalatie");
        assertThat(newest.path("files").get(0).asText()).isEqualTo("escalatie.bpmn");
        assertThat(newest.path("reason").asText()).isEqualTo(reply.message());
        assertThat(newest.has("id")).isFalse();

        // The attack needed its timer job, and there is none (above): the process owner stays what he was.
        assertThat(engine.getIdentityService().createGroupQuery().groupMember("procesbeheerder")
                .groupId("camunda-admin").count()).isZero();
        assertThat(StaffApi.as("procesbeheerder", port).get("/engine-rest/group?member=procesbeheerder").body())
                .doesNotContain("camunda-admin");
    }

    @Test
    void aScriptOrAJuelDecisionTableIsRefusedOverRestToo() {
        Reply script = StaffApi.as("procesbeheerder", port).deploy("script", "resident-request.bpmn", DeploymentPolicyTest.process(
                "<scriptTask id=\"Stap\" scriptFormat=\"javascript\"><script>1</script></scriptTask>"));
        assertThat(script.status()).isEqualTo(400);
        assertThat(script.message()).isEqualTo("Het model is niet gedeployd. resident-request.bpmn, element 'Stap' "
                + "(scriptTask): bevat een script; scripts zijn in modellen niet toegestaan.");

        Reply juel = StaffApi.as("procesbeheerder", port).deploy("juel", "proef.dmn", """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="d" name="d" namespace="test">
                  <decision id="proef" name="Proef">
                    <literalExpression id="uitkomst" expressionLanguage="juel"><text>${identityService}</text></literalExpression>
                  </decision>
                </definitions>
                """);
        assertThat(juel.status()).isEqualTo(400);
        assertThat(juel.message()).contains("proef.dmn, element 'uitkomst'").contains("alleen FEEL");
        assertThat(engine.getRepositoryService().createDecisionDefinitionQuery().decisionDefinitionKey("proef").count()).isZero();
    }

    @Test
    void theAdministratorIsHeldToThePolicyToo() {
        Reply reply = StaffApi.as("demo", port).deploy("escalatie", "escalatie.bpmn", DeploymentPolicyTest.ESCALATION);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
    }

    @Test
    void aDeploymentThroughTheJavaApiAsAtStartUpIsCheckedToo() {
        assertThatThrownBy(() -> engine.getRepositoryService().createDeployment().name("systeemproef")
                .addString("escalatie.bpmn", DeploymentPolicyTest.ESCALATION).deploy())
                .isInstanceOf(nl.wijkzaken.refusal.Refusal.class)
                .hasMessageContaining("'identityService'");

        assertThat(engine.getRepositoryService().createDeploymentQuery().deploymentName("systeemproef").count()).isZero();
        assertThat(refusals.all()).anySatisfy(r -> assertThat(r.deploymentName()).isEqualTo("systeemproef"));
    }

    @Test
    void aHarmlessChangeToOurProcessByTheProcessOwnerIsAccepted() throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        List<Path> models = new ArrayList<>();
        try (Stream<Path> all = Stream.concat(Files.walk(Path.of("processes")), Files.walk(Path.of("forms")))) {
            all.filter(p -> p.toString().matches(".*\\.(bpmn|dmn|form)$")).forEach(models::add);
        }
        for (Path model : models) {
            files.put(model.getFileName().toString(), Files.readString(model));
        }
        String renamed = files.get("resident-request.bpmn")
                .replace("name=\"Volledigheid beoordelen\"", "name=\"Volledigheid van het verzoek beoordelen\"");
        assertThat(renamed).isNotEqualTo(files.get("resident-request.bpmn"));
        files.put("resident-request.bpmn", renamed);

        int status = deploy("procesbeheerder", "hernoemde taak", files);

        try {
            assertThat(status).isEqualTo(200);
            assertThat(engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("resident-request")
                    .latestVersion().singleResult().getVersion()).isGreaterThan(1);
        } finally {
            // The other tests of the shared context start cases on the original models.
            engine.getRepositoryService().createDeploymentQuery().deploymentName("hernoemde taak").list()
                    .forEach(deployment -> engine.getRepositoryService().deleteDeployment(deployment.getId(), true));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"identityService", "processEngine", "processEngineConfiguration", "runtimeService",
            "repositoryService", "authorizationService", "managementService", "dataSource", "applicationContext"})
    void anExpressionCannotReachABeanOutsideTheAllowList(String bean) {
        assertThatThrownBy(() -> evaluate("${" + bean + "}"))
                .isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("Cannot resolve identifier '" + bean + "'");
    }

    @Test
    void anExpressionStillReachesTheBeansOfOurModels() {
        assertThat(evaluate("${caseFileRecorder}")).isNotNull();
        assertThat(evaluate("${requestRegistration}")).isNotNull();
    }

    private Object evaluate(String expression) {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        Command<Object> evaluation = context -> configuration.getExpressionManager().createExpression(expression)
                .getValue(StartProcessVariableScope.getSharedInstance());
        return configuration.getCommandExecutorTxRequired().execute(evaluation);
    }

    /** {@code POST /engine-rest/deployment/create} with several files, as Modeler and Cockpit send them. */
    private int deploy(String user, String name, Map<String, String> files) {
        MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        body.add("deployment-name", name);
        files.forEach((file, content) -> body.add(file, new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return file;
            }
        }));
        return RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(status -> true, (request, response) -> { })
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + StaffApi.PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .build().post().uri("/engine-rest/deployment/create").contentType(MediaType.MULTIPART_FORM_DATA)
                .body(body).retrieve().toBodilessEntity().getStatusCode().value();
    }
}
