package nl.wijkzaken.subsidy.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import nl.wijkzaken.neighbourhood.Neighbourhoods;
import nl.wijkzaken.refusal.Refusal;
import nl.wijkzaken.shared.DutchFormat;
import nl.wijkzaken.shared.EngineClock;
import nl.wijkzaken.subsidy.AllocationRule;
import nl.wijkzaken.subsidy.CeilingAct;
import nl.wijkzaken.subsidy.SubsidyRegulation;
import nl.wijkzaken.subsidy.SubsidyRegulations;

/**
 * The staff page "Subsidieregeling en plafonds" (Dutch, server-rendered): the regulation of a year, per neighbourhood
 * the ceiling in force with its publication and the history of acts, and for gebiedsmanager and administrator the
 * forms to establish a regulation and record a ceiling act. Refusals are shown next to the fields.
 */
@Controller
@RequestMapping("/staff/subsidieregeling")
class SubsidyRegulationPage {

    private static final String VIEW = "staff/subsidy-regulation";

    private final SubsidyRegulations regulations;
    private final CeilingOverviews overviews;
    private final SubsidyAccess access;
    private final Neighbourhoods neighbourhoods;
    private final IdentityService identityService;

    SubsidyRegulationPage(SubsidyRegulations regulations, CeilingOverviews overviews, SubsidyAccess access,
                          Neighbourhoods neighbourhoods, IdentityService identityService) {
        this.regulations = regulations;
        this.overviews = overviews;
        this.access = access;
        this.neighbourhoods = neighbourhoods;
        this.identityService = identityService;
    }

    @GetMapping
    String page(@RequestParam(name = "jaar", required = false) Integer year,
                @RequestParam(name = "vastgelegd", required = false) String recorded, Model model,
                HttpServletResponse response) {
        int shown = year == null ? EngineClock.today().getYear() : year;
        if (!prepare(shown, model, response)) {
            return VIEW;
        }
        model.addAttribute("act", new ActForm(null, null, null, null, null));
        model.addAttribute("regulationForm", RegulationForm.proposal(shown));
        model.addAttribute("recorded", recorded == null ? null : neighbourhoods.find(recorded).map(n -> n.name()).orElse(null));
        return VIEW;
    }

    @PostMapping("/{year}/plafonds")
    @PreAuthorize(SubsidyAccess.MANAGERS)
    String recordAct(@PathVariable int year, @ModelAttribute("act") ActForm act, Model model,
                     org.springframework.security.core.Authentication authentication,
                     HttpServletResponse response) {
        Map<String, String> errors = new LinkedHashMap<>();
        BigDecimal amount = parseAmount(act.bedrag(), errors);
        LocalDate publishedOn = parseDate(act.datumBekendmaking(), errors);
        if (errors.isEmpty()) {
            try {
                regulations.setCeiling(year, act.wijk(), amount, act.gemeenteblad(), publishedOn, authentication.getName(),
                        act.reden());
                return "redirect:/staff/subsidieregeling?jaar=" + year + "&vastgelegd=" + act.wijk();
            } catch (Refusal refusal) {
                errors.putAll(fieldsOf(refusal, Map.of("neighbourhood", "wijk", "amount", "bedrag",
                        "publicationReference", "gemeenteblad", "publishedOn", "datumBekendmaking", "reason", "reden")));
                response.setStatus(refusal.status());
            }
        } else {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        int status = response.getStatus();
        prepare(year, model, response);
        response.setStatus(status);
        model.addAttribute("actErrors", errors);
        model.addAttribute("regulationForm", RegulationForm.proposal(year));
        return VIEW;
    }

    @PostMapping("/{year}")
    @PreAuthorize(SubsidyAccess.MANAGERS)
    String establish(@PathVariable int year, @ModelAttribute("regulationForm") RegulationForm form, Model model,
                     org.springframework.security.core.Authentication authentication, HttpServletResponse response) {
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate publishedOn = parseDate(form.datumBekendmaking(), errors);
        if (errors.isEmpty()) {
            try {
                regulations.establish(form.naam(), form.grondslag(), year, AllocationRule.VOLGORDE_VAN_VOLLEDIGE_ONTVANGST,
                        form.gemeenteblad(), publishedOn, authentication.getName());
                return "redirect:/staff/subsidieregeling?jaar=" + year;
            } catch (Refusal refusal) {
                errors.putAll(fieldsOf(refusal, Map.of("name", "naam", "legalBasis", "grondslag", "year", "naam",
                        "publicationReference", "gemeenteblad", "publishedOn", "datumBekendmaking")));
                response.setStatus(refusal.status());
            }
        } else {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        int status = response.getStatus();
        prepare(year, model, response);
        response.setStatus(status);
        model.addAttribute("regulationErrors", errors);
        model.addAttribute("act", new ActForm(null, null, null, null, null));
        return VIEW;
    }

    /** The model every rendering needs; false when the caller may not read (the page then says so). */
    private boolean prepare(int year, Model model, HttpServletResponse response) {
        model.addAttribute("year", year);
        model.addAttribute("actErrors", Map.of());
        model.addAttribute("regulationErrors", Map.of());
        try {
            access.requireStaff();
        } catch (Refusal refusal) {
            response.setStatus(refusal.status());
            model.addAttribute("forbidden", refusal.getMessage());
            return false;
        }
        model.addAttribute("mayRecord", access.mayRecord());
        model.addAttribute("years", regulations.all().stream()
                .map(r -> new YearLink(r.periodYear(), r.name())).toList());
        model.addAttribute("neighbourhoods", neighbourhoods.all());
        model.addAttribute("regulation", regulations.ofPeriod(year).map(this::regulationView).orElse(null));
        if (regulations.ofPeriod(year).isPresent()) {
            model.addAttribute("ceilings", overviews.of(year).ceilings().stream().map(this::ceilingView).toList());
        }
        return true;
    }

    private RegulationView regulationView(SubsidyRegulation r) {
        return new RegulationView(r.name(), r.legalBasis(), r.allocationRule().label(),
                r.publicationReference() + ", bekendgemaakt op " + DutchFormat.date(r.publishedOn()),
                staffName(r.recordedBy()) + " op " + DutchFormat.dateTime(r.recordedAt().toInstant()));
    }

    private CeilingView ceilingView(CeilingOverviews.NeighbourhoodCeiling c) {
        return new CeilingView(c.neighbourhood(), c.neighbourhoodName(),
                c.ceiling() == null ? "Geen plafond" : DutchFormat.euro(c.ceiling()),
                c.current() == null ? "" : c.current().publicationReference() + " (" + DutchFormat.date(c.current().publishedOn()) + ")",
                c.whyNoCeiling(),
                c.acts().stream().map(this::actView).toList());
    }

    private ActView actView(CeilingAct act) {
        return new ActView(DutchFormat.euro(act.amount()), act.publicationReference(), DutchFormat.date(act.publishedOn()),
                act.reason(), staffName(act.recordedBy()), DutchFormat.dateTime(act.recordedAt().toInstant()));
    }

    /** The name of the staff member, never the user id; the demo data says what it is. */
    private String staffName(String userId) {
        if (SubsidyDemoData.ACTOR.equals(userId)) {
            return "Demogegevens";
        }
        // The application asks, not the caller: not every staff member may read other users.
        Authentication caller = identityService.getCurrentAuthentication();
        identityService.clearAuthentication();
        try {
            User user = identityService.createUserQuery().userId(userId).singleResult();
            return user == null ? userId : (nullToEmpty(user.getFirstName()) + " " + nullToEmpty(user.getLastName())).strip();
        } finally {
            if (caller != null) {
                identityService.setAuthentication(caller);
            }
        }
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    /** Euros as people type them: 10000, 10.000, 10.000,00 or 10000,50. */
    static BigDecimal parseAmount(String text, Map<String, String> errors) {
        String value = text == null ? "" : text.replace("€", "").replace(" ", "").replace("\u00a0", "").strip();
        if (value.isEmpty()) {
            errors.put("bedrag", "Het bedrag ontbreekt");
            return null;
        }
        if (!value.matches("-?(\\d{1,3}(\\.\\d{3})+|\\d+)(,\\d{1,2})?")) {
            errors.put("bedrag", "Geef een bedrag in euro's, bijvoorbeeld 10.000 of 10.000,00");
            return null;
        }
        return new BigDecimal(value.replace(".", "").replace(',', '.'));
    }

    static LocalDate parseDate(String text, Map<String, String> errors) {
        if (text == null || text.isBlank()) {
            errors.put("datumBekendmaking", "Geef de datum van bekendmaking");
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            errors.put("datumBekendmaking", "Geef de datum als jjjj-mm-dd, bijvoorbeeld 2025-11-15");
            return null;
        }
    }

    /** The refusal's message per form field; a refusal without a field goes to the first field named. */
    private static Map<String, String> fieldsOf(Refusal refusal, Map<String, String> fieldNames) {
        Map<String, String> errors = new LinkedHashMap<>();
        Object named = refusal.properties().get("errors");
        if (named instanceof Map<?, ?> map) {
            map.forEach((field, message) -> errors.put(fieldNames.getOrDefault(String.valueOf(field), "algemeen"),
                    String.valueOf(message)));
        }
        if (errors.isEmpty()) {
            errors.put("algemeen", refusal.getMessage());
        }
        return errors;
    }

    record ActForm(String wijk, String bedrag, String gemeenteblad, String datumBekendmaking, String reden) {
    }

    record RegulationForm(String naam, String grondslag, String gemeenteblad, String datumBekendmaking) {

        static RegulationForm proposal(int year) {
            return new RegulationForm("Subsidieregeling buurtbudget Stichtse Vecht " + year,
                    "artikel 4 van de Subsidieregeling buurtbudget Stichtse Vecht " + year, "", "");
        }
    }

    record YearLink(int year, String name) {
    }

    record RegulationView(String name, String legalBasis, String allocationRule, String publication, String recorded) {
    }

    record CeilingView(String neighbourhood, String neighbourhoodName, String ceiling, String publication,
                       String whyNoCeiling, List<ActView> acts) {
    }

    record ActView(String amount, String publication, String publishedOn, String reason, String recordedBy,
                   String recordedAt) {
    }
}
