package nl.wijkzaken.residents.internal;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import nl.wijkzaken.residents.StatusLinks;
import nl.wijkzaken.intake.ConsentSource;
import nl.wijkzaken.intake.RegisteredRequest;
import nl.wijkzaken.intake.RequestIntake;
import nl.wijkzaken.intake.ResidentRequest;
import nl.wijkzaken.mail.MessageType;
import nl.wijkzaken.mail.ResidentMail;
import nl.wijkzaken.mail.ResidentMailer;
import nl.wijkzaken.shared.EngineClock;

/**
 * Turns a valid request into a case (through the intake), gives the resident a status token and stores the link
 * for the acknowledgement (which the process sends), all in one transaction: an invalid or failed submission
 * leaves nothing behind.
 */
@Service
class ResidentCases {

    static final String CHANNEL = "online";

    private final RequestIntake intake;
    private final JdbcClient jdbc;
    private final ResidentMailer mailer;
    private final ObjectMapper objectMapper;
    private final ResidentsProperties properties;

    ResidentCases(RequestIntake intake, JdbcClient jdbc, ResidentMailer mailer, ObjectMapper objectMapper,
                  ResidentsProperties properties) {
        this.intake = intake;
        this.jdbc = jdbc;
        this.mailer = mailer;
        this.objectMapper = objectMapper;
        this.properties = properties;
    }

    /** Submits a request from the web form; see {@link #submit(ResidentRequest, String, ConsentSource)}. */
    @Transactional
    Submission submit(ResidentRequest request, String idempotencyKey) {
        return submit(request, idempotencyKey, ConsentSource.ONLINE_FORM);
    }

    /**
     * Submits a request that has passed {@link RequestValidator}; an Idempotency-Key (may be null) makes retries safe.
     * {@code source} says where a consent for e-mail was given (web form or API).
     */
    @Transactional
    Submission submit(ResidentRequest request, String idempotencyKey, ConsentSource source) {
        String requestHash = requestHash(request);
        String keyHash = idempotencyKey == null ? null : StatusTokens.hash("key:" + idempotencyKey);
        if (keyHash != null) {
            var row = jdbc.sql("SELECT request_hash, case_number, masked_token FROM resident_idempotency WHERE key_hash = ?")
                    .param(keyHash)
                    .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
                    .optional();
            if (row.isPresent()) {
                if (!StatusTokens.sameHash(row.get()[0], requestHash)) {
                    throw PublicRefusals.idempotencyKeyReused();
                }
                String token = StatusTokens.mask(row.get()[2], pad(idempotencyKey, requestHash));
                return new Submission(row.get()[1], token, true);
            }
        }
        RegisteredRequest registered = intake.submit(request, CHANNEL, source);
        String token = StatusTokens.newToken();
        Instant now = EngineClock.now();
        jdbc.sql("""
                INSERT INTO resident_access (case_number, token_hash, process_instance_id, title, neighbourhood, received_at,
                  description, category, amount_requested)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(registered.caseNumber(), StatusTokens.hash(token), registered.processInstanceId(),
                        request.title(), request.neighbourhood(), Timestamp.from(now), request.description(),
                        request.category().code(), request.amountRequested())
                .update();
        if (keyHash != null) {
            // The primary key makes a concurrent duplicate fail, which rolls back its process start as well.
            jdbc.sql("""
                    INSERT INTO resident_idempotency (key_hash, request_hash, case_number, masked_token, created_at)
                    VALUES (?, ?, ?, ?, ?)""")
                    .params(keyHash, requestHash, registered.caseNumber(),
                            StatusTokens.mask(token, pad(idempotencyKey, requestHash)), Timestamp.from(now))
                    .update();
        }
        // The token exists in plain text only now: the process's acknowledgement step picks the link up from here.
        // Without an e-mail address (optional: decisions go by post) the link is only on the confirmation page.
        if (request.applicantEmail() != null) {
            mailer.prepare(new ResidentMail(ResidentMail.messageId(registered.caseNumber(), MessageType.ONTVANGSTBEVESTIGING, 1),
                MessageType.ONTVANGSTBEVESTIGING, request.applicantEmail(),
                Map.of("caseNumber", registered.caseNumber(), "statusUrl", statusUrl(token))));
        }
        return new Submission(registered.caseNumber(), token, false);
    }

    /** The case for a status token; empty for an unknown, malformed or missing token alike. */
    Optional<ResidentCase> findByToken(String token) {
        if (!StatusTokens.wellFormed(token)) {
            return Optional.empty();
        }
        String hash = StatusTokens.hash(token);
        return jdbc.sql("""
                SELECT case_number, process_instance_id, title, neighbourhood, received_at, token_hash, description,
                  category, amount_requested
                FROM resident_access WHERE token_hash = ?""")
                .param(hash)
                .query((rs, n) -> StatusTokens.sameHash(rs.getString(6), hash)
                        ? new ResidentCase(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getTimestamp(5).toInstant(), rs.getString(7), rs.getString(8), rs.getBigDecimal(9))
                        : null)
                .optional();
    }

    String statusUrl(String token) {
        return StatusLinks.url(properties, token);
    }

    private String requestHash(ResidentRequest request) {
        try {
            return StatusTokens.hash(new String(objectMapper.writeValueAsBytes(request), StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] pad(String idempotencyKey, String requestHash) {
        return StatusTokens.sha256(("pad:" + idempotencyKey + ":" + requestHash).getBytes(StandardCharsets.UTF_8));
    }
}
