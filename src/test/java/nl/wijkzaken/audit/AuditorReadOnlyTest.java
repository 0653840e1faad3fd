package nl.wijkzaken.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

import nl.wijkzaken.intake.Category;
import nl.wijkzaken.intake.Urgency;
import nl.wijkzaken.shared.EngineClock;
import nl.wijkzaken.support.ApplicationTest;
import nl.wijkzaken.support.CaseDriver;

/**
 * "Auditors only read": the auditor reaches the dossiers (API, exports, pages), the search, the deployment log,
 * the engine's history and Cockpit, and is refused everything that changes a case or a model, Tasklist and Admin.
 * Everyone else is refused the dossiers; strangers must log in. The search's filters, paging and Dutch errors
 * themselves: the slice {@code DossierSearchControllerTest}.
 */
@ApplicationTest
class AuditorReadOnlyTest {

    private static String caseNumber;
    private static String processInstanceId;

    @Autowired TestRestTemplate http;
    @Autowired ApplicationContext context;
    @Autowired TaskService taskService;
    @Autowired RuntimeService runtimeService;

    @BeforeEach
    void aRunningCase() {
        if (caseNumber == null) {
            try {
                CaseDriver driver = new CaseDriver(context);
                driver.submit("breukelen", Category.GROEN_EN_OPENBARE_RUIMTE, "800", Urgency.NORMAAL);
                caseNumber = driver.caseNumber();
                processInstanceId = driver.processInstanceId();
            } finally {
                CaseDriver.resetClock();
            }
        }
    }

    @Test
    void theAuditorReadsDossiersSearchPagesDeploymentsAndHistory() {
        for (String path : List.of("/api/dossiers/" + caseNumber, "/api/dossiers/" + caseNumber + "/timeline.csv",
                "/api/dossiers/" + caseNumber + "/dossier.pdf", "/api/dossiers?caseNumber=" + caseNumber, "/audit",
                "/audit/dossiers/" + caseNumber, "/api/model-deployments",
                "/engine-rest/history/process-instance?processInstanceBusinessKey=" + caseNumber,
                "/engine-rest/history/decision-instance?processInstanceId=" + processInstanceId,
                "/engine-rest/history/task?processInstanceId=" + processInstanceId)) {
            assertThat(auditor(HttpMethod.GET, path, null)).as(path).isEqualTo(HttpStatus.OK);
        }
        assertThat(http.withBasicAuth("auditor", "demo").getForObject(
                "/engine-rest/history/process-instance?processInstanceBusinessKey=" + caseNumber, List.class)).hasSize(1);
        assertThat(webappLogin("cockpit")).isEqualTo(HttpStatus.OK);
        assertThat(http.withBasicAuth("demo", "demo").getForEntity("/api/dossiers", String.class).getStatusCode())
                .as("the administrator searches too").isEqualTo(HttpStatus.OK);
    }

    /** The pager keeps the auditor's own query (an empty field included) and replaces only the page. */
    @Test
    void theSearchPageLinksToTheNextAndPreviousPageOfTheSameSearch() {
        try {
            new CaseDriver(context).submit("loenen", Category.OVERIG, "300", Urgency.NORMAAL);
            new CaseDriver(context).submit("maarssenbroek", Category.OVERIG, "400", Urgency.NORMAAL);
        } finally {
            CaseDriver.resetClock();
        }
        LocalDate today = EngineClock.today(); // with this class's case, at least three cases received today
        String query = "from=" + today + "&neighbourhood=&size=1";
        String first = http.withBasicAuth("auditor", "demo").getForObject("/audit?" + query, String.class);
        String second = http.withBasicAuth("auditor", "demo").getForObject("/audit?" + query + "&page=1", String.class);

        String filters = "/audit?from=" + today + "&amp;neighbourhood=&amp;size=1&amp;page=";
        assertThat(first).contains("href=\"" + filters + "1\" rel=\"next\"").doesNotContain("rel=\"prev\"");
        assertThat(second).contains("href=\"" + filters + "0\" rel=\"prev\"", "href=\"" + filters + "2\" rel=\"next\"");
    }

    @Test
    void theAuditorChangesNothing() {
        Task task = taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult();
        long cases = runtimeService.createProcessInstanceQuery().processDefinitionKey("resident-request").count();

        assertThat(auditor(HttpMethod.POST, "/engine-rest/process-definition/key/resident-request/start",
                Map.of("businessKey", "BV-AUDITOR"))).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(auditor(HttpMethod.POST, "/engine-rest/task/" + task.getId() + "/claim", Map.of("userId", "auditor")))
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(auditor(HttpMethod.POST, "/engine-rest/task/" + task.getId() + "/complete", Map.of()))
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(auditor(HttpMethod.PUT, "/engine-rest/process-instance/" + processInstanceId + "/variables/title",
                Map.of("value", "Gewijzigd door de auditor", "type", "String"))).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(auditor(HttpMethod.DELETE, "/engine-rest/process-instance/" + processInstanceId, null))
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(auditor(HttpMethod.POST, "/api/budgets",
                Map.of("neighbourhood", "loenen", "year", 2031, "amount", 1000, "reason", "Auditor")))
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(deployAsAuditor()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(webappLogin("tasklist")).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(webappLogin("admin")).isEqualTo(HttpStatus.FORBIDDEN);

        Task after = taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult();
        assertThat(after.getId()).isEqualTo(task.getId());
        assertThat(after.getAssignee()).isNull();
        assertThat(runtimeService.getVariable(processInstanceId, "title")).isEqualTo("Verzoek Groen en openbare ruimte");
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("resident-request").count()).isEqualTo(cases);
    }

    @Test
    void everyoneElseIsRefusedTheDossiersAndStrangersMustLogIn() {
        List<String> paths = List.of("/api/dossiers/" + caseNumber, "/api/dossiers/" + caseNumber + "/timeline.csv",
                "/api/dossiers/" + caseNumber + "/dossier.pdf", "/api/dossiers", "/audit", "/audit/dossiers/" + caseNumber);
        for (String path : paths) {
            for (String user : List.of("wm.breukelen", "balie", "adv.fysiek", "gebiedsmanager", "wethouder", "procesbeheerder")) {
                assertThat(http.withBasicAuth(user, "demo").getForEntity(path, String.class).getStatusCode())
                        .as(user + " " + path).isEqualTo(HttpStatus.FORBIDDEN);
            }
            assertThat(http.getForEntity(path, String.class).getStatusCode()).as(path).isEqualTo(HttpStatus.UNAUTHORIZED);
            // (Not a wrong password for a real user; and one unknown name per path: from one client the login
            // throttle makes the sixth failure for the same name wait, 429.)
            assertThat(http.withBasicAuth("onbekend-" + paths.indexOf(path), "demo").getForEntity(path, String.class)
                    .getStatusCode())
                    .as(path).isEqualTo(HttpStatus.UNAUTHORIZED);
        }
    }

    private HttpStatusCode auditor(HttpMethod method, String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth("auditor", "demo")
                .exchange(path, method, new HttpEntity<>(body, headers), String.class).getStatusCode();
    }

    private HttpStatusCode deployAsAuditor() {
        LinkedMultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        body.add("deployment-name", "auditor");
        body.add("auditor.bpmn", new ByteArrayResource("<definitions/>".getBytes()) {
            @Override
            public String getFilename() {
                return "auditor.bpmn";
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return http.withBasicAuth("auditor", "demo")
                .postForEntity("/engine-rest/deployment/create", new HttpEntity<>(body, headers), String.class)
                .getStatusCode();
    }

    /**
     * The webapps' own login, as the login page does it (session and CSRF token from a first GET): it succeeds
     * only for the applications the user has been granted.
     */
    private HttpStatusCode webappLogin(String application) {
        ResponseEntity<String> page = http.getForEntity("/camunda/api/admin/auth/user/default", String.class);
        List<String> cookies = page.getHeaders().getOrDefault(HttpHeaders.SET_COOKIE, List.of());
        String token = page.getHeaders().getFirst("X-XSRF-TOKEN");
        assertThat(token).as("the webapps hand out a CSRF token").isNotBlank();
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        headers.set("X-XSRF-TOKEN", token);
        headers.set(HttpHeaders.COOKIE, String.join("; ", cookies.stream().map(c -> c.split(";", 2)[0]).toList()));
        LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("username", "auditor");
        form.add("password", "demo");
        ResponseEntity<String> login = http.postForEntity("/camunda/api/admin/auth/user/default/login/" + application,
                new HttpEntity<>(form, headers), String.class);
        assertThat(login.getBody()).as("not a CSRF refusal").doesNotContain("CSRF");
        return login.getStatusCode();
    }
}
