package nl.wijkzaken.subsidy.internal;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import nl.wijkzaken.budget.BudgetLedger;
import nl.wijkzaken.refusal.Refusal;
import nl.wijkzaken.subsidy.AllocationRule;
import nl.wijkzaken.subsidy.SubsidyRegulation;
import nl.wijkzaken.subsidy.SubsidyRegulations;

/**
 * The subsidy regulation per period and its ceilings for staff: everyone with a staff role reads, gebiedsmanager and
 * administrator record. The actor of every act is the authenticated user, never a submitted value.
 */
@RestController
@RequestMapping("/api/subsidy-regulations")
class SubsidyRegulationController {

    /** No control characters but tab and line breaks (as the budget API). */
    static final String TEXT = "[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]*";
    static final String CONTROL_CHARACTER = "Bevat een onzichtbaar stuurteken; verwijder het";

    private final SubsidyRegulations regulations;
    private final CeilingOverviews overviews;
    private final SubsidyAccess access;

    SubsidyRegulationController(SubsidyRegulations regulations, CeilingOverviews overviews, SubsidyAccess access) {
        this.regulations = regulations;
        this.overviews = overviews;
        this.access = access;
    }

    @GetMapping
    List<SubsidyRegulation> regulations() {
        access.requireStaff();
        return regulations.all();
    }

    @PostMapping
    @PreAuthorize(SubsidyAccess.MANAGERS)
    ResponseEntity<SubsidyRegulation> establish(@Valid @RequestBody NewRegulation request, Authentication user) {
        AllocationRule rule = AllocationRule.ofCode(request.allocationRule()).orElseThrow(() -> Refusal
                .invalid("Onbekende verdeelregel").with("errors", java.util.Map.of("allocationRule",
                        "Kies de verdeelregel " + AllocationRule.VOLGORDE_VAN_VOLLEDIGE_ONTVANGST.code())));
        SubsidyRegulation established = regulations.establish(request.name(), request.legalBasis(), request.year(), rule,
                request.publicationReference(), request.publishedOn(), user.getName());
        return ResponseEntity.created(URI.create("/api/subsidy-regulations/" + established.periodYear() + "/ceilings"))
                .body(established);
    }

    @GetMapping("/{year}/ceilings")
    CeilingOverviews.CeilingOverview ceilings(@PathVariable int year) {
        access.requireStaff();
        return overviews.of(year);
    }

    @PostMapping("/{year}/ceilings/{neighbourhood}")
    @PreAuthorize(SubsidyAccess.MANAGERS)
    ResponseEntity<CeilingOverviews.NeighbourhoodCeiling> setCeiling(@PathVariable int year, @PathVariable String neighbourhood,
                                                                     @Valid @RequestBody NewCeilingAct request,
                                                                     Authentication user) {
        regulations.setCeiling(year, neighbourhood, request.amount(), request.publicationReference(), request.publishedOn(),
                user.getName(), request.reason());
        CeilingOverviews.NeighbourhoodCeiling ceiling = overviews.of(year).ceilings().stream()
                .filter(c -> c.neighbourhood().equals(neighbourhood)).findFirst().orElseThrow();
        return ResponseEntity.created(URI.create("/api/subsidy-regulations/" + year + "/ceilings")).body(ceiling);
    }

    record NewRegulation(
            @NotBlank(message = "Geef de naam van de subsidieregeling") @Size(max = 255, message = "Hoogstens 255 tekens")
            @Pattern(regexp = TEXT, message = CONTROL_CHARACTER) String name,
            @NotBlank(message = "Geef de grondslag: het artikel van de regeling (artikel 4:23 Awb)")
            @Size(max = 500, message = "Hoogstens 500 tekens") @Pattern(regexp = TEXT, message = CONTROL_CHARACTER) String legalBasis,
            @NotNull(message = "Het jaar ontbreekt")
            @Min(value = BudgetLedger.FIRST_YEAR, message = "Het jaar moet tussen 2000 en 2999 liggen")
            @Max(value = BudgetLedger.LAST_YEAR, message = "Het jaar moet tussen 2000 en 2999 liggen") Integer year,
            @NotBlank(message = "Kies de verdeelregel van het plafond (artikel 4:26 Awb)") String allocationRule,
            @NotBlank(message = "Geef de vindplaats van de bekendmaking, bijvoorbeeld Gemeenteblad 2025, 123456")
            @Size(max = 255, message = "Hoogstens 255 tekens") @Pattern(regexp = TEXT, message = CONTROL_CHARACTER) String publicationReference,
            @NotNull(message = "Geef de datum van bekendmaking") LocalDate publishedOn) {
    }

    record NewCeilingAct(
            @NotNull(message = "Het bedrag ontbreekt")
            @DecimalMin(value = "0.00", message = "Het plafond mag niet negatief zijn")
            @Digits(integer = 10, fraction = 2, message = "Een bedrag in euro's met hoogstens twee cijfers achter de komma") BigDecimal amount,
            @NotBlank(message = "Geef de vindplaats van de bekendmaking, bijvoorbeeld Gemeenteblad 2025, 123456")
            @Size(max = 255, message = "Hoogstens 255 tekens") @Pattern(regexp = TEXT, message = CONTROL_CHARACTER) String publicationReference,
            @NotNull(message = "Geef de datum van bekendmaking") LocalDate publishedOn,
            @NotBlank(message = "Geef een reden op") @Size(max = 1000, message = "Hoogstens 1000 tekens")
            @Pattern(regexp = TEXT, message = CONTROL_CHARACTER) String reason) {
    }
}
