package nl.wijkzaken.budget.internal;


import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import nl.wijkzaken.neighbourhood.Neighbourhoods;
import nl.wijkzaken.budget.BudgetLedger;
import nl.wijkzaken.shared.EngineClock;

/**
 * Gives each demo neighbourhood its budget for the current year (application-demo.yml). Idempotent: a
 * budget that exists is left alone, so a restart never books a second BUDGET_SET.
 */
@Component
@Order(100) // after the demo module has registered the neighbourhoods
@ConditionalOnProperty(name = "wijkzaken.demo-data.enabled", havingValue = "true")
class BudgetDemoData implements ApplicationRunner {

    static final String ACTOR = "demo-data";
    private static final Logger log = LoggerFactory.getLogger(BudgetDemoData.class);

    private final BudgetProperties properties;
    private final BudgetLedger ledger;
    private final Neighbourhoods neighbourhoods;

    BudgetDemoData(BudgetProperties properties, BudgetLedger ledger, Neighbourhoods neighbourhoods) {
        this.properties = properties;
        this.ledger = ledger;
        this.neighbourhoods = neighbourhoods;
    }

    /**
     * This year's and next year's budgets: a council adopts next year's budget in the autumn, and a demo (or a test
     * that moves the clock a few days in late December) decides on requests across the turn of the year.
     */
    @Override
    public void run(ApplicationArguments args) {
        int thisYear = EngineClock.today().getYear();
        for (int year = thisYear; year <= thisYear + 1; year++) {
            for (BudgetProperties.DemoBudget demo : properties.demoBudgets()) {
                if (neighbourhoods.exists(demo.neighbourhood()) && ledger.overview(demo.neighbourhood(), year).isEmpty()) {
                    ledger.setBudget(demo.neighbourhood(), year, demo.amount(), ACTOR, "Demobudget " + year);
                }
            }
        }
        log.info("Demo budgets present for {} and {}: {} each", thisYear, thisYear + 1, properties.demoBudgets().size());
    }
}
