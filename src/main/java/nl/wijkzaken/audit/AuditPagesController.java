package nl.wijkzaken.audit;

import jakarta.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.databind.ObjectMapper;

import nl.wijkzaken.letters.Letters;
import nl.wijkzaken.letters.StoredLetter;
import nl.wijkzaken.shared.DutchFormat;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import nl.wijkzaken.casefile.CaseFiles;
import nl.wijkzaken.subsidy.Allocations;
import nl.wijkzaken.casefile.Outcome;
import nl.wijkzaken.neighbourhood.Neighbourhoods;

/**
 * The auditors' pages (Dutch, server-rendered, read-only): the case search at {@code /audit} and the readable
 * dossier at {@code /audit/dossiers/{caseNumber}}. Same audience as the dossier API; other staff get a Dutch
 * "no access" page.
 */
@Controller
@RequestMapping("/audit")
class AuditPagesController {

    /** On each page rather than the class: the refusal handler below must itself stay reachable. */
    private static final String AUDITORS = "hasAnyRole('auditor', 'administrator')";

    private final DossierSearches searches;
    private final CaseDossiers dossiers;
    private final Neighbourhoods neighbourhoods;
    private final DecidingRoles roles;
    private final ObjectMapper json;
    private final StaffNames names;
    private final Letters letters;
    private final CaseFiles caseFiles;
    private final Allocations allocations;

    AuditPagesController(DossierSearches searches, CaseDossiers dossiers, Neighbourhoods neighbourhoods,
                         DecidingRoles roles, ObjectMapper json, StaffNames names, Letters letters, CaseFiles caseFiles,
                         Allocations allocations) {
        this.allocations = allocations;
        this.names = names;
        this.letters = letters;
        this.caseFiles = caseFiles;
        this.searches = searches;
        this.dossiers = dossiers;
        this.neighbourhoods = neighbourhoods;
        this.roles = roles;
        this.json = json;
    }

    @GetMapping({"", "/"})
    @PreAuthorize(AUDITORS)
    String search(@ModelAttribute("form") DossierSearches.SearchForm form, Model model, HttpServletResponse response) {
        DossierSearches.Checked checked = searches.check(form);
        model.addAttribute("errors", checked.errors());
        model.addAttribute("neighbourhoods", neighbourhoods.all());
        model.addAttribute("outcomes", Outcome.values());
        model.addAttribute("roles", roles.roles());
        if (!checked.valid()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return "audit/search";
        }
        DossierSearches.Result result = searches.search(checked.search());
        model.addAttribute("result", result);
        model.addAttribute("previousPage", result.page() > 0 ? pageLink(result.page() - 1) : null);
        model.addAttribute("nextPage", result.page() + 1 < result.totalPages() ? pageLink(result.page() + 1) : null);
        return "audit/search";
    }

    @GetMapping("/dossiers/{caseNumber}")
    @PreAuthorize(AUDITORS)
    String dossier(@PathVariable String caseNumber, @RequestParam(name = "volledig", required = false) String full,
                   Model model, HttpServletResponse response) {
        CaseDossier dossier = dossiers.find(caseNumber).orElse(null);
        if (dossier == null) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            model.addAttribute("caseNumber", caseNumber);
            return "audit/not-found";
        }
        StaffNames.Names named = names.forDossier(dossier);
        model.addAttribute("d", DossierView.of(dossier, "true".equals(full), json, named));
        model.addAttribute("route", RouteView.of(caseFiles, caseNumber, named).orElse(null));
        model.addAttribute("allocation", AllocationView.of(allocations, caseNumber).orElse(null));
        model.addAttribute("letters", letters.ofCase(caseNumber).stream().map(LetterRow::of).toList());
        model.addAttribute("delivery", DeliveryView.of(caseFiles, caseNumber).orElse(null));
        return "audit/dossier";
    }

    /** A letter of the case as the dossier lists it: kind, created, sent (day and channel), decision or not. */
    record LetterRow(long id, String fileName, String kind, String createdAt, String sent, boolean decision) {

        static LetterRow of(StoredLetter letter) {
            return new LetterRow(letter.id(), letter.fileName(), letter.kind().subject(),
                    DutchFormat.dateTime(letter.createdAt()),
                    letter.sent() ? DutchFormat.date(letter.sentOn()) + " " + letter.channelWords() : "nog niet verzonden",
                    letter.kind().isDecision());
        }
    }

    /** Method security refuses before the page is built; the refusal is a page too, not JSON. */
    @ExceptionHandler(AccessDeniedException.class)
    String forbidden(HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        return "audit/forbidden";
    }

    /**
     * The auditor's own search on another page: the request's query with only {@code page} replaced. Relative
     * (no host), so the link also works behind a proxy; the path already holds any context path.
     */
    private static String pageLink(int page) {
        return ServletUriComponentsBuilder.fromCurrentRequest().scheme(null).host(null).port(-1)
                .replaceQueryParam("page", page).build().toUriString();
    }
}
