package nl.wijkzaken.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import nl.wijkzaken.neighbourhood.Neighbourhood;
import nl.wijkzaken.neighbourhood.Neighbourhoods;

import nl.wijkzaken.refusal.Refusal;

/**
 * The ledger's rules, run against H2 ({@link BudgetLedgerTest}, a slice without engine) and PostgreSQL
 * ({@link BudgetLedgerPostgresTest}). The ledger inside engine steps: {@link BudgetInEngineStepsContract}.
 */
abstract class BudgetLedgerContract {

    static final int YEAR = 2031;

    @Autowired
    BudgetLedger ledger;
    @Autowired
    Neighbourhoods neighbourhoods;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;

    String wijk;

    @BeforeEach
    void aFreshNeighbourhood() {
        wijk = "t-" + UUID.randomUUID().toString().substring(0, 8);
        neighbourhoods.register(new Neighbourhood(wijk, "Testwijk " + wijk));
    }

    @Test
    void aNewBudgetIsAllRemainingAndBookedAsAMovement() {
        ledger.setBudget(wijk, YEAR, new BigDecimal("1000"), "gebiedsmanager", "Begroting");

        BudgetOverview overview = ledger.overview(wijk, YEAR).orElseThrow();
        assertThat(overview.budget()).isEqualByComparingTo("1000.00");
        assertThat(overview.reserved()).isEqualByComparingTo("0");
        assertThat(overview.remaining()).isEqualByComparingTo("1000");
        assertThat(overview.movements()).singleElement().satisfies(m -> {
            assertThat(m.type()).isEqualTo(MovementType.BUDGET_SET);
            assertThat(m.actor()).isEqualTo("gebiedsmanager");
            assertThat(m.reason()).isEqualTo("Begroting");
            assertThat(m.occurredAt()).isNotNull();
        });
        assertThat(ledger.remaining(wijk, YEAR)).isEqualByComparingTo("1000");
    }

    @Test
    void aSecondBudgetForTheSameYearIsRefused() {
        ledger.setBudget(wijk, YEAR, new BigDecimal("1000"), "gebiedsmanager", "Begroting");

        assertThatThrownBy(() -> ledger.setBudget(wijk, YEAR, new BigDecimal("500"), "gebiedsmanager", "Nog eens"))
                .isInstanceOf(Refusal.class)
                .hasMessageContaining("al een buurtbudget vastgesteld");
        assertThat(ledger.remaining(wijk, YEAR)).isEqualByComparingTo("1000");
    }

    @Test
    void negativeAmountsUnknownNeighbourhoodsAndMissingReasonsAreRefused() {
        assertThatThrownBy(() -> ledger.setBudget(wijk, YEAR, new BigDecimal("-1"), "gm", "Begroting"))
                .isInstanceOf(Refusal.class).hasMessage("Het bedrag mag niet negatief zijn")
                .satisfies(e -> assertThat(fieldOf(e)).isEqualTo("amount"));
        assertThatThrownBy(() -> ledger.setBudget("atlantis", YEAR, BigDecimal.TEN, "gm", "Begroting"))
                .isInstanceOf(Refusal.class).hasMessage("Onbekende wijk: atlantis");
        assertThatThrownBy(() -> ledger.setBudget(wijk, YEAR, BigDecimal.TEN, "gm", " "))
                .isInstanceOf(Refusal.class).hasMessage("Geef een reden op");
        assertThatThrownBy(() -> ledger.setBudget(wijk, YEAR, new BigDecimal("10.001"), "gm", "Begroting"))
                .isInstanceOf(Refusal.class).satisfies(e -> assertThat(fieldOf(e)).isEqualTo("amount"));
        assertThat(ledger.overview(wijk, YEAR)).isEmpty();
    }

    @Test
    void aChangeIsANewMovementOfTheDifferenceAndCannotGoBelowWhatIsReserved() {
        ledger.setBudget(wijk, YEAR, new BigDecimal("1000"), "gm", "Begroting");
        ledger.reserve("BV-2031-000001", wijk, YEAR, new BigDecimal("600"), "wm", "Toekenning");

        ledger.changeBudget(wijk, YEAR, new BigDecimal("800"), "gm", "Bezuiniging");

        BudgetOverview overview = ledger.overview(wijk, YEAR).orElseThrow();
        assertThat(overview.budget()).isEqualByComparingTo("800");
        assertThat(overview.remaining()).isEqualByComparingTo("200");
        assertThat(overview.movements()).extracting(BudgetMovement::type, m -> m.amount().toPlainString())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(MovementType.BUDGET_SET, "1000.00"),
                        org.assertj.core.groups.Tuple.tuple(MovementType.RESERVATION, "-600.00"),
                        org.assertj.core.groups.Tuple.tuple(MovementType.BUDGET_CHANGE, "-200.00"));
        assertThatThrownBy(() -> ledger.changeBudget(wijk, YEAR, new BigDecimal("599.99"), "gm", "Te ver"))
                .isInstanceOf(Refusal.class)
                .hasMessage("Het budget kan niet lager worden dan wat al is gereserveerd (€ 600,00)");
    }

    @Test
    void aReservationBeyondTheRemainderIsRefusedWithTheRemainingAmount() {
        ledger.setBudget(wijk, YEAR, new BigDecimal("1000"), "gm", "Begroting");
        BigDecimal left = ledger.reserve("BV-2031-000002", wijk, YEAR, 750L, "wm", "Toekenning");

        Refusal refused = (Refusal) catchThrowable(() ->
                ledger.reserve("BV-2031-000003", wijk, YEAR, 250.01, "wm", "Toekenning"));

        assertThat(left).isEqualByComparingTo("250");
        assertThat(refused.status()).isEqualTo(409);
        assertThat((BigDecimal) refused.properties().get("remaining")).isEqualByComparingTo("250.00");
        assertThat((BigDecimal) refused.properties().get("requested")).isEqualByComparingTo("250.01");
        assertThat(refused).hasMessageStartingWith("Onvoldoende buurtbudget: resterend € 250,00");
        assertThat(ledger.remaining(wijk, YEAR)).isEqualByComparingTo("250");
        assertThat(ledger.reserve("BV-2031-000003", wijk, YEAR, 250.0, "wm", "Toekenning")).isEqualByComparingTo("0");
    }

    @Test
    void withoutABudgetNothingCanBeReserved() {
        assertThatThrownBy(() -> ledger.reserve("BV-2031-000004", wijk, YEAR, BigDecimal.ONE, "wm", "Toekenning"))
                .isInstanceOf(Refusal.class)
                .hasMessageContaining("resterend € 0,00")
                .hasMessageContaining("geen buurtbudget vastgesteld");
        assertThat(ledger.remaining(wijk, YEAR)).isEqualByComparingTo("0");
    }

    @Test
    void aReleaseGivesMoneyBackButNeverMoreThanTheCaseReserved() {
        ledger.setBudget(wijk, YEAR, new BigDecimal("1000"), "gm", "Begroting");
        ledger.reserve("BV-2031-000005", wijk, YEAR, new BigDecimal("400"), "wm", "Toekenning");
        ledger.reserve("BV-2031-000006", wijk, YEAR, new BigDecimal("100"), "wm", "Toekenning");

        BigDecimal left = ledger.release(wijk, YEAR, "BV-2031-000005", new BigDecimal("150"), "wm", "Minder uitgegeven");

        assertThat(left).isEqualByComparingTo("650");
        assertThat(ledger.overview(wijk, YEAR).orElseThrow().grants())
                .extracting(BudgetOverview.Grant::caseNumber, g -> g.amount().toPlainString())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("BV-2031-000005", "250.00"),
                        org.assertj.core.groups.Tuple.tuple("BV-2031-000006", "100.00"));
        assertThatThrownBy(() -> ledger.release(wijk, YEAR, "BV-2031-000005", new BigDecimal("250.01"), "wm", "Te veel"))
                .isInstanceOf(Refusal.class).hasMessageContaining("nog € 250,00 gereserveerd");
        assertThatThrownBy(() -> ledger.release(wijk, YEAR, "BV-2031-999999", BigDecimal.ONE, "wm", "Onbekend"))
                .isInstanceOf(Refusal.class).satisfies(e -> assertThat(fieldOf(e)).isEqualTo("caseNumber"));
    }

    @Test
    void releasingAllOfACaseGivesBackWhatItStillHasInEachBudgetAndNothingTwice() {
        ledger.setBudget(wijk, YEAR, new BigDecimal("1000"), "gm", "Begroting");
        ledger.setBudget(wijk, YEAR + 1, new BigDecimal("1000"), "gm", "Begroting");
        ledger.reserve("BV-2031-000010", wijk, YEAR, 300L, "wm", "Toekenning");
        ledger.release(wijk, YEAR, "BV-2031-000010", 100L, "wm", "Minder uitgegeven");
        ledger.reserve("BV-2031-000010", wijk, YEAR + 1, 200L, "wm", "Vervolg");
        ledger.reserve("BV-2031-000011", wijk, YEAR, 50L, "wm", "Andere zaak");
        assertThat(ledger.reservedForCase("BV-2031-000010")).isEqualByComparingTo("400");

        BigDecimal released = ledger.releaseAll("BV-2031-000010", "wethouder", "Besluit ingetrokken");

        assertThat(released).isEqualByComparingTo("400");
        assertThat(ledger.reservedForCase("BV-2031-000010")).isEqualByComparingTo("0");
        assertThat(ledger.remaining(wijk, YEAR)).isEqualByComparingTo("950");
        assertThat(ledger.remaining(wijk, YEAR + 1)).isEqualByComparingTo("1000");
        assertThat(ledger.movementsOfCase("BV-2031-000010")).filteredOn(m -> m.actor().equals("wethouder"))
                .extracting(BudgetMovement::type, m -> m.amount().toPlainString(), BudgetMovement::reason)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(MovementType.RELEASE, "200.00", "Besluit ingetrokken"),
                        org.assertj.core.groups.Tuple.tuple(MovementType.RELEASE, "200.00", "Besluit ingetrokken"));
        assertThat(ledger.releaseAll("BV-2031-000010", "wethouder", "Nog eens")).isEqualByComparingTo("0");
        assertThat(ledger.movementsOfCase("BV-2031-000010")).hasSize(5);
    }

    @Test
    void aReservationRollsBackWithTheCallersTransaction() {
        ledger.setBudget(wijk, YEAR, new BigDecimal("1000"), "gm", "Begroting");

        catchThrowable(() -> transactions.executeWithoutResult(status -> {
            ledger.reserve("BV-2031-000007", wijk, YEAR, new BigDecimal("300"), "wm", "Toekenning");
            throw new IllegalStateException("the caller fails after reserving");
        }));

        assertThat(ledger.remaining(wijk, YEAR)).isEqualByComparingTo("1000");
        assertThat(ledger.overview(wijk, YEAR).orElseThrow().grants()).isEmpty();
    }

    /**
     * Route verzoek (LEGAL.md 1): the municipality pays its own work from the neighbourhood's budget. Booked as an
     * internal allocation: it lowers what remains, never below zero, but it is no grant: no reservation of the case,
     * not in the overview's grants, never released with the case's reservations.
     */
    @Test
    void anInternalAllocationLowersWhatRemainsButIsNoGrantAndIsNeverReleased() {
        assertThatThrownBy(() -> ledger.allocateInternally("BV-2031-000020", wijk, YEAR, 100L, "wm", "Zebrapad"))
                .isInstanceOf(Refusal.class).hasMessageContaining("geen buurtbudget vastgesteld");
        ledger.setBudget(wijk, YEAR, new BigDecimal("1000"), "gm", "Begroting");
        ledger.reserve("BV-2031-000021", wijk, YEAR, 300L, "wm", "Toekenning");

        assertThat(ledger.allocateInternally("BV-2031-000020", wijk, YEAR, 600L, "wm", "Zebrapad door de gemeente"))
                .isEqualByComparingTo("100");
        assertThatThrownBy(() -> ledger.allocateInternally("BV-2031-000022", wijk, YEAR, new BigDecimal("100.01"), "wm", "Drempel"))
                .isInstanceOf(Refusal.class)
                .hasMessage("Onvoldoende buurtbudget voor de interne toewijzing: resterend € 100,00 van Testwijk " + wijk
                        + " in " + YEAR + ", nodig € 100,01. Verlaag het bedrag of betaal het werk uit een andere begroting.");

        assertThat(ledger.remaining(wijk, YEAR)).isEqualByComparingTo("100");
        assertThat(ledger.movementsOfCase("BV-2031-000020")).singleElement().satisfies(m -> {
            assertThat(m.type()).isEqualTo(MovementType.INTERNAL_ALLOCATION);
            assertThat(m.amount()).isEqualByComparingTo("-600");
        });
        assertThat(ledger.reservedForCase("BV-2031-000020")).isEqualByComparingTo("0");
        assertThat(ledger.overview(wijk, YEAR).orElseThrow().grants()).extracting(BudgetOverview.Grant::caseNumber)
                .containsExactly("BV-2031-000021");
        assertThat(ledger.releaseAll("BV-2031-000020", "wm", "Zaak verwijderd")).isEqualByComparingTo("0");
        assertThat(ledger.remaining(wijk, YEAR)).isEqualByComparingTo("100");
        assertThat(ledger.movementsOfCase("BV-2031-000022")).isEmpty();
    }

    /** The input a budget rule names as at fault: the one entry of the refusal's {@code errors}. */
    @SuppressWarnings("unchecked")
    private static String fieldOf(Throwable refusal) {
        return ((java.util.Map<String, String>) ((Refusal) refusal).properties().get("errors")).keySet().iterator().next();
    }
}
