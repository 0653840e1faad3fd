package nl.wijkzaken.security.internal;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Everything is authenticated unless it is listed here as deliberately public.
 * The Camunda webapps under /camunda keep their own session login and CSRF protection against the same
 * identity service; everything else (the engine REST API, our own API) uses HTTP Basic against that
 * identity service and runs with the caller's engine authorizations.
 */
@Configuration
@EnableWebSecurity
class SecurityConfiguration {

    /** The residents' pages: no scripts, styles only from our own stylesheet, never framed. */
    static final String RESIDENT_PAGES_POLICY = "default-src 'self'; script-src 'none'; object-src 'none'; "
            + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /** Staff pages and API answers: the staff pages carry their own inline script and style. */
    static final String STAFF_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline'; "
            + "style-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'none'";

    @Bean
    @Order(1)
    SecurityFilterChain camundaWebapps(HttpSecurity http) throws Exception {
        return http.securityMatcher(path("/camunda/**"))
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                // The webapps send their own CSRF token and security headers.
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers.disable())
                .build();
    }

    /**
     * The residents' side: the request form, the status pages (the token is the credential), the public intake
     * API and its OpenAPI description. No login; the form is protected by a CSRF token, the JSON API carries no
     * cookies or credentials and so needs none.
     */
    @Bean
    @Order(2)
    SecurityFilterChain residents(HttpSecurity http) throws Exception {
        return http.securityMatcher(new OrRequestMatcher(path("/"), path("/status"), path("/status/**"),
                        path("/api/requests"), path("/v3/api-docs"), path("/v3/api-docs/**"),
                        path("/swagger-ui.html"), path("/swagger-ui/**"), path("/css/**")))
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .csrf(csrf -> csrf.ignoringRequestMatchers(path("/api/requests")))
                // The status token is in the URL: never pass it on to another site. Swagger UI (same chain) needs
                // its own scripts, so the strict policy covers the residents' pages only.
                .headers(headers -> headers
                        .referrerPolicy(policy -> policy.policy(ReferrerPolicy.NO_REFERRER))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                                new OrRequestMatcher(path("/"), path("/status"), path("/status/**")),
                                new StaticHeadersWriter("Content-Security-Policy", RESIDENT_PAGES_POLICY))))
                .build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain application(HttpSecurity http, IdentityServiceAuthenticationProvider identityProvider,
                                    EngineAuthenticationFilter engineAuthentication, ProblemResponses problems)
            throws Exception {
        return http
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(path("/actuator/health"), path("/actuator/health/**"), path("/actuator/info"),
                                path("/error"))
                        .permitAll()
                        .anyRequest().authenticated())
                // The provider is the application's only one and so already the global authentication manager's:
                // registered here as well, every failed login was checked twice (and counted twice).
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // API clients authenticate every request with a header, never with a cookie: no CSRF risk there.
                .csrf(csrf -> csrf.ignoringRequestMatchers(path("/engine-rest/**"), path("/api/**")))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(STAFF_POLICY)))
                .addFilterAfter(engineAuthentication, AuthorizationFilter.class)
                .build();
    }

    /** The engine filter belongs in the application chain only, not (again) in the servlet container's chain. */
    @Bean
    FilterRegistrationBean<EngineAuthenticationFilter> engineAuthenticationOutsideTheChain(
            EngineAuthenticationFilter filter) {
        FilterRegistrationBean<EngineAuthenticationFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setEnabled(false);
        return registration;
    }

    /**
     * Plain path matching: the engine REST API and the webapps are Jersey servlets, which Spring MVC's
     * request matchers (the default for string patterns) do not see.
     */
    static RequestMatcher path(String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(pattern);
    }
}
