package nl.wijkzaken.audit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

import nl.wijkzaken.casefile.CaseFileEntry;
import nl.wijkzaken.casefile.CaseFileRegister;
import nl.wijkzaken.casefile.CaseFileSearch;
import nl.wijkzaken.casefile.CaseFileSearchResult;
import nl.wijkzaken.casefile.Outcome;
import nl.wijkzaken.neighbourhood.Neighbourhood;
import nl.wijkzaken.neighbourhood.Neighbourhoods;

/**
 * The auditors' case search, shared by the API and the search page: the parameters as typed, checked field by
 * field (Dutch messages), then the case register's search, each hit with the role of its deciding group.
 */
@Service
class DossierSearches {

    static final int DEFAULT_SIZE = 20;
    static final int MAX_SIZE = 100;
    private static final Pattern CASE_NUMBER = Pattern.compile("[A-Za-z0-9-]{1,20}");

    private final CaseFileRegister register;
    private final Neighbourhoods neighbourhoods;
    private final DecidingRoles roles;

    DossierSearches(CaseFileRegister register, Neighbourhoods neighbourhoods, DecidingRoles roles) {
        this.register = register;
        this.neighbourhoods = neighbourhoods;
        this.roles = roles;
    }

    /** The criteria, or per field what is wrong with it; nothing is searched when anything is wrong. */
    record Checked(CaseFileSearch search, Map<String, String> errors) {
        boolean valid() {
            return errors.isEmpty();
        }
    }

    record Hit(String caseNumber, String title, String neighbourhood, String neighbourhoodName, LocalDate receivedOn,
               LocalDate legalDeadline, String status, String outcome, String outcomeLabel, BigDecimal decidedAmount,
               LocalDate decidedOn, String decidedBy, String decidingGroup, String decidingRole,
               Boolean decidedAfterDeadline, Long daysAfterDeadline) {

        public String receivedOnText() {
            return DossierView.date(receivedOn);
        }

        public String decidedOnText() {
            return DossierView.date(decidedOn);
        }

        /** For the results table: "binnen de termijn", "3 dagen te laat", or until when the term runs. */
        public String deadlineText() {
            if (daysAfterDeadline == null) {
                return legalDeadline == null ? "-" : "loopt tot en met " + DossierView.date(legalDeadline);
            }
            return daysAfterDeadline <= 0 ? "binnen de termijn"
                    : daysAfterDeadline == 1 ? "1 dag te laat" : daysAfterDeadline + " dagen te laat";
        }

        /** "gebiedsmanager (gebiedsmanager)": the user and the role (or, without a known role, the group). */
        public String decidedByText() {
            if (decidedBy == null && decidingGroup == null) {
                return "-";
            }
            String role = decidingRole != null ? decidingRole : decidingGroup;
            return (decidedBy != null ? decidedBy : "systeem") + (role != null ? " (" + role + ")" : "");
        }
    }

    record Result(List<Hit> items, int page, int size, long totalItems, int totalPages) {
    }

    Checked check(SearchForm form) {
        Map<String, String> errors = new LinkedHashMap<>();
        String caseNumber = blankToNull(form.getCaseNumber());
        if (caseNumber != null && !CASE_NUMBER.matcher(caseNumber).matches()) {
            errors.put("caseNumber", "Een zaaknummer bestaat uit hoogstens 20 letters, cijfers en streepjes, "
                    + "bijvoorbeeld BV-2026-000042.");
        }
        String neighbourhood = blankToNull(form.getNeighbourhood());
        if (neighbourhood != null && !neighbourhoods.exists(neighbourhood)) {
            errors.put("neighbourhood", "Onbekende wijk '" + neighbourhood + "'. Kies een van: "
                    + neighbourhoods.all().stream().map(Neighbourhood::code).collect(Collectors.joining(", ")) + ".");
        }
        LocalDate from = date(form.getFrom(), "from", errors);
        LocalDate to = date(form.getTo(), "to", errors);
        if (from != null && to != null && to.isBefore(from)) {
            errors.put("to", "De einddatum ligt vóór de begindatum.");
        }
        String outcome = blankToNull(form.getOutcome());
        if (outcome != null && Outcome.ofCode(outcome).isEmpty()) {
            errors.put("outcome", "Onbekende uitkomst '" + outcome + "'. Kies een van: "
                    + Arrays.stream(Outcome.values()).map(Outcome::code).collect(Collectors.joining(", ")) + ".");
        }
        String role = blankToNull(form.getDecidingRole());
        List<String> groups = null;
        if (role != null) {
            groups = roles.groupsOf(role).orElse(null);
            if (groups == null) {
                errors.put("decidingRole", "Onbekende rol '" + role + "'. Kies een van: "
                        + String.join(", ", roles.roles()) + ".");
            }
        }
        Boolean late = null;
        String lateText = blankToNull(form.getDecidedAfterDeadline());
        if (lateText != null) {
            if ("true".equalsIgnoreCase(lateText) || "false".equalsIgnoreCase(lateText)) {
                late = Boolean.valueOf(lateText.toLowerCase());
            } else {
                errors.put("decidedAfterDeadline", "Kies true (besloten na de beslistermijn) of false (binnen de termijn).");
            }
        }
        Integer page = number(form.getPage(), 0, 0, Integer.MAX_VALUE / MAX_SIZE, "page",
                "Het paginanummer is een geheel getal vanaf 0.", errors);
        Integer size = number(form.getSize(), DEFAULT_SIZE, 1, MAX_SIZE, "size",
                "Het aantal per pagina is een geheel getal van 1 tot en met " + MAX_SIZE + ".", errors);
        if (!errors.isEmpty()) {
            return new Checked(null, errors);
        }
        return new Checked(new CaseFileSearch(caseNumber, neighbourhood, from, to, outcome, groups, late, page, size), Map.of());
    }

    /** An outcome code from the case file in words; an unknown code as it is. */
    static String label(String outcome) {
        return outcome == null ? null : Outcome.ofCode(outcome).map(Outcome::label).orElse(outcome);
    }

    Result search(CaseFileSearch search) {
        Map<String, String> names = neighbourhoods.all().stream()
                .collect(Collectors.toMap(Neighbourhood::code, Neighbourhood::name));
        CaseFileSearchResult found = register.search(search);
        Function<CaseFileEntry, Hit> hit = c -> new Hit(c.caseNumber(), c.title(), c.neighbourhood(),
                names.getOrDefault(c.neighbourhood(), c.neighbourhood()), c.receivedOn(), c.legalDeadline(), c.status(),
                c.outcome(), label(c.outcome()), c.decidedAmount(), c.decidedOn(), c.decidedBy(),
                c.decidingGroup(), roles.roleOf(c.decidingGroup()).orElse(null), c.decidedAfterDeadline(),
                c.decidedOn() == null || c.legalDeadline() == null ? null
                        : ChronoUnit.DAYS.between(c.legalDeadline(), c.decidedOn()));
        return new Result(found.items().stream().map(hit).toList(), found.page(), found.size(), found.totalItems(),
                found.totalPages());
    }

    private static LocalDate date(String text, String field, Map<String, String> errors) {
        String value = blankToNull(text);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            errors.put(field, "Vul een datum in als jjjj-mm-dd, bijvoorbeeld 2026-01-31.");
            return null;
        }
    }

    private static Integer number(String text, int absent, int min, int max, String field, String message,
                                  Map<String, String> errors) {
        String value = blankToNull(text);
        if (value == null) {
            return absent;
        }
        try {
            int number = Integer.parseInt(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.put(field, message);
        return null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** The search parameters exactly as the API or the page received them. */
    static class SearchForm {
        private String caseNumber;
        private String neighbourhood;
        private String from;
        private String to;
        private String outcome;
        private String decidingRole;
        private String decidedAfterDeadline;
        private String page;
        private String size;

        public String getCaseNumber() { return caseNumber; }
        public void setCaseNumber(String caseNumber) { this.caseNumber = caseNumber; }
        public String getNeighbourhood() { return neighbourhood; }
        public void setNeighbourhood(String neighbourhood) { this.neighbourhood = neighbourhood; }
        public String getFrom() { return from; }
        public void setFrom(String from) { this.from = from; }
        public String getTo() { return to; }
        public void setTo(String to) { this.to = to; }
        public String getOutcome() { return outcome; }
        public void setOutcome(String outcome) { this.outcome = outcome; }
        public String getDecidingRole() { return decidingRole; }
        public void setDecidingRole(String decidingRole) { this.decidingRole = decidingRole; }
        public String getDecidedAfterDeadline() { return decidedAfterDeadline; }
        public void setDecidedAfterDeadline(String decidedAfterDeadline) { this.decidedAfterDeadline = decidedAfterDeadline; }
        public String getPage() { return page; }
        public void setPage(String page) { this.page = page; }
        public String getSize() { return size; }
        public void setSize(String size) { this.size = size; }
    }
}
