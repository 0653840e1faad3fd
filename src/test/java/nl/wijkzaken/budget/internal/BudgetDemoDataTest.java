package nl.wijkzaken.budget.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Year;
import java.time.ZoneId;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.context.annotation.Import;
import nl.wijkzaken.budget.BudgetLedger;
import nl.wijkzaken.budget.BudgetMovement;
import nl.wijkzaken.budget.MovementType;

import nl.wijkzaken.neighbourhood.Neighbourhood;
import nl.wijkzaken.neighbourhood.Neighbourhoods;

/**
 * The demo budgets (application-demo.yml) as a slice: the runner, the ledger and the neighbourhoods over an embedded
 * database with the Flyway schema, no engine. The demo module registers the neighbourhoods first (its runner runs
 * before this one); here the test does, then runs the budgets' runner. Each test's transaction is rolled back.
 */
@JdbcTest
@EnableConfigurationProperties(BudgetProperties.class)
@Import({BudgetDemoData.class, BudgetLedger.class, Neighbourhoods.class})
class BudgetDemoDataTest {

    static final int THIS_YEAR = Year.now(ZoneId.of("Europe/Amsterdam")).getValue();

    @Autowired
    BudgetDemoData demoData;

    @Autowired
    BudgetLedger ledger;

    @Autowired
    Neighbourhoods neighbourhoods;

    @BeforeEach
    void theDemoNeighbourhoodsAndTheirBudgets() {
        for (String code : new String[] {"maarssenbroek", "maarssen-dorp", "breukelen", "loenen"}) {
            neighbourhoods.register(new Neighbourhood(code, code));
        }
        demoData.run(new DefaultApplicationArguments());
    }

    @Test
    void everyDemoNeighbourhoodHasItsBudgetForThisYear() {
        assertThat(firstMovement("maarssenbroek").amount()).isEqualByComparingTo("50000");
        assertThat(firstMovement("maarssen-dorp").amount()).isEqualByComparingTo("30000");
        assertThat(firstMovement("breukelen").amount()).isEqualByComparingTo("40000");
        assertThat(firstMovement("loenen")).satisfies(m -> {
            assertThat(m.amount()).isEqualByComparingTo("20000");
            assertThat(m.type()).isEqualTo(MovementType.BUDGET_SET);
            assertThat(m.actor()).isEqualTo(BudgetDemoData.ACTOR);
            assertThat(m.reason()).isEqualTo("Demobudget " + THIS_YEAR);
        });
    }

    /** A request received in late December is decided in January, on the new year's budget. */
    @Test
    void nextYearsBudgetsAreThereForDecisionsAcrossTheTurnOfTheYear() {
        BudgetMovement loenen = ledger.overview("loenen", THIS_YEAR + 1).orElseThrow().movements().get(0);

        assertThat(loenen.amount()).isEqualByComparingTo("20000");
        assertThat(loenen.reason()).isEqualTo("Demobudget " + (THIS_YEAR + 1));
    }

    private BudgetMovement firstMovement(String neighbourhood) {
        return ledger.overview(neighbourhood, THIS_YEAR).orElseThrow().movements().get(0);
    }

    @Test
    void runningAgainBooksNothing() {
        int movements = ledger.overview("breukelen", THIS_YEAR).orElseThrow().movements().size();

        demoData.run(new DefaultApplicationArguments());

        assertThat(ledger.overview("breukelen", THIS_YEAR).orElseThrow().movements()).hasSize(movements);
    }
}
