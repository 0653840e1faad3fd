package nl.wijkzaken.security;

import org.springframework.security.core.GrantedAuthority;

/** Membership of an identity-service group, as a Spring Security authority. */
record GroupAuthority(String groupId) implements GrantedAuthority {

    static final String PREFIX = "GROUP_";

    @Override
    public String getAuthority() {
        return PREFIX + groupId;
    }
}
