package nl.wijkzaken.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import org.camunda.bpm.engine.AuthorizationService;

/** The roles of role-authorizations.yml, as the engine enforces them over real HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RoleAuthorizationInitializerTest {

    private static final String TINY_PROCESS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                         xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="test">
              <process id="deploy-probe" isExecutable="true" camunda:historyTimeToLive="P1D">
                <startEvent id="start"/>
              </process>
            </definitions>
            """;

    @Autowired
    TestRestTemplate http;

    @Autowired
    RoleAuthorizationInitializer initializer;

    @Autowired
    AuthorizationService authorizationService;

    @Test
    void onlyTheProcessOwnerAndTheAdministratorMayDeploy() {
        assertThat(deployAs("procesbeheerder", "demo")).isEqualTo(HttpStatus.OK);
        assertThat(deployAs("demo", "demo")).isEqualTo(HttpStatus.OK);
        assertThat(deployAs("auditor", "demo")).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(deployAs("wm.breukelen", "demo")).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(deployAs("balie", "demo")).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(deployAs(null, null)).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void theAuditorReadsHistoryButDeletesNothing() {
        ResponseEntity<String> deployments = http.withBasicAuth("auditor", "demo")
                .getForEntity("/engine-rest/deployment", String.class);
        assertThat(deployments.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(deployments.getBody()).contains("\"id\"");
        assertThat(http.withBasicAuth("auditor", "demo")
                .getForEntity("/engine-rest/history/process-instance", String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);

        String deploymentId = deployments.getBody().replaceAll("(?s).*?\"id\":\"([^\"]+)\".*", "$1");
        ResponseEntity<String> delete = http.withBasicAuth("auditor", "demo")
                .exchange("/engine-rest/deployment/" + deploymentId + "?cascade=true", HttpMethod.DELETE, null, String.class);
        assertThat(delete.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void staffSeeTheirFiltersAndOnlyTheirOwnNeighbourhoodFilter() {
        String breukelen = http.withBasicAuth("wm.breukelen", "demo").getForObject("/engine-rest/filter", String.class);
        assertThat(breukelen).contains("Mijn taken", "Taken van mijn team", "Termijn verloopt binnen 3 dagen",
                "Alle open verzoeken in mijn wijk", "\"wijkzakenKey\":\"wijk-breukelen\"");
        assertThat(breukelen).doesNotContain("wijk-maarssenbroek");

        String adviser = http.withBasicAuth("adv.fysiek", "demo").getForObject("/engine-rest/filter", String.class);
        assertThat(adviser).contains("Taken van mijn team").doesNotContain("Alle open verzoeken in mijn wijk");

        String auditor = http.withBasicAuth("auditor", "demo").getForObject("/engine-rest/filter", String.class);
        assertThat(auditor).isEqualTo("[]");
    }

    @Test
    void applyingTheDefinitionAgainAddsNothing() {
        long before = authorizationService.createAuthorizationQuery().count();

        initializer.run(new DefaultApplicationArguments());

        assertThat(authorizationService.createAuthorizationQuery().count()).isEqualTo(before);
    }

    private HttpStatus deployAs(String user, String password) {
        MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        body.add("deployment-name", "probe");
        body.add("probe.bpmn", new ByteArrayResource(TINY_PROCESS.getBytes()) {
            @Override
            public String getFilename() {
                return "probe.bpmn";
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        TestRestTemplate client = user == null ? http : http.withBasicAuth(user, password);
        return HttpStatus.valueOf(client.postForEntity("/engine-rest/deployment/create",
                new HttpEntity<>(body, headers), String.class).getStatusCode().value());
    }
}
