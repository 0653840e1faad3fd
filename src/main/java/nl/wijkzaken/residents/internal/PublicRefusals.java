package nl.wijkzaken.residents.internal;

import java.net.URI;
import java.util.List;

import nl.wijkzaken.refusal.Refusal;

/**
 * The refusals of the public API, as {@link Refusal}s with the problem types and Dutch titles residents' apps know:
 * {@code https://wijkzaken.nl/problemen/<type>}.
 */
final class PublicRefusals {

    static final String TYPE_BASE = "https://wijkzaken.nl/problemen/";

    private PublicRefusals() {
    }

    /** The request has fields at fault: one entry per field in {@code errors}. */
    static Refusal invalid(List<FieldError> errors) {
        return Refusal.invalid("Controleer de velden die in 'errors' staan.")
                .titled("Het verzoek is niet volledig of niet juist ingevuld.")
                .typed(type("invalid-request"))
                .with("errors", List.copyOf(errors));
    }

    static Refusal malformed(String dutchMessage) {
        return Refusal.invalid(dutchMessage).titled("Het verzoek kan niet worden gelezen.").typed(type("malformed-request"));
    }

    static Refusal tooLarge(long maxKilobytes) {
        return Refusal.tooLarge("Een verzoek mag hoogstens " + maxKilobytes + " kB groot zijn.")
                .titled("Het verzoek is te groot.").typed(type("body-too-large"));
    }

    static Refusal idempotencyKeyReused() {
        return Refusal.of(Refusal.Kind.UNPROCESSABLE, "Gebruik voor elk nieuw verzoek een nieuwe Idempotency-Key.")
                .titled("Deze Idempotency-Key is al gebruikt voor een ander verzoek.")
                .typed(type("idempotency-key-reused"));
    }

    /** Anything unexpected (database, engine): nothing was kept, the resident may try again. */
    static Refusal unavailable() {
        return Refusal.of(Refusal.Kind.UNAVAILABLE, "Er is niets opgeslagen. Probeer het later opnieuw.")
                .titled("Uw verzoek kon nu niet worden verwerkt.").typed(type("intake-unavailable"));
    }

    static Refusal tooManyRequests(long retryAfterSeconds) {
        return Refusal.of(Refusal.Kind.TOO_MANY, "U heeft in korte tijd te veel verzoeken gedaan. Probeer het over "
                        + retryAfterSeconds + " seconden opnieuw.")
                .titled("Te veel verzoeken.").typed(type("too-many-requests"));
    }

    private static URI type(String name) {
        return URI.create(TYPE_BASE + name);
    }
}
