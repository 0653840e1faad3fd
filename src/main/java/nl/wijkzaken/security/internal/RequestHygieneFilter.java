package nl.wijkzaken.security.internal;

import java.io.ByteArrayInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;

import nl.wijkzaken.refusal.Refusal;

/**
 * What no endpoint should have to get right on its own, checked before anything reads the request:
 * <ul>
 * <li>a form post larger than the container parses ({@code server.tomcat.max-http-form-post-size}) is 413; without
 * this the container silently drops all fields, the CSRF token among them, and the caller sees a puzzling 403;</li>
 * <li>a NUL character (raw, {@code %00} or JSON's {@code \u0000}) in a query parameter, a form field or a JSON body
 * is 400: PostgreSQL cannot store it and would answer 5xx deep inside the engine;</li>
 * <li>a JSON body with a duplicate key or anything after its value ({@code {…}{…}}) is 400: which of two values
 * counts must not depend on the parser (the engine REST API's Jackson takes the last one).</li>
 * </ul>
 * Multipart and other bodies pass untouched. The residents' pages and public API check every field themselves and
 * answer in their own style (field by field), so only the size rule applies there.
 */
class RequestHygieneFilter extends OncePerRequestFilter {

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private final ProblemResponses problems;
    private final long maxFormPostSize;
    private final long maxJsonBodySize;

    RequestHygieneFilter(ProblemResponses problems, long maxFormPostSize, long maxJsonBodySize) {
        this.problems = problems;
        this.maxFormPostSize = maxFormPostSize;
        this.maxJsonBodySize = maxJsonBodySize;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean checksItself = residentsPath(request.getRequestURI().substring(request.getContextPath().length()));
        String contentType = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        if (contentType.startsWith("application/x-www-form-urlencoded")) {
            if (maxFormPostSize >= 0 && request.getContentLengthLong() > maxFormPostSize) {
                tooLarge(request, response, maxFormPostSize);
                return;
            }
            Map<String, String[]> parameters = request.getParameterMap();
            // Tomcat drops every field of a body above its limit and leaves only this note (chunked bodies).
            Object failure = request.getAttribute("org.apache.catalina.parameter_parse_failed_reason");
            if (failure != null && "POST_TOO_LARGE".equals(failure.toString())) {
                tooLarge(request, response, maxFormPostSize);
                return;
            }
            if (!checksItself && parameters.entrySet().stream().anyMatch(field -> field.getKey().indexOf('\0') >= 0
                    || java.util.Arrays.stream(field.getValue()).anyMatch(value -> value.indexOf('\0') >= 0))) {
                nul(request, response);
                return;
            }
            chain.doFilter(request, response);
            return;
        }
        if (checksItself) {
            chain.doFilter(request, response);
            return;
        }
        if (hasEncodedNul(request.getQueryString())) {
            nul(request, response);
            return;
        }
        if (!(contentType.startsWith("application/json") || contentType.matches("application/[^;]*\\+json.*"))) {
            chain.doFilter(request, response);
            return;
        }
        if (request.getContentLengthLong() > maxJsonBodySize) {
            tooLarge(request, response, maxJsonBodySize);
            return;
        }
        byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxJsonBodySize + 1));
        if (body.length > maxJsonBodySize) {
            tooLarge(request, response, maxJsonBodySize);
            return;
        }
        if (hasJsonNul(body)) {
            nul(request, response);
            return;
        }
        String ambiguity = ambiguity(body);
        if (ambiguity != null) {
            problems.write(request, response, Refusal.invalid(ambiguity));
            return;
        }
        chain.doFilter(new ReadAgain(request, body), response);
    }

    static boolean residentsPath(String path) {
        return path.equals("/") || path.equals("/status") || path.startsWith("/status/") || path.equals("/api/requests");
    }

    static boolean hasEncodedNul(String query) {
        return query != null && (query.indexOf('\0') >= 0 || query.toLowerCase(Locale.ROOT).contains("%00"));
    }

    /** A raw NUL byte, or the escape {@code \u0000} (not the text {@code \\u0000}, an escaped backslash). */
    static boolean hasJsonNul(byte[] body) {
        for (int i = 0; i < body.length; i++) {
            if (body[i] == 0) {
                return true;
            }
            if (body[i] == '\\' && i + 1 < body.length) {
                if (body[i + 1] == 'u' && i + 5 < body.length && body[i + 2] == '0' && body[i + 3] == '0'
                        && body[i + 4] == '0' && body[i + 5] == '0') {
                    return true;
                }
                i++;
            }
        }
        return false;
    }

    /** A Dutch explanation when the body has a duplicate key or trailing content; null otherwise or when it is no JSON at all (the endpoint says so). */
    static String ambiguity(byte[] body) {
        try (JsonParser parser = JSON.createParser(body)) {
            parser.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            try {
                if (parser.nextToken() == null) {
                    return null;
                }
                parser.skipChildren();
            } catch (JsonProcessingException e) {
                boolean duplicate = e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Duplicate field");
                return duplicate ? "Het verzoek bevat een veld twee keer. Geef elk veld maar één keer op." : null;
            }
            try {
                if (parser.nextToken() == null) {
                    return null;
                }
            } catch (JsonProcessingException e) {
                // Not even JSON after the first value: still something after it.
            }
            return "Het verzoek bevat na de JSON-waarde nog meer tekst. Stuur precies één JSON-waarde.";
        } catch (IOException e) {
            return null;
        }
    }

    private void nul(HttpServletRequest request, HttpServletResponse response) throws IOException {
        problems.write(request, response, Refusal.invalid(
                "De invoer bevat een onzichtbaar stuurteken (NUL) dat niet kan worden opgeslagen. Verwijder het en probeer het opnieuw."));
    }

    private void tooLarge(HttpServletRequest request, HttpServletResponse response, long limit) throws IOException {
        problems.write(request, response, Refusal.tooLarge(
                "De invoer is te groot: hoogstens " + Math.max(1, limit / 1024) + " kB."));
    }

    /** The request with its body read once already. */
    private static final class ReadAgain extends HttpServletRequestWrapper {

        private final byte[] body;

        ReadAgain(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException();
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            Charset charset = getCharacterEncoding() == null ? StandardCharsets.UTF_8 : Charset.forName(getCharacterEncoding());
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }

    @Configuration
    static class Registration {

        /**
         * Early: after the character encoding filter (form fields must be decoded as UTF-8), before Spring
         * Security (whose CSRF check would otherwise answer an oversized form with 403).
         */
        @Bean
        FilterRegistrationBean<RequestHygieneFilter> requestHygiene(ProblemResponses problems, ServerProperties server,
                @org.springframework.beans.factory.annotation.Value("${wijkzaken.security.max-json-body-size:1MB}")
                DataSize maxJsonBodySize) {
            DataSize form = server.getTomcat().getMaxHttpFormPostSize();
            FilterRegistrationBean<RequestHygieneFilter> registration = new FilterRegistrationBean<>(
                    new RequestHygieneFilter(problems, form == null ? -1 : form.toBytes(), maxJsonBodySize.toBytes()));
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
            return registration;
        }
    }
}
