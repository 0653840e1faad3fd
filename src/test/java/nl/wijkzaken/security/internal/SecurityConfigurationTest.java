package nl.wijkzaken.security.internal;

import nl.wijkzaken.support.StaffApi.Reply;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;

import nl.wijkzaken.support.ApplicationTest;
import nl.wijkzaken.support.StaffApi;
import nl.wijkzaken.support.WebappSession;

@ApplicationTest
class SecurityConfigurationTest {

    @Autowired
    TestRestTemplate http;

    @LocalServerPort
    int port;

    @Test
    void theResidentsPagesTheirStylesAndTheApiDescriptionArePublic() {
        assertThat(http.getForEntity("/", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(http.getForEntity("/css/wijkzaken.css", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(http.getForEntity("/v3/api-docs", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(http.getForEntity("/swagger-ui/index.html", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void statusPagesNeverSendTheirTokenOnAsReferrer() {
        assertThat(http.getForEntity("/status/" + "A".repeat(43), String.class).getHeaders().getFirst("Referrer-Policy"))
                .isEqualTo("no-referrer");
    }

    @Test
    void thePublicFormRefusesAPostWithoutItsCsrfToken() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("applicantName", "Piet");

        assertThat(http.postForEntity("/", new HttpEntity<>(form, headers), String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void everythingElseStillNeedsALogin() {
        assertThat(http.getForEntity("/api/other", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.getForEntity("/engine-rest/process-definition", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.getForEntity("/api/requests", String.class).getStatusCode()).isNotEqualTo(HttpStatus.OK);
    }

    @Test
    void anonymousIsRefusedEverywhereButThePublicEndpoints() {
        StaffApi anonymous = StaffApi.anonymous(port);
        List<Reply> refused = List.of(
                anonymous.get("/engine-rest/task"),
                anonymous.get("/engine-rest/process-instance"),
                anonymous.get("/engine-rest/history/process-instance"),
                anonymous.get("/engine-rest/filter"),
                anonymous.get("/engine-rest/user"),
                anonymous.post("/engine-rest/process-definition/key/resident-request/start", Map.of()),
                anonymous.post("/engine-rest/message", Map.of("messageName", "aanvulling-ontvangen")),
                anonymous.deploy("probe", "probe.bpmn", "<definitions/>"),
                anonymous.get("/api/budgets?year=2026"),
                anonymous.post("/api/budgets", Map.of("neighbourhood", "loenen", "year", 2030, "amount", 1)),
                anonymous.get("/api/dossiers/BV-2026-000001"),
                anonymous.get("/api/model-deployments"),
                anonymous.get("/staff/buurtbudget.html"),
                anonymous.get("/actuator/env"),
                anonymous.get("/camunda/api/engine/engine/default/task"),
                anonymous.get("/camunda/api/engine/engine/default/process-definition"));

        assertThat(refused).allSatisfy(reply -> assertThat(reply.status()).as(reply.toString()).isEqualTo(401));
        assertThat(anonymous.get("/").status()).isEqualTo(200);
        assertThat(anonymous.post("/api/requests", Map.of()).status()).isEqualTo(400);
        assertThat(anonymous.get("/actuator/health").status()).isEqualTo(200);
        assertThat(anonymous.get("/v3/api-docs").status()).isEqualTo(200);
        assertThat(anonymous.get("/camunda/app/tasklist/default/").status()).isEqualTo(200);
    }

    @Test
    void aWrongPasswordIsRefusedWithAProblem() {
        // A user no other test logs in as: the engine delays the next login after a wrong password.
        Reply reply = StaffApi.withPassword("onbekend", "fout", port).get("/engine-rest/task");

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.headers().getContentType().isCompatibleWith(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        assertThat(reply.json().get("title").asText()).isEqualTo("Niet ingelogd");
    }

    @Test
    void theResidentsPagesForbidScriptsAndFraming() {
        Reply form = StaffApi.anonymous(port).get("/");

        assertThat(form.headers().getFirst("Content-Security-Policy")).isEqualTo(SecurityConfiguration.RESIDENT_PAGES_POLICY)
                .contains("script-src 'none'", "frame-ancestors 'none'");
        assertThat(form.headers().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(form.headers().getFirst("X-Frame-Options")).isEqualTo("DENY");
        assertThat(StaffApi.anonymous(port).get("/status/" + "A".repeat(43)).headers().getFirst("Content-Security-Policy"))
                .isEqualTo(SecurityConfiguration.RESIDENT_PAGES_POLICY);
    }

    @Test
    void staffPagesAndApiAnswersCannotBeFramedOrSniffed() {
        Reply page = StaffApi.as("gebiedsmanager", port).get("/staff/buurtbudget.html");
        Reply api = StaffApi.as("gebiedsmanager", port).get("/api/budgets?year=2026");

        for (Reply reply : List.of(page, api)) {
            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.headers().getFirst("Content-Security-Policy")).isEqualTo(SecurityConfiguration.STAFF_POLICY)
                    .contains("frame-ancestors 'none'", "object-src 'none'");
            assertThat(reply.headers().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(reply.headers().getFirst("X-Frame-Options")).isEqualTo("DENY");
        }
    }

    @Test
    void theWebappsKeepTheirOwnSecurityHeaders() {
        HttpResponse<String> tasklist = new WebappSession(port).open();

        assertThat(tasklist.headers().firstValue("Content-Security-Policy")).get().asString()
                .contains("frame-ancestors 'none'", "object-src 'none'", "script-src 'nonce-");
        assertThat(tasklist.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(tasklist.headers().allValues("Set-Cookie")).anySatisfy(cookie ->
                assertThat(cookie).startsWith("JSESSIONID=").contains("HttpOnly").contains("SameSite=Lax"));
    }

    @Test
    void theWebappsRefuseAChangeWithoutTheirCsrfToken() {
        WebappSession session = new WebappSession(port);
        session.open();
        assertThat(session.csrfToken()).isNotBlank();

        HttpResponse<String> withoutToken = session.login("wm.breukelen", "tasklist", false);
        assertThat(withoutToken.statusCode()).isEqualTo(403);
        assertThat(withoutToken.headers().firstValue("X-XSRF-TOKEN")).contains("Required");
        session.open();

        assertThat(session.login("wm.breukelen", "tasklist", true).statusCode()).isEqualTo(200);
        assertThat(session.get("/api/engine/engine/default/task/count").statusCode()).isEqualTo(200);
        assertThat(session.postJson("/api/engine/engine/default/task/count", "{}", true).statusCode()).isEqualTo(200);
        assertThat(session.postJson("/api/engine/engine/default/task/count", "{}", false).statusCode()).isEqualTo(403);
        // A request without the token ends the session.
        assertThat(session.get("/api/engine/engine/default/task/count").statusCode()).isEqualTo(401);
    }
}
