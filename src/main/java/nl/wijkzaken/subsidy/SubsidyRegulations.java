package nl.wijkzaken.subsidy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import nl.wijkzaken.budget.BudgetLedger;
import nl.wijkzaken.budget.BudgetOverview;
import nl.wijkzaken.neighbourhood.Neighbourhood;
import nl.wijkzaken.neighbourhood.Neighbourhoods;
import nl.wijkzaken.refusal.Refusal;
import nl.wijkzaken.shared.DutchFormat;
import nl.wijkzaken.shared.EngineClock;

/**
 * The subsidy regulation per period and the ceiling acts per neighbourhood (Awb 4:23, 4:25-4:27).
 * <p>
 * A ceiling is usable for grants only when an act for that neighbourhood was published before its period started
 * (4:27 lid 1). Each act takes effect for applications received after the day it was published; an application
 * keeps the higher of the ceiling it was received under and the current one (4:27 lid 2). Every act also books the
 * neighbourhood's ledger of that year ({@link BudgetLedger}), which thereby becomes the ledger of the ceiling.
 * <p>
 * Joins the caller's transaction, like the ledger. Bean name {@code subsidyRegulations}.
 */
@Service("subsidyRegulations")
@Transactional(propagation = Propagation.REQUIRED)
public class SubsidyRegulations {

    private final JdbcClient jdbc;
    private final Neighbourhoods neighbourhoods;
    private final BudgetLedger ledger;

    SubsidyRegulations(JdbcClient jdbc, Neighbourhoods neighbourhoods, BudgetLedger ledger) {
        this.jdbc = jdbc;
        this.neighbourhoods = neighbourhoods;
        this.ledger = ledger;
    }

    /** Records the regulation of a period; a second one for the same period is refused. */
    public SubsidyRegulation establish(String name, String legalBasis, int year, AllocationRule rule,
                                       String publicationReference, LocalDate publishedOn, String actor) {
        require("name", name, 255, "Geef de naam van de subsidieregeling");
        require("legalBasis", legalBasis, 500, "Geef de grondslag: het artikel van de regeling (artikel 4:23 Awb)");
        requireYear(year);
        if (rule == null) {
            throw rule("allocationRule", "Kies de verdeelregel van het plafond (artikel 4:26 Awb)");
        }
        require("publicationReference", publicationReference, 255, "Geef de vindplaats van de bekendmaking, bijvoorbeeld Gemeenteblad 2025, 123456");
        if (publishedOn == null) {
            throw rule("publishedOn", "Geef de datum van bekendmaking");
        }
        require("actor", actor, 255, "Wie de regeling vastlegt ontbreekt");
        if (ofPeriod(year).isPresent()) {
            throw Refusal.conflict("Voor " + year + " is al een subsidieregeling vastgelegd").titled("Subsidieregeling bestaat al");
        }
        try {
            jdbc.sql("""
                            INSERT INTO subsidy_regulation (name, legal_basis, period_year, allocation_rule,
                                publication_reference, published_on, recorded_by, recorded_at)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(name.strip(), legalBasis.strip(), year, rule.name(), publicationReference.strip(), publishedOn,
                            actor, now())
                    .update();
        } catch (DuplicateKeyException raced) {
            throw Refusal.conflict("Voor " + year + " is al een subsidieregeling vastgelegd").titled("Subsidieregeling bestaat al");
        }
        return ofPeriod(year).orElseThrow();
    }

    public Optional<SubsidyRegulation> ofPeriod(int year) {
        return jdbc.sql("SELECT * FROM subsidy_regulation WHERE period_year = ?").param(year)
                .query(SubsidyRegulations::regulation)
                .optional();
    }

    /** Every regulation, latest period first. */
    public List<SubsidyRegulation> all() {
        return jdbc.sql("SELECT * FROM subsidy_regulation ORDER BY period_year DESC")
                .query(SubsidyRegulations::regulation)
                .list();
    }

    private static SubsidyRegulation regulation(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new SubsidyRegulation(rs.getLong("id"), rs.getString("name"), rs.getString("legal_basis"),
                rs.getInt("period_year"), AllocationRule.valueOf(rs.getString("allocation_rule")),
                rs.getString("publication_reference"), rs.getObject("published_on", LocalDate.class),
                rs.getString("recorded_by"), rs.getObject("recorded_at", OffsetDateTime.class));
    }

    /**
     * Sets or changes the ceiling of a neighbourhood in the period's regulation: a new act, and the ledger of that
     * neighbourhood and year follows it (its first budget, or a change to the new total).
     */
    public CeilingAct setCeiling(int year, String neighbourhood, BigDecimal amount, String publicationReference,
                                 LocalDate publishedOn, String actor, String reason) {
        SubsidyRegulation regulation = ofPeriod(year)
                .orElseThrow(() -> rule("year", "Voor " + year + " is geen subsidieregeling vastgelegd; leg eerst de regeling vast"));
        Neighbourhood known = neighbourhoods.find(neighbourhood == null ? "" : neighbourhood)
                .orElseThrow(() -> rule("neighbourhood", neighbourhood == null || neighbourhood.isBlank() ? "Kies een wijk" : "Onbekende wijk: " + neighbourhood));
        if (amount == null || amount.signum() < 0) {
            throw rule("amount", "Geef het plafond als bedrag van € 0,00 of meer");
        }
        require("publicationReference", publicationReference, 255, "Geef de vindplaats van de bekendmaking, bijvoorbeeld Gemeenteblad 2025, 123456");
        if (publishedOn == null) {
            throw rule("publishedOn", "Geef de datum van bekendmaking");
        }
        require("actor", actor, 255, "Wie het plafond vastlegt ontbreekt");
        require("reason", reason, 1000, "Geef een reden op");
        // Acts are recorded in the order they were published, so the latest act (what the ledger holds) is also
        // the one published last, the current ceiling of 4:27 lid 2.
        acts(year, known.code()).stream().map(CeilingAct::publishedOn).max(Comparator.naturalOrder())
                .filter(latest -> publishedOn.isBefore(latest))
                .ifPresent(latest -> {
                    throw rule("publishedOn", "Het vorige plafondbesluit is op " + DutchFormat.date(latest)
                            + " bekendgemaakt; een nieuw besluit kan niet eerder bekendgemaakt zijn");
                });
        if (ledger.hasBudget(neighbourhood, year)) {
            // The ledger refuses a total below what is reserved as well (under its row lock); this says it in the
            // ceiling's words first. Lowering never takes back a grant: Awb 4:27 lid 2 protects what was received.
            BigDecimal granted = ledger.overview(neighbourhood, year).map(BudgetOverview::reserved).orElse(BigDecimal.ZERO);
            if (amount.compareTo(granted) < 0) {
                throw rule("amount", "Het plafond kan niet lager worden dan wat al is verleend (" + DutchFormat.euro(granted) + ")");
            }
            ledger.changeBudget(neighbourhood, year, amount, actor, "Subsidieplafond " + publicationReference.strip() + ": " + reason.strip());
        } else {
            ledger.setBudget(neighbourhood, year, amount, actor, "Subsidieplafond " + publicationReference.strip() + ": " + reason.strip());
        }
        jdbc.sql("""
                        INSERT INTO subsidy_ceiling_act (regulation_id, neighbourhood, amount, publication_reference,
                            published_on, recorded_by, recorded_at, reason)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(regulation.id(), known.code(), amount.setScale(2), publicationReference.strip(), publishedOn, actor,
                        now(), reason.strip())
                .update();
        List<CeilingAct> acts = acts(year, neighbourhood);
        return acts.get(acts.size() - 1);
    }

    /** Every ceiling act of a neighbourhood in a period, in the order they were recorded. */
    public List<CeilingAct> acts(int year, String neighbourhood) {
        return jdbc.sql("""
                        SELECT a.* FROM subsidy_ceiling_act a JOIN subsidy_regulation r ON r.id = a.regulation_id
                        WHERE r.period_year = ? AND a.neighbourhood = ? ORDER BY a.id""")
                .params(year, neighbourhood)
                .query((rs, i) -> new CeilingAct(rs.getLong("id"), rs.getLong("regulation_id"), rs.getString("neighbourhood"),
                        rs.getBigDecimal("amount").setScale(2), rs.getString("publication_reference"),
                        rs.getObject("published_on", LocalDate.class), rs.getString("recorded_by"),
                        rs.getObject("recorded_at", OffsetDateTime.class), rs.getString("reason")))
                .list();
    }

    /**
     * The ceiling that counts for an application received on {@code receivedOn} in this neighbourhood and period;
     * empty when the period has no usable ceiling ({@link #whyNoCeiling} says why).
     */
    public Optional<CeilingInForce> ceilingFor(String neighbourhood, int year, LocalDate receivedOn) {
        Optional<SubsidyRegulation> regulation = ofPeriod(year);
        if (regulation.isEmpty() || whyNoCeiling(neighbourhood, year).isPresent()) {
            return Optional.empty();
        }
        Comparator<CeilingAct> byPublication = Comparator.comparing(CeilingAct::publishedOn).thenComparing(CeilingAct::id);
        List<CeilingAct> acts = acts(year, neighbourhood);
        CeilingAct current = acts.stream().max(byPublication).orElseThrow();
        CeilingAct atReceipt = acts.stream().filter(act -> act.publishedOn().isBefore(receivedOn)).max(byPublication)
                .orElse(current);
        CeilingAct applied = atReceipt.amount().compareTo(current.amount()) > 0 ? atReceipt : current;
        String name = neighbourhoods.find(neighbourhood).map(Neighbourhood::name).orElse(neighbourhood);
        return Optional.of(new CeilingInForce(regulation.get(), neighbourhood, name, applied, current));
    }

    /**
     * Why no grant can be made from this neighbourhood's ceiling in this period, in words for a letter; empty when
     * a ceiling was published before the period started (Awb 4:27 lid 1).
     */
    public Optional<String> whyNoCeiling(String neighbourhood, int year) {
        String name = neighbourhoods.find(neighbourhood).map(Neighbourhood::name).orElse(neighbourhood);
        Optional<SubsidyRegulation> regulation = ofPeriod(year);
        if (regulation.isEmpty()) {
            return Optional.of("Voor " + year + " is geen subsidieregeling buurtbudget vastgesteld, dus ook geen subsidieplafond "
                    + "(artikel 4:25 en 4:27 Awb)");
        }
        List<CeilingAct> acts = acts(year, neighbourhood);
        if (acts.isEmpty()) {
            return Optional.of("Voor " + name + " is in de " + regulation.get().name() + " geen subsidieplafond voor " + year
                    + " vastgesteld (artikel 4:25 Awb)");
        }
        LocalDate start = regulation.get().periodStart();
        if (acts.stream().noneMatch(act -> act.publishedOn().isBefore(start))) {
            LocalDate first = acts.stream().map(CeilingAct::publishedOn).min(Comparator.naturalOrder()).orElseThrow();
            return Optional.of("Het subsidieplafond voor " + name + " in " + year + " is pas op " + DutchFormat.date(first)
                    + " bekendgemaakt; artikel 4:27 lid 1 Awb eist bekendmaking vóór het begin van het tijdvak ("
                    + DutchFormat.date(start) + "), dus kan er in " + year + " geen subsidie uit worden verleend");
        }
        return Optional.empty();
    }

    private static void require(String field, String value, int maxLength, String message) {
        if (value == null || value.isBlank()) {
            throw rule(field, message);
        }
        if (value.length() > maxLength) {
            throw rule(field, "Hoogstens " + maxLength + " tekens");
        }
    }

    private static void requireYear(int year) {
        if (year < BudgetLedger.FIRST_YEAR || year > BudgetLedger.LAST_YEAR) {
            throw rule("year", "Het jaar moet tussen " + BudgetLedger.FIRST_YEAR + " en " + BudgetLedger.LAST_YEAR + " liggen");
        }
    }

    private static Refusal rule(String field, String message) {
        return Refusal.invalid(message).with("errors", Map.of(field, message));
    }

    private static OffsetDateTime now() {
        return EngineClock.now().atOffset(ZoneOffset.UTC);
    }
}
