package nl.wijkzaken.refusal;

import java.net.URI;
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
 * Spring MVC API, {@link ProblemJson} for servlet filters; {@link EngineRefusals} unwraps it from the engine.
 */
public class Refusal extends BadUserRequestException {

    /** What kind of no, and the HTTP status it answers with. */
    public enum Kind {
        /** The request itself is wrong: unknown field, wrong type, rule of the form. */
        INVALID(400, "Ongeldige invoer"),
        /** Nobody is logged in. */
        UNAUTHENTICATED(401, "Niet ingelogd"),
        /** The person may not do this. */
        FORBIDDEN(403, "Geen toegang"),
        /** What the request is about does not exist (or is not the person's to see). */
        NOT_FOUND(404, "Niet gevonden"),
        /** The state of the case does not allow it now (e.g. the budget does not cover it). */
        CONFLICT(409, "Niet uitgevoerd"),
        /** The request is too large. */
        TOO_LARGE(413, "Te groot"),
        /** Well-formed, but contradicts an earlier request (e.g. an Idempotency-Key used for another request). */
        UNPROCESSABLE(422, "Niet uitgevoerd"),
        /** Too many requests in a short time; try again later. */
        TOO_MANY(429, "Te veel verzoeken"),
        /** Something failed on our side; nothing was stored, the person may try again. */
        UNAVAILABLE(503, "Niet beschikbaar");

        private final int status;
        private final String title;

        Kind(int status, String title) {
            this.status = status;
            this.title = title;
        }

        public int status() {
            return status;
        }

        /** The short Dutch title a problem+json answer has unless the refusal names its own. */
        public String title() {
            return title;
        }
    }

    private final Kind kind;
    private final String title;
    private final URI type;
    private final Map<String, Object> properties;

    private Refusal(Kind kind, String dutchMessage, String title, URI type, Map<String, Object> properties) {
        super(dutchMessage);
        this.kind = kind;
        this.title = title;
        this.type = type;
        this.properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    private Refusal(Kind kind, String dutchMessage) {
        this(kind, dutchMessage, null, null, Map.of());
    }

    public static Refusal of(Kind kind, String dutchMessage) {
        return new Refusal(kind, dutchMessage);
    }

    public static Refusal invalid(String dutchMessage) {
        return new Refusal(Kind.INVALID, dutchMessage);
    }

    public static Refusal forbidden(String dutchMessage) {
        return new Refusal(Kind.FORBIDDEN, dutchMessage);
    }

    public static Refusal conflict(String dutchMessage) {
        return new Refusal(Kind.CONFLICT, dutchMessage);
    }

    public static Refusal tooLarge(String dutchMessage) {
        return new Refusal(Kind.TOO_LARGE, dutchMessage);
    }

    public static Refusal notFound(String dutchMessage) {
        return new Refusal(Kind.NOT_FOUND, dutchMessage);
    }

    /** The same refusal with one more property for clients (e.g. the field it is about). */
    public Refusal with(String property, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(properties);
        more.put(property, value);
        return copy(title, type, more);
    }

    /** The same refusal with its own short Dutch title instead of the kind's (problem+json {@code title}). */
    public Refusal titled(String dutchTitle) {
        return copy(dutchTitle, type, properties);
    }

    /** The same refusal with a problem type a client can switch on (problem+json {@code type}). */
    public Refusal typed(URI problemType) {
        return copy(title, problemType, properties);
    }

    private Refusal copy(String title, URI type, Map<String, Object> properties) {
        Refusal refusal = new Refusal(kind, getMessage(), title, type, properties);
        refusal.setStackTrace(getStackTrace());
        return refusal;
    }

    public Kind kind() {
        return kind;
    }

    public int status() {
        return kind.status();
    }

    public String title() {
        return title == null ? kind.title() : title;
    }

    /** The problem type, or empty for the default ({@code about:blank}). */
    public Optional<URI> type() {
        return Optional.ofNullable(type);
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
