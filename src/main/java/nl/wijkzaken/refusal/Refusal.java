package nl.wijkzaken.refusal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * The one way the application says no to a person: a Dutch message a member of staff or a resident can read
 * (no ids, no engine codes, no English), the HTTP status it answers with, and optional properties for clients.
 * <p>
 * It is a {@link BadUserRequestException} so that the engine treats it as the caller's fault wherever it is thrown
 * (a command interceptor, a task listener, a deployer): the command rolls back and nothing is stored.
 * {@link RefusalResponses} answers it for the engine REST API and Tasklist, {@link RefusalProblems} for our own
 * Spring MVC API.
 */
public class Refusal extends BadUserRequestException {

    /** What kind of no, and the HTTP status it answers with. */
    public enum Kind {
        /** The request itself is wrong: unknown field, wrong type, rule of the form. */
        INVALID(400),
        /** The person may not do this. */
        FORBIDDEN(403),
        /** The state of the case does not allow it now (e.g. the budget does not cover it). */
        CONFLICT(409),
        /** The request is too large. */
        TOO_LARGE(413);

        private final int status;

        Kind(int status) {
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    private final Kind kind;
    private final Map<String, Object> properties;

    private Refusal(Kind kind, String dutchMessage, Map<String, Object> properties) {
        super(dutchMessage);
        this.kind = kind;
        this.properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    public static Refusal invalid(String dutchMessage) {
        return new Refusal(Kind.INVALID, dutchMessage, Map.of());
    }

    public static Refusal forbidden(String dutchMessage) {
        return new Refusal(Kind.FORBIDDEN, dutchMessage, Map.of());
    }

    public static Refusal conflict(String dutchMessage) {
        return new Refusal(Kind.CONFLICT, dutchMessage, Map.of());
    }

    public static Refusal tooLarge(String dutchMessage) {
        return new Refusal(Kind.TOO_LARGE, dutchMessage, Map.of());
    }

    /** The same refusal with one more property for clients (e.g. the field it is about). */
    public Refusal with(String property, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(properties);
        more.put(property, value);
        Refusal refusal = new Refusal(kind, getMessage(), more);
        refusal.setStackTrace(getStackTrace());
        return refusal;
    }

    public Kind kind() {
        return kind;
    }

    public int status() {
        return kind.status();
    }

    public Map<String, Object> properties() {
        return properties;
    }

    /** The refusal somewhere in the cause chain of an exception (the engine and the REST API wrap it). */
    public static Optional<Refusal> in(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof Refusal refusal) {
                return Optional.of(refusal);
            }
        }
        return Optional.empty();
    }
}
