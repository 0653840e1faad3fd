package nl.wijkzaken.residents.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import nl.wijkzaken.refusal.ProblemJson;

/**
 * Fixed-window request counter per client address on the public pages and API. A Caffeine cache whose
 * entries expire one window after they were created is the whole mechanism: no extra library, bounded memory.
 * Submissions (POST) have a lower limit than page views. Per node: with several nodes the limit multiplies.
 */
@Component
class RateLimitFilter extends OncePerRequestFilter {

    private record Window(long startedAtNanos, AtomicInteger count) {
    }

    private final Cache<String, Window> windows;
    private final ResidentsProperties.RateLimit limits;
    private final ProblemJson problemJson;

    RateLimitFilter(ResidentsProperties properties, ProblemJson problemJson) {
        this.limits = properties.rateLimit();
        this.problemJson = problemJson;
        this.windows = Caffeine.newBuilder()
                .expireAfterWrite(limits.window())
                .maximumSize(100_000)
                .build();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !(path.equals("/") || path.startsWith("/status/") || path.equals("/api/requests"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean submission = "POST".equals(request.getMethod());
        int limit = submission ? limits.submissions() : limits.pageViews();
        String key = (submission ? "post:" : "get:") + request.getRemoteAddr();
        Window window = windows.get(key, k -> new Window(System.nanoTime(), new AtomicInteger()));
        if (window.count().incrementAndGet() <= limit) {
            chain.doFilter(request, response);
            return;
        }
        Duration left = limits.window().minusNanos(System.nanoTime() - window.startedAtNanos());
        long retryAfter = Math.max(1, (left.toMillis() + 999) / 1000);
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
        problemJson.write(request, response, PublicRefusals.tooManyRequests(retryAfter));
    }
}
