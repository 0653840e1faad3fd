package nl.wijkzaken.security.internal;

import java.time.Duration;

import org.springframework.security.core.AuthenticationException;

/** Too many failed logins from this address for this account: answered 429 with Retry-After. */
class LoginThrottledException extends AuthenticationException {

    private final long retryAfterSeconds;

    LoginThrottledException(Duration wait) {
        super("Te veel mislukte inlogpogingen");
        this.retryAfterSeconds = LoginThrottle.seconds(wait);
    }

    long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
