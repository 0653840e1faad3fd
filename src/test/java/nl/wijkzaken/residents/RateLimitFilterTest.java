package nl.wijkzaken.residents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Own context on purpose: every test request comes from 127.0.0.1, so the shared context has high limits. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "wijkzaken.residents.rate-limit.submissions=2",
        "wijkzaken.residents.rate-limit.page-views=3",
        "wijkzaken.residents.rate-limit.window=PT1H"})
class RateLimitFilterTest {

    @Autowired
    TestRestTemplate http;

    @Test
    void submissionsOverTheLimitGetA429ProblemWithRetryAfter() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        HttpEntity<String> invalid = new HttpEntity<>("{}", headers);

        ResponseEntity<Map> first = http.postForEntity("/api/requests", invalid, Map.class);
        ResponseEntity<Map> second = http.postForEntity("/api/requests", invalid, Map.class);
        ResponseEntity<Map> third = http.postForEntity("/api/requests", invalid, Map.class);

        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(second.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(third.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(third.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(third.getBody()).containsEntry("status", 429).containsEntry("title", "Te veel verzoeken.");
        long retryAfter = Long.parseLong(third.getHeaders().getFirst(HttpHeaders.RETRY_AFTER));
        assertThat(retryAfter).isBetween(3500L, 3600L);
    }

    @Test
    void pagesHaveTheirOwnLimitAndOtherPathsAreNotCounted() {
        for (int i = 0; i < 3; i++) {
            assertThat(http.getForEntity("/status/onbekend", String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        }
        assertThat(http.getForEntity("/", String.class).getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(http.getForEntity("/actuator/health", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }
}
