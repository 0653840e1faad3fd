package nl.wijkzaken.residents.internal;

import nl.wijkzaken.refusal.ProblemJson;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The filter on its own with low limits (every request of the full-application tests comes from 127.0.0.1, so the
 * shared context has high ones). A request the filter lets through reaches the rest of the chain.
 */
class RateLimitFilterTest {

    private final ObjectMapper json = Jackson2ObjectMapperBuilder.json().build();
    private final RateLimitFilter filter = new RateLimitFilter(new ResidentsProperties(null, null,
            new ResidentsProperties.RateLimit(2, 3, Duration.ofHours(1))), new ProblemJson(json));

    @Test
    void submissionsOverTheLimitGetA429ProblemWithRetryAfter() throws Exception {
        assertThat(send("POST", "/api/requests").passed()).isTrue();
        assertThat(send("POST", "/api/requests").passed()).isTrue();
        Answer third = send("POST", "/api/requests");

        assertThat(third.passed()).isFalse();
        assertThat(third.response().getStatus()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS.value());
        assertThat(third.response().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(json.readValue(third.response().getContentAsByteArray(), Map.class))
                .containsEntry("status", 429).containsEntry("title", "Te veel verzoeken.");
        long retryAfter = Long.parseLong(third.response().getHeader(HttpHeaders.RETRY_AFTER));
        assertThat(retryAfter).isBetween(3500L, 3600L);
    }

    @Test
    void pagesHaveTheirOwnLimitAndOtherPathsAreNotCounted() throws Exception {
        assertThat(send("POST", "/api/requests").passed()).isTrue();
        assertThat(send("POST", "/api/requests").passed()).isTrue();
        for (int i = 0; i < 3; i++) {
            assertThat(send("GET", "/status/onbekend").passed()).isTrue();
        }
        Answer page = send("GET", "/");
        assertThat(page.passed()).isFalse();
        assertThat(page.response().getStatus()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS.value());
        assertThat(send("GET", "/actuator/health").passed()).isTrue();
    }

    private record Answer(boolean passed, MockHttpServletResponse response) {
    }

    private Answer send(String method, String path) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        request.setRemoteAddr("127.0.0.1");
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(request, response, chain);
        return new Answer(chain.getRequest() != null, response);
    }
}
