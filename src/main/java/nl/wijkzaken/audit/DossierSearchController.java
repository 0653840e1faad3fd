package nl.wijkzaken.audit;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/dossiers?caseNumber=&neighbourhood=&from=&to=&outcome=&decidingRole=&decidedAfterDeadline=&page=&size=}:
 * the auditors' case search, paged, newest receipt first. Invalid parameters: 400 problem+json with a Dutch
 * message per field under {@code errors}.
 */
@RestController
@RequestMapping("/api/dossiers")
@PreAuthorize("hasAnyRole('auditor', 'administrator')")
class DossierSearchController {

    private final DossierSearches searches;

    DossierSearchController(DossierSearches searches) {
        this.searches = searches;
    }

    @GetMapping
    DossierSearches.Result search(@ModelAttribute DossierSearches.SearchForm form) {
        DossierSearches.Checked checked = searches.check(form);
        if (!checked.valid()) {
            throw new InvalidSearchException(checked.errors());
        }
        return searches.search(checked.search());
    }

    @ExceptionHandler(InvalidSearchException.class)
    ProblemDetail invalid(InvalidSearchException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "Controleer de zoekvragen: " + String.join(", ", e.errors.keySet()) + ".");
        problem.setTitle("Ongeldige zoekvraag");
        problem.setProperty("errors", e.errors);
        return problem;
    }

    static final class InvalidSearchException extends RuntimeException {
        final transient Map<String, String> errors;

        InvalidSearchException(Map<String, String> errors) {
            super(String.valueOf(errors));
            this.errors = errors;
        }
    }
}
