package nl.wijkzaken.residents.internal;

import java.io.IOException;
import java.net.URI;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import nl.wijkzaken.intake.ConsentSource;
import nl.wijkzaken.intake.ResidentRequest;
import nl.wijkzaken.refusal.Refusal;

/** The public intake API: residents (or their apps) submit a request without logging in. */
@RestController
@RequestMapping("/api/requests")
@Tag(name = "Resident requests", description = "Submit a request to the municipality; no login needed.")
class IntakeApiController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final Logger log = LoggerFactory.getLogger(IntakeApiController.class);

    private final RequestReader reader;
    private final RequestValidator validator;
    private final ResidentCases cases;
    private final ResidentsProperties properties;

    IntakeApiController(RequestReader reader, RequestValidator validator, ResidentCases cases,
                        ResidentsProperties properties) {
        this.reader = reader;
        this.validator = validator;
        this.cases = cases;
        this.properties = properties;
    }

    /** What the resident gets back: the case number and the secret link to the status page. */
    record Created(String caseNumber, String statusUrl) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Submit a request",
            description = "Starts a case. Validation errors come back as RFC 9457 problem+json with one entry per field "
                    + "in `errors`. Send an `Idempotency-Key` to retry safely: the same key with the same body returns "
                    + "the same case (200); the same key with another body is refused (422).",
            requestBody = @RequestBody(required = true,
                    content = @Content(schema = @Schema(implementation = ResidentRequest.class))),
            responses = {
                    @ApiResponse(responseCode = "201", description = "Case created"),
                    @ApiResponse(responseCode = "200", description = "Repeated submission with the same Idempotency-Key"),
                    @ApiResponse(responseCode = "400", description = "Invalid request",
                            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE)),
                    @ApiResponse(responseCode = "413", description = "Body too large",
                            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE)),
                    @ApiResponse(responseCode = "422", description = "Idempotency-Key reused for another request",
                            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE)),
                    @ApiResponse(responseCode = "429", description = "Too many requests from this address",
                            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))})
    ResponseEntity<Created> submit(HttpServletRequest http,
                                   @Parameter(description = "Client-chosen unique key (e.g. a UUID), at most 200 characters")
                                   @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey)
            throws IOException {
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 200)) {
            throw PublicRefusals.malformed("De Idempotency-Key moet 1 tot 200 tekens lang zijn.");
        }
        try {
            byte[] body = reader.readLimited(http.getInputStream(), http.getContentLengthLong());
            RequestReader.Parsed parsed = reader.parse(body);
            List<FieldError> errors = validator.validate(parsed.request(), parsed.conversionErrors());
            if (!errors.isEmpty()) {
                throw PublicRefusals.invalid(errors);
            }
            Submission submission = cases.submit(parsed.request(), idempotencyKey, ConsentSource.API);
            String statusUrl = cases.statusUrl(submission.token());
            Created created = new Created(submission.caseNumber(), statusUrl);
            return ResponseEntity.status(submission.replay() ? HttpStatus.OK : HttpStatus.CREATED)
                    .location(URI.create(statusUrl))
                    .body(created);
        } catch (Refusal refusal) {
            throw refusal;
        } catch (RuntimeException e) {
            // Anything unexpected (database, engine): nothing was kept, the resident may try again.
            log.error("Public intake failed", e);
            throw PublicRefusals.unavailable();
        }
    }
}
