package nl.wijkzaken.budget.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import nl.wijkzaken.budget.BudgetRuleException;
import nl.wijkzaken.budget.BudgetAlreadySetException;

/** RFC 9457 problem+json for the budget API, in Dutch, with a message per field where a field is at fault. */
@RestControllerAdvice(assignableTypes = BudgetController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class BudgetProblems {

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ProblemDetail invalid(MethodArgumentNotValidException e) {
        Map<String, String> errors = new LinkedHashMap<>();
        e.getBindingResult().getFieldErrors().forEach(error -> errors.putIfAbsent(error.getField(), error.getDefaultMessage()));
        return problem(HttpStatus.BAD_REQUEST, "Ongeldige invoer", "Controleer de gemarkeerde velden", errors);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        return problem(HttpStatus.BAD_REQUEST, "Ongeldige invoer",
                "De invoer is geen geldige JSON of een veld heeft het verkeerde type (bedragen als getal, bijv. 1250.50)", null);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail mismatch(MethodArgumentTypeMismatchException e) {
        return problem(HttpStatus.BAD_REQUEST, "Ongeldige invoer", "Ongeldige waarde voor " + e.getName(),
                Map.of(e.getName(), "Ongeldige waarde: " + e.getValue()));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ProblemDetail missing(MissingServletRequestParameterException e) {
        return problem(HttpStatus.BAD_REQUEST, "Ongeldige invoer", "Parameter " + e.getParameterName() + " ontbreekt",
                Map.of(e.getParameterName(), "Verplicht"));
    }

    @ExceptionHandler(BudgetAlreadySetException.class)
    ProblemDetail conflict(BudgetAlreadySetException e) {
        return problem(HttpStatus.CONFLICT, "Buurtbudget bestaat al", e.getMessage(), Map.of(e.field(), e.getMessage()));
    }

    @ExceptionHandler(BudgetRuleException.class)
    ProblemDetail rule(BudgetRuleException e) {
        return problem(HttpStatus.BAD_REQUEST, "Ongeldige invoer", e.getMessage(), Map.of(e.field(), e.getMessage()));
    }

    @ExceptionHandler(BudgetController.BudgetForbiddenException.class)
    ProblemDetail forbidden(BudgetController.BudgetForbiddenException e) {
        return problem(HttpStatus.FORBIDDEN, "Geen toegang", e.getMessage(), null);
    }

    @ExceptionHandler(BudgetController.BudgetNotFoundException.class)
    ProblemDetail notFound(BudgetController.BudgetNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "Geen buurtbudget", e.getMessage(), null);
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail, Map<String, String> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        if (errors != null && !errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        return problem;
    }
}
