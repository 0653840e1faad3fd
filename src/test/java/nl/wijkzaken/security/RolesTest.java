package nl.wijkzaken.security;

import nl.wijkzaken.security.internal.GroupAuthority;
import nl.wijkzaken.security.internal.RoleAuthorizationProperties;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** The role lookup other modules use: roles and groups from the file, and those of the person asking. */
class RolesTest {

    private final Roles roles = new Roles(new RoleAuthorizationProperties(fileOrder(), List.of()));

    @AfterEach
    void nobodyLoggedIn() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aGroupPlaysTheFirstRoleThatListsItAndARoleHasItsGroups() {
        assertThat(roles.roleOf("wijkmanager-breukelen")).contains("wijkmanager");
        assertThat(roles.roleOf("gebiedsmanager")).contains("gebiedsmanager");
        assertThat(roles.roleOf("onbekend")).isEmpty();
        assertThat(roles.roleOf(null)).isEmpty();
        assertThat(roles.groupsOf("wijkmanager")).contains(List.of("wijkmanager-breukelen", "wijkmanager-loenen"));
        assertThat(roles.groupsOf("onbekend")).isEmpty();
        assertThat(roles.all()).containsExactly("wijkmanager", "gebiedsmanager", "auditor");
    }

    @Test
    void theCurrentUserHasTheRolesAndGroupsHisLoginCarries() {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("wm.breukelen",
                null, List.of(new GroupAuthority("wijkmanager-breukelen"), new SimpleGrantedAuthority("ROLE_wijkmanager"))));

        assertThat(roles.ofCurrentUser()).containsExactly("wijkmanager");
        assertThat(roles.groupsOfCurrentUser()).containsExactly("wijkmanager-breukelen");
        assertThat(roles.currentUserHasAny("gebiedsmanager", "wijkmanager")).isTrue();
        assertThat(roles.currentUserHasAny("gebiedsmanager", "auditor")).isFalse();
    }

    @Test
    void nobodyLoggedInHasNoRoleAndNoGroup() {
        assertThat(roles.ofCurrentUser()).isEmpty();
        assertThat(roles.groupsOfCurrentUser()).isEmpty();
        assertThat(roles.currentUserHasAny("auditor")).isFalse();
    }

    private static Map<String, RoleAuthorizationProperties.Role> fileOrder() {
        Map<String, RoleAuthorizationProperties.Role> file = new LinkedHashMap<>();
        file.put("wijkmanager", new RoleAuthorizationProperties.Role("Wijk", List.of("wijkmanager-breukelen", "wijkmanager-loenen"), List.of()));
        file.put("gebiedsmanager", new RoleAuthorizationProperties.Role("Gebied", List.of("gebiedsmanager"), List.of()));
        file.put("auditor", new RoleAuthorizationProperties.Role("Lezer", List.of("auditor", "gebiedsmanager"), List.of()));
        return file;
    }
}
