package nl.wijkzaken.budget.internal;

import java.math.BigDecimal;
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
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import nl.wijkzaken.neighbourhood.Neighbourhoods;
import nl.wijkzaken.budget.BudgetLedger;
import nl.wijkzaken.budget.BudgetOverview;
import nl.wijkzaken.refusal.Refusal;

/** Budget overviews for staff and releases of grants; the budget itself follows the subsidy ceiling. */
@RestController
@RequestMapping("/api/budgets")
class BudgetController {

    /** No control characters but tab and line breaks (PostgreSQL cannot store NUL; the rest is noise). */
    static final String TEXT = "[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]*";
    static final String CONTROL_CHARACTER = "Bevat een onzichtbaar stuurteken; verwijder het";

    private final BudgetLedger ledger;
    private final BudgetAccess access;
    private final Neighbourhoods neighbourhoods;

    BudgetController(BudgetLedger ledger, BudgetAccess access, Neighbourhoods neighbourhoods) {
        this.ledger = ledger;
        this.access = access;
        this.neighbourhoods = neighbourhoods;
    }

    /** The overviews of one year that the caller may read, one per neighbourhood with a budget. */
    @GetMapping
    List<BudgetOverview> overviews(@RequestParam int year) {
        return neighbourhoods.all().stream()
                .filter(n -> access.mayRead(n.code()))
                .flatMap(n -> ledger.overview(n.code(), year).stream())
                .toList();
    }

    @GetMapping("/{neighbourhood}/{year}")
    BudgetOverview overview(@PathVariable String neighbourhood, @PathVariable int year) {
        if (!access.mayRead(neighbourhood)) {
            throw Refusal.forbidden("U mag het buurtbudget van " + name(neighbourhood) + " niet inzien");
        }
        return ledger.overview(neighbourhood, year).orElseThrow(() -> Refusal.notFound(
                "Voor " + name(neighbourhood) + " is in " + year + " geen buurtbudget vastgesteld")
                .titled("Geen buurtbudget"));
    }

    /**
     * Budgets are no longer set here: the budget of a neighbourhood and year is the ledger of its subsidy ceiling
     * (Awb 4:25), which changes only by a published ceiling act. Still validated first, so bad input gets its own
     * answer; valid input is refused with where the ceiling is recorded.
     */
    @PostMapping
    @PreAuthorize(BudgetAccess.MANAGERS)
    ResponseEntity<BudgetOverview> set(@Valid @RequestBody NewBudget request) {
        throw followsTheCeiling(request.neighbourhood(), request.year());
    }

    /** See {@link #set}: a change of the budget is a new ceiling act. */
    @PutMapping("/{neighbourhood}/{year}")
    @PreAuthorize(BudgetAccess.MANAGERS)
    BudgetOverview change(@PathVariable String neighbourhood, @PathVariable int year,
                          @Valid @RequestBody BudgetChange request) {
        throw followsTheCeiling(neighbourhood, year);
    }

    /** A later release of (part of) a grant, e.g. withdrawn or less spent: a new RELEASE movement. */
    @PostMapping("/{neighbourhood}/{year}/releases")
    @PreAuthorize(BudgetAccess.MANAGERS)
    BudgetOverview release(@PathVariable String neighbourhood, @PathVariable int year,
                           @Valid @RequestBody Release request, Authentication user) {
        ledger.release(neighbourhood, year, request.caseNumber(), request.amount(), user.getName(), request.reason());
        return ledger.overview(neighbourhood, year).orElseThrow();
    }

    private Refusal followsTheCeiling(String neighbourhood, int year) {
        return Refusal.conflict("Het buurtbudget wordt niet los vastgesteld of gewijzigd: het volgt het subsidieplafond. "
                        + "Leg een nieuw plafondbesluit voor " + name(neighbourhood) + " in " + year
                        + " vast op de pagina Subsidieregeling en plafonds (/staff/subsidieregeling).")
                .titled("Het budget volgt het subsidieplafond")
                .with("ceiling", "/api/subsidy-regulations/" + year + "/ceilings/" + neighbourhood);
    }

    private String name(String code) {
        return neighbourhoods.find(code).map(n -> n.name()).orElse(code);
    }

    record NewBudget(
            @NotBlank(message = "Kies een wijk") @Pattern(regexp = TEXT, message = CONTROL_CHARACTER) String neighbourhood,
            @NotNull(message = "Het jaar ontbreekt")
            @Min(value = BudgetLedger.FIRST_YEAR, message = "Het jaar moet tussen 2000 en 2999 liggen")
            @Max(value = BudgetLedger.LAST_YEAR, message = "Het jaar moet tussen 2000 en 2999 liggen") Integer year,
            @NotNull(message = "Het bedrag ontbreekt")
            @DecimalMin(value = "0.00", message = "Het bedrag mag niet negatief zijn")
            @Digits(integer = 10, fraction = 2, message = "Een bedrag in euro's met hoogstens twee cijfers achter de komma") BigDecimal amount,
            @NotBlank(message = "Geef een reden op") @Size(max = 1000, message = "Hoogstens 1000 tekens")
            @Pattern(regexp = TEXT, message = CONTROL_CHARACTER) String reason) {
    }

    record BudgetChange(
            @NotNull(message = "Het bedrag ontbreekt")
            @DecimalMin(value = "0.00", message = "Het bedrag mag niet negatief zijn")
            @Digits(integer = 10, fraction = 2, message = "Een bedrag in euro's met hoogstens twee cijfers achter de komma") BigDecimal amount,
            @NotBlank(message = "Geef een reden op") @Size(max = 1000, message = "Hoogstens 1000 tekens")
            @Pattern(regexp = TEXT, message = CONTROL_CHARACTER) String reason) {
    }

    record Release(
            @NotBlank(message = "Het zaaknummer ontbreekt") @Size(max = 64, message = "Hoogstens 64 tekens")
            @Pattern(regexp = TEXT, message = CONTROL_CHARACTER) String caseNumber,
            @NotNull(message = "Het bedrag ontbreekt")
            @DecimalMin(value = "0.01", message = "Het bedrag moet groter zijn dan € 0,00")
            @Digits(integer = 10, fraction = 2, message = "Een bedrag in euro's met hoogstens twee cijfers achter de komma") BigDecimal amount,
            @NotBlank(message = "Geef een reden op") @Size(max = 1000, message = "Hoogstens 1000 tekens")
            @Pattern(regexp = TEXT, message = CONTROL_CHARACTER) String reason) {
    }
}
