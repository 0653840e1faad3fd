package nl.wijkzaken.security.internal;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Hands the authenticated user and groups to the engine for the duration of the request, so that the
 * engine's own authorization checks apply to every REST and API call.
 */
@Component
class EngineAuthenticationFilter extends OncePerRequestFilter {

    private final IdentityService identityService;

    EngineAuthenticationFilter(IdentityService identityService) {
        this.identityService = identityService;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            chain.doFilter(request, response);
            return;
        }
        List<String> groups = authentication.getAuthorities().stream()
                .filter(GroupAuthority.class::isInstance)
                .map(authority -> ((GroupAuthority) authority).groupId())
                .toList();
        identityService.setAuthentication(authentication.getName(), groups);
        try {
            chain.doFilter(request, response);
        } finally {
            identityService.clearAuthentication();
        }
    }
}
