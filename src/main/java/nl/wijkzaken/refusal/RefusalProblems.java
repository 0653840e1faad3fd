package nl.wijkzaken.refusal;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A {@link Refusal} reaching our own Spring MVC API: RFC 9457 problem+json with the Dutch message. */
@RestControllerAdvice
class RefusalProblems {

    @ExceptionHandler(Refusal.class)
    ResponseEntity<ProblemDetail> refused(Refusal refusal) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(refusal.status()),
                refusal.getMessage());
        problem.setTitle("Niet uitgevoerd");
        refusal.properties().forEach(problem::setProperty);
        return ResponseEntity.status(refusal.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
