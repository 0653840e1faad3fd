package nl.wijkzaken.subsidy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneId;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.context.annotation.Import;

import nl.wijkzaken.budget.BudgetLedger;
import nl.wijkzaken.budget.BudgetMovement;
import nl.wijkzaken.budget.MovementType;
import nl.wijkzaken.neighbourhood.Neighbourhood;
import nl.wijkzaken.neighbourhood.Neighbourhoods;
import nl.wijkzaken.subsidy.CeilingAct;
import nl.wijkzaken.subsidy.SubsidyRegulation;
import nl.wijkzaken.subsidy.SubsidyRegulations;

/**
 * The demo regulations and ceilings (application-demo.yml) as a slice: the runner, the regulations, the ledger and the
 * neighbourhoods over an embedded database with the Flyway schema, no engine. The demo module registers the
 * neighbourhoods first (its runner runs before this one); here the test does. Each test's transaction is rolled back.
 */
@JdbcTest
@Import({SubsidyDemoData.class, SubsidyRegulations.class, BudgetLedger.class, Neighbourhoods.class})
class SubsidyDemoDataTest {

    static final int THIS_YEAR = Year.now(ZoneId.of("Europe/Amsterdam")).getValue();

    @Autowired
    SubsidyDemoData demoData;
    @Autowired
    SubsidyRegulations regulations;
    @Autowired
    BudgetLedger ledger;
    @Autowired
    Neighbourhoods neighbourhoods;

    @BeforeEach
    void theDemoNeighbourhoodsAndTheirCeilings() {
        for (String code : new String[] {"maarssenbroek", "maarssen-dorp", "breukelen", "loenen"}) {
            neighbourhoods.register(new Neighbourhood(code, code));
        }
        demoData.run(new DefaultApplicationArguments());
    }

    @Test
    void thisYearHasARegulationPublishedTheYearBefore() {
        SubsidyRegulation regulation = regulations.ofPeriod(THIS_YEAR).orElseThrow();

        assertThat(regulation.name()).isEqualTo("Subsidieregeling buurtbudget Stichtse Vecht " + THIS_YEAR);
        assertThat(regulation.legalBasis()).isEqualTo("artikel 4 van de Subsidieregeling buurtbudget Stichtse Vecht " + THIS_YEAR);
        assertThat(regulation.publicationReference()).startsWith("Gemeenteblad " + (THIS_YEAR - 1) + ", 2");
        assertThat(regulation.publishedOn()).isEqualTo(LocalDate.of(THIS_YEAR - 1, 11, 15));
    }

    @Test
    void everyDemoNeighbourhoodHasAUsableCeilingThatIsItsBudget() {
        assertThat(budget("maarssenbroek").amount()).isEqualByComparingTo("50000");
        assertThat(budget("maarssen-dorp").amount()).isEqualByComparingTo("30000");
        assertThat(budget("breukelen").amount()).isEqualByComparingTo("40000");
        assertThat(budget("loenen")).satisfies(m -> {
            assertThat(m.amount()).isEqualByComparingTo("20000");
            assertThat(m.type()).isEqualTo(MovementType.BUDGET_SET);
            assertThat(m.actor()).isEqualTo(SubsidyDemoData.ACTOR);
        });
        assertThat(regulations.whyNoCeiling("loenen", THIS_YEAR)).isEmpty();
        assertThat(regulations.ceilingFor("loenen", THIS_YEAR, LocalDate.of(THIS_YEAR, 6, 1)).orElseThrow().amount())
                .isEqualByComparingTo("20000");
    }

    /** A request received in late December is decided in January, on the new year's ceiling. */
    @Test
    void nextYearsCeilingsAreThereForDecisionsAcrossTheTurnOfTheYear() {
        assertThat(regulations.acts(THIS_YEAR + 1, "loenen")).singleElement().satisfies(act -> {
            assertThat(act.amount()).isEqualByComparingTo("20000");
            assertThat(act.publishedOn()).isBefore(LocalDate.of(THIS_YEAR + 1, 1, 1));
        });
        assertThat(regulations.whyNoCeiling("loenen", THIS_YEAR + 1)).isEmpty();
        assertThat(ledger.overview("loenen", THIS_YEAR + 1).orElseThrow().budget()).isEqualByComparingTo("20000");
    }

    @Test
    void runningAgainRecordsAndBooksNothing() {
        int movements = ledger.overview("breukelen", THIS_YEAR).orElseThrow().movements().size();
        java.util.List<CeilingAct> acts = regulations.acts(THIS_YEAR, "breukelen");

        demoData.run(new DefaultApplicationArguments());

        assertThat(ledger.overview("breukelen", THIS_YEAR).orElseThrow().movements()).hasSize(movements);
        assertThat(regulations.acts(THIS_YEAR, "breukelen")).isEqualTo(acts);
    }

    /** A demo database from before the ceilings has budgets without acts: they get their act, the ledger stays. */
    @Test
    void aBudgetFromBeforeTheCeilingsGetsItsActWithoutASecondBooking() {
        int year = THIS_YEAR + 2;
        // Not part of the demo years: simulate an older database by hand, then the runner's rule for that year.
        ledger.setBudget("loenen", year, new java.math.BigDecimal("20000"), "demo-data", "Demobudget " + year);
        regulations.establish(SubsidyDemoData.name(year), "artikel 4 van de " + SubsidyDemoData.name(year), year,
                nl.wijkzaken.subsidy.AllocationRule.VOLGORDE_VAN_VOLLEDIGE_ONTVANGST, SubsidyDemoData.publication(year),
                SubsidyDemoData.publishedOn(year), "demo-data");

        regulations.setCeiling(year, "loenen", new java.math.BigDecimal("20000"), SubsidyDemoData.publication(year),
                SubsidyDemoData.publishedOn(year), "demo-data", "Plafond");

        assertThat(ledger.overview("loenen", year).orElseThrow().movements()).singleElement()
                .satisfies(m -> assertThat(m.type()).isEqualTo(MovementType.BUDGET_SET));
        assertThat(regulations.acts(year, "loenen")).hasSize(1);
    }

    private BudgetMovement budget(String neighbourhood) {
        return ledger.overview(neighbourhood, THIS_YEAR).orElseThrow().movements().get(0);
    }
}
