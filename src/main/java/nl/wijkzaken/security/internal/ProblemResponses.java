package nl.wijkzaken.security.internal;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

import nl.wijkzaken.refusal.ProblemJson;
import nl.wijkzaken.refusal.Refusal;

/**
 * 401 and 403 as RFC 9457 problem+json, like every other API error; also the 429 of the login throttle and the
 * refusals of the request filters of this package. Filters answer before Spring MVC, so they write the
 * {@link Refusal} themselves, through the one writer of the refusal module.
 */
@Component
class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final ProblemJson problemJson;

    ProblemResponses(ProblemJson problemJson) {
        this.problemJson = problemJson;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (e instanceof LoginThrottledException throttled) {
            tooManyLoginAttempts(request, response, throttled.retryAfterSeconds());
            return;
        }
        response.setHeader("WWW-Authenticate", "Basic realm=\"Wijkzaken\"");
        write(request, response, Refusal.of(Refusal.Kind.UNAUTHENTICATED,
                "Log in met uw gebruikersnaam en wachtwoord (HTTP Basic)."));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        write(request, response, Refusal.forbidden("Uw rol geeft geen toegang tot deze gegevens of handeling."));
    }

    /** 429 with Retry-After: this address must wait before it tries this account again. */
    void tooManyLoginAttempts(HttpServletRequest request, HttpServletResponse response, long retryAfterSeconds)
            throws IOException {
        response.setHeader("Retry-After", Long.toString(retryAfterSeconds));
        write(request, response, Refusal.of(Refusal.Kind.TOO_MANY,
                "Er is te vaak een verkeerd wachtwoord gegeven voor deze gebruiker. Probeer het over "
                        + retryAfterSeconds + " seconden opnieuw.").titled("Te veel inlogpogingen"));
    }

    void write(HttpServletRequest request, HttpServletResponse response, Refusal refusal) throws IOException {
        problemJson.write(request, response, refusal);
    }
}
