package nl.wijkzaken.budget.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Year;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import nl.wijkzaken.budget.BudgetLedger;
import nl.wijkzaken.budget.BudgetMovement;
import nl.wijkzaken.budget.MovementType;

import nl.wijkzaken.support.ApplicationTest;

@ApplicationTest
class BudgetDemoDataTest {

    static final int THIS_YEAR = Year.now(ZoneId.of("Europe/Amsterdam")).getValue();

    @Autowired
    BudgetDemoData demoData;

    @Autowired
    BudgetLedger ledger;

    /** The first movement of each budget; tests in the same context may change a budget later. */
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
