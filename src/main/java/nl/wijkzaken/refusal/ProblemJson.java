package nl.wijkzaken.refusal;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * A {@link Refusal} as RFC 9457 problem+json: the one place that builds the body, for the MVC advice and for
 * servlet filters (which answer before Spring MVC, so no advice reaches them).
 */
@Component
public class ProblemJson {

    private final ObjectMapper objectMapper;

    public ProblemJson(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    /** The problem: status, the kind's or the refusal's own title, the Dutch message as detail, the properties. */
    public static ProblemDetail of(Refusal refusal) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(refusal.status()), refusal.getMessage());
        problem.setTitle(refusal.title());
        refusal.type().ifPresent(problem::setType);
        refusal.properties().forEach(problem::setProperty);
        return problem;
    }

    /** Writes the refusal as the whole answer of a filter; headers (Retry-After, WWW-Authenticate) are the caller's. */
    public void write(HttpServletRequest request, HttpServletResponse response, Refusal refusal) throws IOException {
        ProblemDetail problem = of(refusal);
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(refusal.status());
        // No charset parameter, as Spring MVC answers problem+json: JSON is UTF-8, and Jackson writes bytes in UTF-8.
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        objectMapper.writeValue(response.getOutputStream(), problem);
    }
}
