package nl.wijkzaken.security;


import nl.wijkzaken.security.internal.GroupAuthority;
import nl.wijkzaken.security.internal.RoleAuthorizationProperties;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The roles of role-authorizations.yml as the rest of the application asks about them: which groups a role has,
 * which role a group plays, and the roles and groups of the person making the current request. The one place that
 * knows how a user's groups and roles are carried as Spring Security authorities ({@code GROUP_<id>},
 * {@code ROLE_<role>}); other modules ask here instead of binding the file or parsing authorities themselves.
 */
@Component
public class Roles {

    /** How a role is carried as a Spring Security authority (what {@code hasRole} checks). */
    public static final String ROLE_PREFIX = "ROLE_";

    private final Map<String, RoleAuthorizationProperties.Role> roles;

    Roles(RoleAuthorizationProperties properties) {
        this.roles = properties.roles();
    }

    /** Every role, in the order of the file. */
    public Set<String> all() {
        return roles.keySet();
    }

    /** The groups of a role; empty when the file has no such role. */
    public Optional<List<String>> groupsOf(String role) {
        return Optional.ofNullable(roles.get(role)).map(RoleAuthorizationProperties.Role::groups);
    }

    /** The first role (in file order) that lists the group ("wijkmanager-breukelen" is a wijkmanager). */
    public Optional<String> roleOf(String group) {
        if (group == null) {
            return Optional.empty();
        }
        return roles.entrySet().stream()
                .filter(role -> role.getValue().groups().contains(group))
                .map(Map.Entry::getKey)
                .findFirst();
    }

    /** Every role that lists at least one of the groups, sorted: what a user with these groups may do. */
    public List<String> ofGroups(Collection<String> groupIds) {
        return roles.entrySet().stream()
                .filter(role -> role.getValue().groups().stream().anyMatch(groupIds::contains))
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
    }

    /** The roles of the person making the current request; empty when nobody is logged in. */
    public Set<String> ofCurrentUser() {
        return authorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a != null && a.startsWith(ROLE_PREFIX))
                .map(a -> a.substring(ROLE_PREFIX.length()))
                .collect(Collectors.toSet());
    }

    /** Whether the person making the current request has at least one of the roles. */
    public boolean currentUserHasAny(String... roleNames) {
        Set<String> own = ofCurrentUser();
        return Set.of(roleNames).stream().anyMatch(own::contains);
    }

    /** The identity-service groups of the person making the current request. */
    public Set<String> groupsOfCurrentUser() {
        return authorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a != null && a.startsWith(GroupAuthority.PREFIX))
                .map(a -> a.substring(GroupAuthority.PREFIX.length()))
                .collect(Collectors.toSet());
    }

    private static Collection<? extends GrantedAuthority> authorities() {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        return user == null ? List.of() : user.getAuthorities();
    }
}
