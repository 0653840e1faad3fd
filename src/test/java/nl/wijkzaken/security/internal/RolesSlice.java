package nl.wijkzaken.security.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

import nl.wijkzaken.security.Roles;

/**
 * TEST ONLY: for slice tests ({@code @WebMvcTest}), the part of security our controllers rely on, as the application
 * has it: {@link Roles} over role-authorizations.yml and method security ({@code @PreAuthorize} on those roles).
 * Authentication itself (engine users, HTTP Basic) belongs to the full-application tests; a slice test logs in with
 * {@code @WithMockUser(roles = …)}.
 */
@TestConfiguration
@EnableConfigurationProperties(RoleAuthorizationProperties.class)
@Import({Roles.class, MethodSecurityConfiguration.class})
public class RolesSlice {
}
