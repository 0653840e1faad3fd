package nl.wijkzaken.refusal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Every refusal of our own Spring MVC API as RFC 9457 problem+json in Dutch: a {@link Refusal} (also when the engine
 * wrapped it: Spring looks through causes), from any controller, as before; and, for {@code @RestController}s only
 * (pages answer with pages), the request errors Spring finds before a controller runs, which become Refusals in
 * {@link RequestErrors} with one Dutch message per field in {@code errors}. First among advices, so no other advice
 * turns a refusal into a Spring default body.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class RefusalProblems {

    @ExceptionHandler(Refusal.class)
    ResponseEntity<ProblemDetail> refused(Refusal refusal) {
        return answer(refusal);
    }

    static ResponseEntity<ProblemDetail> answer(Refusal refusal) {
        return ResponseEntity.status(refusal.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemJson.of(refusal));
    }

    /** Bean validation, unreadable JSON, a missing or mistyped parameter of a REST controller, as Refusals. */
    @RestControllerAdvice(annotations = RestController.class)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    static class RequestErrors {

        @ExceptionHandler(MethodArgumentNotValidException.class)
        ResponseEntity<ProblemDetail> invalid(MethodArgumentNotValidException e) {
            Map<String, String> errors = new LinkedHashMap<>();
            e.getBindingResult().getFieldErrors()
                    .forEach(error -> errors.putIfAbsent(error.getField(), error.getDefaultMessage()));
            return answer(Refusal.invalid("Controleer de gemarkeerde velden").with("errors", errors));
        }

        @ExceptionHandler(HttpMessageNotReadableException.class)
        ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
            return answer(Refusal.invalid("De invoer is geen geldige JSON of een veld heeft het verkeerde type "
                    + "(bedragen als getal, bijv. 1250.50)"));
        }

        @ExceptionHandler(MethodArgumentTypeMismatchException.class)
        ResponseEntity<ProblemDetail> mismatch(MethodArgumentTypeMismatchException e) {
            return answer(Refusal.invalid("Ongeldige waarde voor " + e.getName())
                    .with("errors", Map.of(e.getName(), "Ongeldige waarde: " + e.getValue())));
        }

        @ExceptionHandler(MissingServletRequestParameterException.class)
        ResponseEntity<ProblemDetail> missing(MissingServletRequestParameterException e) {
            return answer(Refusal.invalid("Parameter " + e.getParameterName() + " ontbreekt")
                    .with("errors", Map.of(e.getParameterName(), "Verplicht")));
        }
    }
}
