package nl.wijkzaken.security.internal;

import java.time.Duration;
import java.util.Optional;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Failed logins per client address and account, for both login paths (HTTP Basic and the webapps' login form).
 * The engine's own lock-out is switched off (application.yml: loginMaxAttempts, loginDelayMaxTime) because it
 * counts per account only: anyone could lock anyone out, permanently. Here a stranger only slows himself down:
 * after {@code freeAttempts} failures from one address for one account, that address waits (429) before it may
 * try that account again, twice as long after each further failure, up to {@code maxBackOff}. Other addresses are
 * not affected, a successful login clears the count, and a count is forgotten {@code forgetAfter} after its last
 * failure. Per node and in memory (like the residents' rate limit): a restart forgets all counts.
 */
@Component
@EnableConfigurationProperties(LoginThrottle.Settings.class)
class LoginThrottle {

    /**
     * @param freeAttempts failures per address and account before the first wait
     * @param backOff      the first wait; doubles with each further failure
     * @param maxBackOff   the longest wait
     * @param forgetAfter  a count without new failures is forgotten after this time
     */
    @ConfigurationProperties("wijkzaken.security.login-throttle")
    record Settings(int freeAttempts, Duration backOff, Duration maxBackOff, Duration forgetAfter) {
        Settings {
            freeAttempts = freeAttempts <= 0 ? 5 : freeAttempts;
            backOff = backOff == null ? Duration.ofSeconds(30) : backOff;
            maxBackOff = maxBackOff == null ? Duration.ofMinutes(15) : maxBackOff;
            forgetAfter = forgetAfter == null ? Duration.ofHours(1) : forgetAfter;
        }
    }

    private record Failures(int count, long blockedUntilNanos) {
    }

    private final Settings settings;
    private final Cache<String, Failures> failures;

    LoginThrottle(Settings settings) {
        this.settings = settings;
        this.failures = Caffeine.newBuilder().expireAfterWrite(settings.forgetAfter()).maximumSize(100_000).build();
    }

    /** How long this address must still wait before it may try this account again; empty when it may try now. */
    Optional<Duration> waitBeforeTrying(String clientAddress, String account) {
        Failures current = failures.getIfPresent(key(clientAddress, account));
        if (current == null) {
            return Optional.empty();
        }
        long left = current.blockedUntilNanos() - System.nanoTime();
        return left > 0 ? Optional.of(Duration.ofNanos(left)) : Optional.empty();
    }

    void failed(String clientAddress, String account) {
        failures.asMap().compute(key(clientAddress, account), (key, before) -> {
            int count = before == null ? 1 : before.count() + 1;
            int beyond = count - settings.freeAttempts();
            if (beyond < 0) {
                return new Failures(count, 0);
            }
            Duration wait = settings.backOff().multipliedBy(1L << Math.min(beyond, 20));
            if (wait.compareTo(settings.maxBackOff()) > 0) {
                wait = settings.maxBackOff();
            }
            return new Failures(count, System.nanoTime() + wait.toNanos());
        });
    }

    void succeeded(String clientAddress, String account) {
        failures.invalidate(key(clientAddress, account));
    }

    /** Whole seconds for a Retry-After header and the message, rounded up. */
    static long seconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }

    private static String key(String clientAddress, String account) {
        return clientAddress + '\n' + account;
    }
}
