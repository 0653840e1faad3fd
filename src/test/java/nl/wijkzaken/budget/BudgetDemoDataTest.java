package nl.wijkzaken.budget;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Year;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest
class BudgetDemoDataTest {

    static final int THIS_YEAR = Year.now(ZoneId.of("Europe/Amsterdam")).getValue();

    @Autowired
    BudgetDemoData demoData;

    @Autowired
    BudgetLedger ledger;

    @Test
    void everyDemoNeighbourhoodHasItsBudgetForThisYear() {
        assertThat(ledger.overview("maarssenbroek", THIS_YEAR).orElseThrow().budget()).isEqualByComparingTo("50000");
        assertThat(ledger.overview("maarssen-dorp", THIS_YEAR).orElseThrow().budget()).isEqualByComparingTo("30000");
        assertThat(ledger.overview("breukelen", THIS_YEAR).orElseThrow().budget()).isEqualByComparingTo("40000");
        assertThat(ledger.overview("loenen", THIS_YEAR).orElseThrow().budget()).isEqualByComparingTo("20000");
    }

    @Test
    void runningAgainBooksNothing() {
        int movements = ledger.overview("breukelen", THIS_YEAR).orElseThrow().movements().size();

        demoData.run(new DefaultApplicationArguments());

        assertThat(ledger.overview("breukelen", THIS_YEAR).orElseThrow().movements()).hasSize(movements);
    }
}
