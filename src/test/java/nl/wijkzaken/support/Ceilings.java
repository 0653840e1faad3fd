package nl.wijkzaken.support;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import nl.wijkzaken.budget.BudgetLedger;
import nl.wijkzaken.subsidy.AllocationRule;
import nl.wijkzaken.subsidy.Allocations;
import nl.wijkzaken.subsidy.CeilingAct;
import nl.wijkzaken.subsidy.SubsidyRegulations;

/**
 * TEST ONLY: grants need a published ceiling (Awb 4:25-4:27). The subsidy regulation of a year, published on
 * 1 December of the year before, and a ceiling that leaves room for what a test grants, set as the municipality
 * does: a new ceiling act (which books the ledger).
 */
public final class Ceilings {

    private Ceilings() {
    }

    /** The regulation of this year, published before the period, unless there is one. */
    public static void regulation(SubsidyRegulations regulations, int year) {
        if (regulations.ofPeriod(year).isEmpty()) {
            regulations.establish("Subsidieregeling buurtbudget Stichtse Vecht " + year,
                    "artikel 3 van de Subsidieregeling buurtbudget Stichtse Vecht " + year, year,
                    AllocationRule.VOLGORDE_VAN_VOLLEDIGE_ONTVANGST, "Gemeenteblad " + (year - 1) + ", 100" + year,
                    LocalDate.of(year - 1, 12, 1), "test");
        }
    }

    /** A published ceiling of exactly {@code amount} for this neighbourhood and year (a new act when it differs). */
    public static void ceiling(SubsidyRegulations regulations, String neighbourhood, int year, BigDecimal amount) {
        regulation(regulations, year);
        List<CeilingAct> acts = regulations.acts(year, neighbourhood);
        CeilingAct latest = acts.stream().max(Comparator.comparing(CeilingAct::publishedOn).thenComparing(CeilingAct::id)).orElse(null);
        if (latest != null && latest.amount().compareTo(amount) == 0) {
            return;
        }
        regulations.setCeiling(year, neighbourhood, amount, "Gemeenteblad " + (year - 1) + ", testplafond",
                latest == null ? LocalDate.of(year - 1, 12, 1) : latest.publishedOn(), "test", "Plafond voor de tests");
    }

    /**
     * Sets the ceiling so that exactly {@code room} is left for a new application, behind what is granted and what
     * every undecided complete application claims.
     */
    public static void room(SubsidyRegulations regulations, Allocations allocations, BudgetLedger ledger,
                            String neighbourhood, int year, BigDecimal room) {
        BigDecimal claimed = allocations.position("-", neighbourhood, LocalDate.of(year, 6, 1), room).claimedEarlier();
        ceiling(regulations, neighbourhood, year, ledger.reserved(neighbourhood, year).add(claimed).add(room));
    }

    /**
     * Raises the ceiling (a new act) when a new application asking {@code needed} would not fit behind what is granted
     * and what every undecided complete application claims: tests of a shared database leave cases undecided.
     */
    public static void cover(SubsidyRegulations regulations, Allocations allocations, BudgetLedger ledger,
                             String neighbourhood, int year, BigDecimal needed) {
        regulation(regulations, year);
        List<CeilingAct> acts = regulations.acts(year, neighbourhood);
        BigDecimal ceiling = acts.stream().max(Comparator.comparing(CeilingAct::publishedOn).thenComparing(CeilingAct::id))
                .map(CeilingAct::amount).orElse(BigDecimal.ZERO);
        BigDecimal claimed = allocations.position("-", neighbourhood, LocalDate.of(year, 6, 1), needed).claimedEarlier();
        BigDecimal shortBy = needed.add(ledger.reserved(neighbourhood, year)).add(claimed).subtract(ceiling);
        if (acts.isEmpty() || shortBy.signum() > 0) {
            ceiling(regulations, neighbourhood, year, ceiling.add(shortBy.max(BigDecimal.ZERO)));
        }
    }
}
