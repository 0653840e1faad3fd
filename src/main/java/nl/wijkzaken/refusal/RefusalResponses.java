package nl.wijkzaken.refusal;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.glassfish.jersey.internal.spi.ForcedAutoDiscoverable;
import org.glassfish.jersey.spi.ExtendedExceptionMapper;

/**
 * A {@link Refusal} as the engine REST API and Tasklist answer it: its status, and a body in the engine REST API's
 * error format ({@code type}, {@code message}: Tasklist shows the message) plus the refusal's properties.
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

    @Override
    public void configure(FeatureContext context) {
        if (context.getConfiguration().getRuntimeType() != RuntimeType.SERVER
                || context.getConfiguration().isRegistered(WrappedByRest.class)) {
            return;
        }
        context.register(WrappedByRest.class, PRIORITY);
        context.register(WrappedByEngine.class, PRIORITY);
    }

    static Response response(Throwable failure) {
        Refusal refusal = Refusal.in(failure).orElseThrow();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "Refusal");
        body.put("message", refusal.getMessage());
        body.putAll(refusal.properties());
        return Response.status(refusal.status()).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }

    /** The REST API's wrapper around a failed completion or form submission. */
    public static class WrappedByRest implements ExtendedExceptionMapper<RestException> {

        @Override
        public boolean isMappable(RestException exception) {
            return Refusal.in(exception).isPresent();
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
            return Refusal.in(exception).isPresent();
        }

        @Override
        public Response toResponse(ProcessEngineException exception) {
            return response(exception);
        }
    }
}
