package nl.wijkzaken.residents.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the residents' public side.
 *
 * @param publicBaseUrl where residents reach the application; used for the status link in mails
 * @param maxBodySize   the largest request body the public API accepts
 * @param rateLimit     requests per client address and time window on the public endpoints
 */
@ConfigurationProperties("wijkzaken.residents")
public record ResidentsProperties(String publicBaseUrl, DataSize maxBodySize, RateLimit rateLimit) {

    public ResidentsProperties {
        publicBaseUrl = publicBaseUrl == null ? "http://localhost:8080" : publicBaseUrl.replaceAll("/+$", "");
        maxBodySize = maxBodySize == null ? DataSize.ofKilobytes(64) : maxBodySize;
        rateLimit = rateLimit == null ? new RateLimit(0, 0, null) : rateLimit;
    }

    /**
     * @param submissions requests per window that create something (POST), per client address
     * @param pageViews   other requests per window (pages, status), per client address
     * @param window      length of the fixed window
     */
    public record RateLimit(int submissions, int pageViews, Duration window) {
        public RateLimit {
            submissions = submissions <= 0 ? 10 : submissions;
            pageViews = pageViews <= 0 ? 120 : pageViews;
            window = window == null ? Duration.ofMinutes(1) : window;
        }
    }
}
