package nl.wijkzaken.budget;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.glassfish.jersey.internal.spi.ForcedAutoDiscoverable;
import org.glassfish.jersey.spi.ExtendedExceptionMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a decider sees when the budget refuses a decision in Tasklist or through the engine REST API.
 * <p>
 * A refused reservation fails the task completion from inside a task listener, so the engine wraps it
 * ("Exception while invoking TaskListener: …") and the REST API wraps it again ("Cannot submit task form …: …",
 * status 500). The mappers here answer instead with the budget's own Dutch message in the engine REST API's
 * error format ({@code type}, {@code message}, which Tasklist shows): 409 when the remaining budget does not
 * cover the amount (with {@code remaining}, {@code neighbourhood} and {@code year}), 400 for other budget rules.
 * Other errors keep the engine's own handling.
 * <p>
 * Registered in every Jersey server application of the JVM through {@code META-INF/services} (Jersey's
 * auto-discovery): the engine REST API under {@code /engine-rest} and the webapps' copy of it under
 * {@code /camunda/api/engine} that Tasklist calls; we own neither's application class.
 */
public class BudgetRefusalResponses implements ForcedAutoDiscoverable {

    /** Ahead of the engine's mappers for the same exception types (Jersey's default is 5000). */
    static final int PRIORITY = 1000;

    private static final Logger log = LoggerFactory.getLogger(BudgetRefusalResponses.class);

    @Override
    public void configure(FeatureContext context) {
        if (context.getConfiguration().getRuntimeType() != RuntimeType.SERVER
                || context.getConfiguration().isRegistered(WrappedByRest.class)) {
            return;
        }
        context.register(WrappedByRest.class, PRIORITY);
        context.register(WrappedByEngine.class, PRIORITY);
    }

    static Optional<RuntimeException> refusal(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof InsufficientBudgetException || t instanceof BudgetRuleException) {
                return Optional.of((RuntimeException) t);
            }
        }
        return Optional.empty();
    }

    static Response response(Throwable failure) {
        RuntimeException refusal = refusal(failure).orElseThrow();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", refusal.getClass().getSimpleName());
        body.put("message", refusal.getMessage());
        Response.Status status = Response.Status.BAD_REQUEST;
        if (refusal instanceof InsufficientBudgetException insufficient) {
            status = Response.Status.CONFLICT;
            body.put("remaining", insufficient.remaining());
            body.put("neighbourhood", insufficient.neighbourhood());
            body.put("year", insufficient.year());
        } else {
            body.put("field", ((BudgetRuleException) refusal).field());
        }
        log.info("Budget refused a task completion: {}", refusal.getMessage());
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }

    /** The REST API's wrapper around a failed completion or form submission. */
    public static class WrappedByRest implements ExtendedExceptionMapper<RestException> {

        @Override
        public boolean isMappable(RestException exception) {
            return refusal(exception).isPresent();
        }

        @Override
        public Response toResponse(RestException exception) {
            return response(exception);
        }
    }

    /** The engine's wrapper, for REST calls that pass engine exceptions on unwrapped. */
    public static class WrappedByEngine implements ExtendedExceptionMapper<ProcessEngineException> {

        @Override
        public boolean isMappable(ProcessEngineException exception) {
            return refusal(exception).isPresent();
        }

        @Override
        public Response toResponse(ProcessEngineException exception) {
            return response(exception);
        }
    }
}
