package nl.wijkzaken.security;

import org.springframework.security.core.GrantedAuthority;

/** Membership of an identity-service group, as a Spring Security authority. */
record GroupAuthority(String groupId) implements GrantedAuthority {

    @Override
    public String getAuthority() {
        return "GROUP_" + groupId;
    }
}
