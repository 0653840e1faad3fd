package nl.wijkzaken.residents.internal;

import java.util.Optional;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import nl.wijkzaken.casefile.CaseFile;
import nl.wijkzaken.casefile.CaseFiles;
import nl.wijkzaken.neighbourhood.Neighbourhood;
import nl.wijkzaken.neighbourhood.Neighbourhoods;
import nl.wijkzaken.refusal.Refusal;
import nl.wijkzaken.residents.StatusLinks;
import nl.wijkzaken.shared.DutchFormat;

/**
 * The printable receipt (ontvangstbewijs) the front office hands or reads to a caller right after registering a
 * request in Tasklist (task "Ontvangstbewijs geven" links here): case number, subject, day of receipt (Awb 4:13 counts
 * from the day after), the handling team and the latest day of the decision. The personal status link is not on it:
 * the token exists only in the resident's mailbox (see StatusLinks); the receipt says where it went.
 * <p>
 * For the person who registered the case (and the administrator); any other member of staff gets a Dutch 403.
 */
@Controller
class ReceiptController {

    private final CaseFiles caseFiles;
    private final Neighbourhoods neighbourhoods;
    private final HistoryService historyService;
    private final IdentityService identityService;
    private final StatusLinks statusLinks;

    ReceiptController(CaseFiles caseFiles, Neighbourhoods neighbourhoods, HistoryService historyService,
                      IdentityService identityService, StatusLinks statusLinks) {
        this.statusLinks = statusLinks;
        this.caseFiles = caseFiles;
        this.neighbourhoods = neighbourhoods;
        this.historyService = historyService;
        this.identityService = identityService;
    }

    @GetMapping("/staff/ontvangstbewijs/{caseNumber}")
    @PreAuthorize("hasAnyRole('front-office', 'administrator')")
    String receipt(@PathVariable String caseNumber, org.springframework.security.core.Authentication login, Model model) {
        CaseFile file = (caseNumber.length() > 32 ? Optional.<CaseFile>empty() : caseFiles.find(caseNumber))
                .orElseThrow(() -> Refusal.notFound("Zaak " + shorten(caseNumber) + " bestaat niet."));
        String registeredBy = asTheApplication(() -> {
            HistoricProcessInstance instance = historyService.createHistoricProcessInstanceQuery()
                    .processInstanceId(file.processInstanceId()).singleResult();
            return instance == null ? null : instance.getStartUserId();
        });
        boolean administrator = login.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_administrator"));
        if (!administrator && (registeredBy == null || !registeredBy.equals(login.getName()))) {
            throw Refusal.forbidden("Alleen wie het verzoek registreerde, drukt het ontvangstbewijs af.");
        }
        model.addAttribute("caseNumber", file.caseNumber());
        model.addAttribute("title", file.title());
        model.addAttribute("neighbourhood", neighbourhoods.find(file.neighbourhood()).map(Neighbourhood::name)
                .orElse(file.neighbourhood()));
        model.addAttribute("receivedOn", DutchFormat.date(file.receivedOn()));
        model.addAttribute("team", file.ownerTeam());
        model.addAttribute("deadline", file.legalDeadline() == null ? "-" : DutchFormat.date(file.legalDeadline()));
        model.addAttribute("applicant", file.applicantName());
        model.addAttribute("email", file.applicantEmail());
        model.addAttribute("registeredBy", registeredBy == null ? "-" : name(registeredBy));
        // Until the clerk has handed the receipt over (task "Ontvangstbewijs geven" completed); then only the
        // resident has it.
        model.addAttribute("statusLink", registeredBy == null ? null : statusLinks.receiptLink(file.caseNumber(), registeredBy).orElse(null));
        return "staff/receipt";
    }

    private String name(String userId) {
        User user = asTheApplication(() -> identityService.createUserQuery().userId(userId).singleResult());
        if (user == null) {
            return userId;
        }
        String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                + (user.getLastName() == null ? "" : user.getLastName())).trim();
        return name.isEmpty() ? userId : name;
    }

    /** The application asks, not the clerk: the front office reads no history (role-authorizations.yml). */
    private <T> T asTheApplication(java.util.function.Supplier<T> query) {
        Authentication caller = identityService.getCurrentAuthentication();
        identityService.clearAuthentication();
        try {
            return query.get();
        } finally {
            if (caller != null) {
                identityService.setAuthentication(caller);
            }
        }
    }

    private static String shorten(String text) {
        return text.length() <= 32 ? text : text.substring(0, 32) + "…";
    }
}
