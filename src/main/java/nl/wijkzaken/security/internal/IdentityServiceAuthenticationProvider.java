package nl.wijkzaken.security.internal;

import java.util.ArrayList;
import java.util.List;

import nl.wijkzaken.security.Roles;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Checks credentials against Camunda's identity service (the one user store: the embedded one, or LDAP
 * through the engine's LDAP plugin) and carries the user's groups ({@code GROUP_<id>}) and roles
 * ({@code ROLE_<role>} from role-authorizations.yml) as authorities. Failed attempts are throttled per client
 * address and account ({@link LoginThrottle}); the engine itself never locks an account.
 */
@Component
class IdentityServiceAuthenticationProvider implements AuthenticationProvider {

    private final IdentityService identityService;
    private final Roles roles;
    private final LoginThrottle throttle;

    IdentityServiceAuthenticationProvider(IdentityService identityService, Roles roles,
                                          LoginThrottle throttle) {
        this.identityService = identityService;
        this.roles = roles;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String userId = authentication.getName();
        Object credentials = authentication.getCredentials();
        String client = authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : "unknown";
        if (userId == null || userId.isBlank() || credentials == null) {
            throw new BadCredentialsException("Onjuiste gebruikersnaam of wachtwoord");
        }
        // While this address waits, not even the right password is checked: guessing gains nothing.
        throttle.waitBeforeTrying(client, userId).ifPresent(wait -> {
            throw new LoginThrottledException(wait);
        });
        if (!identityService.checkPassword(userId, credentials.toString())) {
            throttle.failed(client, userId);
            throw new BadCredentialsException("Onjuiste gebruikersnaam of wachtwoord");
        }
        throttle.succeeded(client, userId);
        List<String> groupIds = identityService.createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId)
                .toList();
        List<GrantedAuthority> authorities = new ArrayList<>();
        groupIds.forEach(group -> authorities.add(new GroupAuthority(group)));
        roles.ofGroups(groupIds).forEach(role -> authorities.add(new SimpleGrantedAuthority(Roles.ROLE_PREFIX + role)));
        return UsernamePasswordAuthenticationToken.authenticated(userId, null, authorities);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
