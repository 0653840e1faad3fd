package nl.wijkzaken.security.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

import nl.wijkzaken.refusal.Refusal;

/**
 * The same throttle as for HTTP Basic ({@link LoginThrottle}) on the webapps' own login
 * ({@code POST /camunda/api/admin/auth/user/<engine>/login/<app>}), which checks the password itself: 401 is a
 * failure, 2xx a success (a 403 may come from the webapps' CSRF check before any password check: it changes
 * nothing).
 * <p>
 * The engine REST API's {@code POST /identity/verify} checks any user's password for any logged-in caller, as often
 * as he likes; now that the engine no longer delays failed attempts it would be a guessing machine. Nothing of ours
 * uses it: it is refused (403) on both copies of the REST API.
 */
class WebappLoginThrottleFilter extends OncePerRequestFilter {

    private static final Pattern LOGIN = Pattern.compile("/camunda/api/admin/auth/user/[^/]+/login/[^/]+/?");
    private static final Pattern VERIFY = Pattern.compile("(/engine-rest|/camunda/api/engine/engine/[^/]+)/identity/verify/?");

    private final LoginThrottle throttle;
    private final ProblemResponses problems;

    WebappLoginThrottleFilter(LoginThrottle throttle, ProblemResponses problems) {
        this.throttle = throttle;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !LOGIN.matcher(path).matches() && !VERIFY.matcher(path).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (VERIFY.matcher(path).matches()) {
            problems.write(request, response,
                    Refusal.forbidden("Een wachtwoord wordt alleen bij het inloggen gecontroleerd."));
            return;
        }
        if (!"POST".equals(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        // The webapps' resource reads the form with @FormParam, which still works after the container parsed it.
        String account = request.getParameter("username");
        if (account == null || account.isBlank()) {
            chain.doFilter(request, response);
            return;
        }
        String client = request.getRemoteAddr();
        Optional<Duration> wait = throttle.waitBeforeTrying(client, account);
        if (wait.isPresent()) {
            problems.tooManyLoginAttempts(request, response, LoginThrottle.seconds(wait.get()));
            return;
        }
        chain.doFilter(request, response);
        if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
            throttle.failed(client, account);
        } else if (response.getStatus() < 300) {
            throttle.succeeded(client, account);
        }
    }

    @Configuration
    static class Registration {

        /** Before Spring Security's chain (order -100), after the character encoding filter. */
        @Bean
        FilterRegistrationBean<WebappLoginThrottleFilter> webappLoginThrottle(LoginThrottle throttle,
                                                                              ProblemResponses problems) {
            FilterRegistrationBean<WebappLoginThrottleFilter> registration =
                    new FilterRegistrationBean<>(new WebappLoginThrottleFilter(throttle, problems));
            registration.addUrlPatterns("/camunda/api/admin/auth/user/*", "/engine-rest/identity/*",
                    "/camunda/api/engine/*");
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 200);
            return registration;
        }
    }
}
