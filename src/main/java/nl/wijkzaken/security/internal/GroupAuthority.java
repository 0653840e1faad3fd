package nl.wijkzaken.security.internal;

import org.springframework.security.core.GrantedAuthority;

/** Membership of an identity-service group, as a Spring Security authority. */
public record GroupAuthority(String groupId) implements GrantedAuthority {

    public static final String PREFIX = "GROUP_";

    @Override
    public String getAuthority() {
        return PREFIX + groupId;
    }
}
