package nl.wijkzaken.audit;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import nl.wijkzaken.security.Roles;

/**
 * The role of a group as the municipality reads it ("wijkmanager-breukelen" is a wijkmanager), from the same
 * role list in role-authorizations.yml that grants the permissions, as the security module publishes it. So a
 * municipality that maps its own directory groups there sees its own groups in the dossier and the search.
 */
@Component
class DecidingRoles {

    private final Roles roles;

    DecidingRoles(Roles roles) {
        this.roles = roles;
    }

    /** The first role (in file order) that lists the group. */
    Optional<String> roleOf(String group) {
        return roles.roleOf(group);
    }

    Optional<List<String>> groupsOf(String role) {
        return roles.groupsOf(role);
    }

    Set<String> roles() {
        return roles.all();
    }
}
