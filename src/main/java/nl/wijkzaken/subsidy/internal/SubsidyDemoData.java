package nl.wijkzaken.subsidy.internal;

import java.time.LocalDate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import nl.wijkzaken.budget.BudgetLedger;
import nl.wijkzaken.budget.BudgetOverview;
import nl.wijkzaken.neighbourhood.Neighbourhood;
import nl.wijkzaken.neighbourhood.Neighbourhoods;
import nl.wijkzaken.shared.EngineClock;
import nl.wijkzaken.subsidy.AllocationRule;
import nl.wijkzaken.subsidy.SubsidyRegulations;

/**
 * The demo's subsidy regulation for this year and next, published on 1 December of the year before (Awb 4:27 lid 1),
 * and a ceiling act for every demo budget that has none, of the budget's amount, so grants in the demo have a
 * published ceiling. Idempotent, after the demo budgets.
 */
@Component
@Order(110)
@ConditionalOnProperty(name = "wijkzaken.demo-data.enabled", havingValue = "true")
class SubsidyDemoData implements ApplicationRunner {

    static final String ACTOR = "demo-data";
    private static final Logger log = LoggerFactory.getLogger(SubsidyDemoData.class);

    private final SubsidyRegulations regulations;
    private final BudgetLedger ledger;
    private final Neighbourhoods neighbourhoods;

    SubsidyDemoData(SubsidyRegulations regulations, BudgetLedger ledger, Neighbourhoods neighbourhoods) {
        this.regulations = regulations;
        this.ledger = ledger;
        this.neighbourhoods = neighbourhoods;
    }

    @Override
    public void run(ApplicationArguments args) {
        int thisYear = EngineClock.today().getYear();
        for (int year = thisYear; year <= thisYear + 1; year++) {
            LocalDate published = LocalDate.of(year - 1, 12, 1);
            String publication = "Gemeenteblad " + (year - 1) + ", demo";
            if (regulations.ofPeriod(year).isEmpty()) {
                regulations.establish("Subsidieregeling buurtbudget Stichtse Vecht " + year,
                        "artikel 3 van de Subsidieregeling buurtbudget Stichtse Vecht " + year,
                        year, AllocationRule.VOLGORDE_VAN_VOLLEDIGE_ONTVANGST, publication, published, ACTOR);
            }
            for (Neighbourhood neighbourhood : neighbourhoods.all()) {
                String code = neighbourhood.code();
                if (regulations.acts(year, code).isEmpty()) {
                    int period = year;
                    ledger.overview(code, year).map(BudgetOverview::budget).ifPresent(budget ->
                            regulations.setCeiling(period, code, budget, publication, published, ACTOR,
                                    "Demoplafond " + period + " gelijk aan het demobudget"));
                }
            }
        }
        log.info("Demo subsidy regulations and ceilings present for {} and {}", thisYear, thisYear + 1);
    }
}
