package nl.wijkzaken.security.internal;

import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;

/** Lets modules guard their API with {@code @PreAuthorize("hasRole('auditor')")} on the roles of role-authorizations.yml. */
@Configuration
@EnableMethodSecurity
class MethodSecurityConfiguration {
}
