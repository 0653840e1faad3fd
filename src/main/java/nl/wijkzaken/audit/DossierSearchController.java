package nl.wijkzaken.audit;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import nl.wijkzaken.refusal.Refusal;

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
            throw Refusal.invalid("Controleer de zoekvragen: " + String.join(", ", checked.errors().keySet()) + ".")
                    .titled("Ongeldige zoekvraag").with("errors", checked.errors());
        }
        return searches.search(checked.search());
    }
}
