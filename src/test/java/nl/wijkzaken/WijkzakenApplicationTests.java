package nl.wijkzaken;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import nl.wijkzaken.support.ApplicationTest;

@ApplicationTest
class WijkzakenApplicationTests {

    @Autowired
    TestRestTemplate http;

    @Autowired
    RepositoryService repositoryService;

    @Test
    void healthReportsDatabaseAndEngineWithoutLogin() {
        ResponseEntity<Map> health = http.getForEntity("/actuator/health", Map.class);

        assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(health.getBody()).containsEntry("status", "UP");
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> components = (Map<String, Map<String, Object>>) health.getBody().get("components");
        assertThat(components).containsKeys("db", "processEngine");
        assertThat(components.get("db")).containsEntry("status", "UP");
        assertThat(components.get("processEngine")).containsEntry("status", "UP");
    }

    @Test
    void engineRestRefusesAnonymousCallers() {
        ResponseEntity<String> response = http.getForEntity("/engine-rest/decision-definition", String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        assertThat(response.getBody()).contains("Niet ingelogd");
    }

    // A user that no other test logs in as: after a wrong password the engine delays that user's next login.
    @Test
    void engineRestRefusesAWrongPassword() {
        ResponseEntity<String> response = http.withBasicAuth("wm.loenen", "wrong")
                .getForEntity("/engine-rest/decision-definition", String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void demoAdministratorReadsTheDeployedModelsOverRest() {
        ResponseEntity<String> response = http.withBasicAuth("demo", "demo")
                .getForEntity("/engine-rest/decision-definition?key=case-owner", String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody()).contains("\"key\":\"case-owner\"");
    }

    @Test
    void modelsAndFormsFromTheModelFoldersAreDeployedAtStartUp() {
        assertThat(repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey("case-owner").count())
                .isEqualTo(1);
    }

    @Test
    void demoLogsIntoTasklistCockpitAndAdminWithTheWebappLogin() {
        ResponseEntity<String> page = http.getForEntity("/camunda/app/tasklist/default/", String.class);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        headers.add("X-XSRF-TOKEN", page.getHeaders().getFirst("X-XSRF-TOKEN"));
        headers.put(HttpHeaders.COOKIE, page.getHeaders().get(HttpHeaders.SET_COOKIE).stream()
                .map(cookie -> cookie.split(";", 2)[0]).toList());

        ResponseEntity<String> login = http.postForEntity("/camunda/api/admin/auth/user/default/login/tasklist",
                new HttpEntity<>("username=demo&password=demo", headers), String.class);

        assertThat(login.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(login.getBody()).contains("\"tasklist\"", "\"cockpit\"", "\"admin\"");
    }

    @Test
    void tasklistIsServedUnderCamunda() {
        ResponseEntity<String> tasklist = http.getForEntity("/camunda/app/tasklist/", String.class);

        assertThat(tasklist.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(tasklist.getBody()).containsIgnoringCase("tasklist");
    }
}
