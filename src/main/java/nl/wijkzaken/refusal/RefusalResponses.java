package nl.wijkzaken.refusal;

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
 * Every refusal as the engine REST API and Tasklist answer it: its status, and a body in the engine REST API's error
 * format ({@code type}, {@code message}: Tasklist shows the message) plus the refusal's properties. Our own
 * {@link Refusal}s answer with type {@code Refusal}; the engine's refusals a member of staff can trigger (no
 * permission, task gone or claimed by a colleague, changed meanwhile, form not found or invalid, see
 * {@link EngineFailures}) keep the engine's type name but get a Dutch message without ids.
 * <p>
 * The engine wraps a refusal thrown inside a command ("ENGINE-03051 …") and the REST API wraps it again
 * ("Cannot submit task form &lt;id&gt;: …", status 500); these mappers look through both wrappers.
 * Registered in every Jersey server application of the JVM through {@code META-INF/services} (Jersey's
 * auto-discovery): the engine REST API under {@code /engine-rest} and the webapps' copy of it under
 * {@code /camunda/api/engine} that Tasklist calls; we own neither's application class.
 */
public class RefusalResponses implements ForcedAutoDiscoverable {

    /** Ahead of the engine's mappers for the same exception types (Jersey's default is 5000). */
    static final int PRIORITY = 1000;

    private static final Logger log = LoggerFactory.getLogger(RefusalResponses.class);

    @Override
    public void configure(FeatureContext context) {
        if (context.getConfiguration().getRuntimeType() != RuntimeType.SERVER
                || context.getConfiguration().isRegistered(WrappedByRest.class)) {
            return;
        }
        context.register(WrappedByRest.class, PRIORITY);
        context.register(WrappedByEngine.class, PRIORITY);
    }

    /** Our own refusal if there is one (its message is the rule), else the engine's refusal in Dutch. */
    static Optional<Refusal> refusalIn(Throwable failure) {
        Optional<Refusal> own = Refusal.in(failure);
        return own.isPresent() ? own : EngineFailures.in(failure);
    }

    static Response response(Throwable failure) {
        Refusal refusal = refusalIn(failure).orElseThrow();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", Refusal.in(failure).isPresent() ? "Refusal" : EngineFailures.typeOf(failure));
        body.put("message", refusal.getMessage());
        body.putAll(refusal.properties());
        log.debug("Refused with {}: {} (was: {})", refusal.status(), refusal.getMessage(), failure.getMessage());
        return Response.status(refusal.status()).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }

    /** The REST API's wrapper around a failed completion or form submission, and its own 404s. */
    public static class WrappedByRest implements ExtendedExceptionMapper<RestException> {

        @Override
        public boolean isMappable(RestException exception) {
            return refusalIn(exception).isPresent();
        }

        @Override
        public Response toResponse(RestException exception) {
            return response(exception);
        }
    }

    /** The refusal itself or the engine's wrapper, for REST calls that pass engine exceptions on. */
    public static class WrappedByEngine implements ExtendedExceptionMapper<ProcessEngineException> {

        @Override
        public boolean isMappable(ProcessEngineException exception) {
            return refusalIn(exception).isPresent();
        }

        @Override
        public Response toResponse(ProcessEngineException exception) {
            return response(exception);
        }
    }
}
