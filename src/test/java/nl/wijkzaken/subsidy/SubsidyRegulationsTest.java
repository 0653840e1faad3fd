package nl.wijkzaken.subsidy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.context.annotation.Import;

import nl.wijkzaken.budget.BudgetLedger;
import nl.wijkzaken.budget.BudgetOverview;
import nl.wijkzaken.budget.MovementType;
import nl.wijkzaken.neighbourhood.Neighbourhood;
import nl.wijkzaken.neighbourhood.Neighbourhoods;
import nl.wijkzaken.refusal.Refusal;

/**
 * The regulation and its ceiling acts (Awb 4:25-4:27) as a slice: the service, the ledger and the neighbourhoods over
 * an embedded database with the Flyway schema, no engine. Each test's transaction is rolled back, so every test owns
 * the period 2026 and the neighbourhood "plafondwijk".
 */
@JdbcTest
@Import({SubsidyRegulations.class, BudgetLedger.class, Neighbourhoods.class})
class SubsidyRegulationsTest {

    static final String WIJK = "plafondwijk";

    @Autowired
    SubsidyRegulations regulations;
    @Autowired
    BudgetLedger ledger;
    @Autowired
    Neighbourhoods neighbourhoods;

    @BeforeEach
    void aNeighbourhood() {
        neighbourhoods.register(new Neighbourhood(WIJK, "Plafondwijk"));
    }

    @Test
    void aPeriodHasOneRegulationASecondIsAConflict() {
        SubsidyRegulation regulation = establish2026();

        Refusal second = catchThrowableOfType(Refusal.class, () -> regulations.establish("Andere regeling",
                "artikel 1 van de andere regeling", 2026, AllocationRule.VOLGORDE_VAN_VOLLEDIGE_ONTVANGST,
                "Gemeenteblad 2025, 999999", LocalDate.of(2025, 12, 1), "gebiedsmanager"));

        assertThat(regulation.name()).isEqualTo("Subsidieregeling buurtbudget Stichtse Vecht 2026");
        assertThat(regulation.periodStart()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.getMessage()).isEqualTo("Voor 2026 is al een subsidieregeling vastgelegd");
        assertThat(regulations.ofPeriod(2026)).contains(regulation);
    }

    @Test
    void aRegulationWithoutItsLegalBasisIsRefusedNamingTheField() {
        Refusal refusal = catchThrowableOfType(Refusal.class, () -> regulations.establish("Regeling", " ", 2026,
                AllocationRule.VOLGORDE_VAN_VOLLEDIGE_ONTVANGST, "Gemeenteblad 2025, 1", LocalDate.of(2025, 11, 15),
                "gebiedsmanager"));

        assertThat((Map<String, String>) refusal.properties().get("errors"))
                .containsEntry("legalBasis", "Geef de grondslag: het artikel van de regeling (artikel 4:23 Awb)");
        assertThat(regulations.ofPeriod(2026)).isEmpty();
    }

    @Test
    void settingTheCeilingBooksTheLedgerAndAChangeIsANewActTheLedgerFollows() {
        establish2026();

        regulations.setCeiling(2026, WIJK, new BigDecimal("10000"), "Gemeenteblad 2025, 200001",
                LocalDate.of(2025, 12, 15), "gebiedsmanager", "Begroting 2026");
        regulations.setCeiling(2026, WIJK, new BigDecimal("12000"), "Gemeenteblad 2026, 200002",
                LocalDate.of(2026, 3, 10), "demo", "Extra middelen na de voorjaarsnota");

        BudgetOverview overview = ledger.overview(WIJK, 2026).orElseThrow();
        assertThat(overview.budget()).isEqualByComparingTo("12000");
        assertThat(overview.movements()).extracting(m -> m.type(), m -> m.actor(), m -> m.reason())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(MovementType.BUDGET_SET, "gebiedsmanager",
                                "Subsidieplafond Gemeenteblad 2025, 200001: Begroting 2026"),
                        org.assertj.core.groups.Tuple.tuple(MovementType.BUDGET_CHANGE, "demo",
                                "Subsidieplafond Gemeenteblad 2026, 200002: Extra middelen na de voorjaarsnota"));
        assertThat(regulations.acts(2026, WIJK)).extracting(CeilingAct::amount, CeilingAct::publishedOn, CeilingAct::recordedBy)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(new BigDecimal("10000.00"), LocalDate.of(2025, 12, 15), "gebiedsmanager"),
                        org.assertj.core.groups.Tuple.tuple(new BigDecimal("12000.00"), LocalDate.of(2026, 3, 10), "demo"));
    }

    @Test
    void aCeilingWithoutARegulationIsRefusedAndNothingIsBooked() {
        Refusal refusal = catchThrowableOfType(Refusal.class, () -> regulations.setCeiling(2026, WIJK,
                new BigDecimal("10000"), "Gemeenteblad 2025, 200001", LocalDate.of(2025, 12, 15), "gebiedsmanager", "Begroting"));

        assertThat(refusal.getMessage()).isEqualTo("Voor 2026 is geen subsidieregeling vastgelegd; leg eerst de regeling vast");
        assertThat(ledger.hasBudget(WIJK, 2026)).isFalse();
    }

    /** The ledger refuses; the ceiling says so in its own words and records no act. */
    @Test
    void aCeilingBelowWhatIsAlreadyGrantedIsRefusedAndNoActIsRecorded() {
        establish2026();
        regulations.setCeiling(2026, WIJK, new BigDecimal("10000"), "Gemeenteblad 2025, 200001",
                LocalDate.of(2025, 12, 15), "gebiedsmanager", "Begroting 2026");
        ledger.reserve("BV-2026-000101", WIJK, 2026, 7000L, "wethouder", "Besluit op BV-2026-000101: toegekend");

        Refusal refusal = catchThrowableOfType(Refusal.class, () -> regulations.setCeiling(2026, WIJK,
                new BigDecimal("6000"), "Gemeenteblad 2026, 200002", LocalDate.of(2026, 3, 10), "gebiedsmanager", "Bezuiniging"));

        assertThat(refusal.status()).isEqualTo(400);
        assertThat((Map<String, String>) refusal.properties().get("errors")).containsEntry("amount",
                "Het plafond kan niet lager worden dan wat al is verleend (€ 7.000,00)");
        assertThat(regulations.acts(2026, WIJK)).hasSize(1);
        assertThat(ledger.overview(WIJK, 2026).orElseThrow().budget()).isEqualByComparingTo("10000");
    }

    /** The latest act recorded is the latest published: the ledger and the current ceiling agree. */
    @Test
    void anActPublishedBeforeThePreviousOneIsRefused() {
        establish2026();
        regulations.setCeiling(2026, WIJK, new BigDecimal("10000"), "Gemeenteblad 2025, 200001",
                LocalDate.of(2025, 12, 15), "gebiedsmanager", "Begroting 2026");

        Refusal refusal = catchThrowableOfType(Refusal.class, () -> regulations.setCeiling(2026, WIJK,
                new BigDecimal("8000"), "Gemeenteblad 2025, 199999", LocalDate.of(2025, 12, 1), "gebiedsmanager", "Vergeten"));

        assertThat((Map<String, String>) refusal.properties().get("errors")).containsEntry("publishedOn",
                "Het vorige plafondbesluit is op 15 december 2025 bekendgemaakt; een nieuw besluit kan niet eerder bekendgemaakt zijn");
        assertThat(regulations.acts(2026, WIJK)).hasSize(1);
        assertThat(ledger.overview(WIJK, 2026).orElseThrow().budget()).isEqualByComparingTo("10000");
    }

    @Test
    void anAmountWithMoreThanTwoDecimalsIsRefusedNotAnError() {
        establish2026();

        Refusal refusal = catchThrowableOfType(Refusal.class, () -> regulations.setCeiling(2026, WIJK,
                new BigDecimal("100.005"), "Gemeenteblad 2025, 200001", LocalDate.of(2025, 12, 15), "gebiedsmanager", "Begroting"));

        assertThat((Map<String, String>) refusal.properties().get("errors")).containsKey("amount");
        assertThat(regulations.acts(2026, WIJK)).isEmpty();
    }

    @Test
    void withoutARegulationThereIsNoCeiling() {
        assertThat(regulations.whyNoCeiling(WIJK, 2026)).contains(
                "Voor 2026 is geen subsidieregeling buurtbudget vastgesteld, dus ook geen subsidieplafond (artikel 4:25 en 4:27 Awb)");
        assertThat(regulations.ceilingFor(WIJK, 2026, LocalDate.of(2026, 2, 1))).isEmpty();
    }

    @Test
    void aRegulationWithoutACeilingForTheNeighbourhoodHasNone() {
        establish2026();

        assertThat(regulations.whyNoCeiling(WIJK, 2026)).contains("Voor Plafondwijk is in de Subsidieregeling buurtbudget "
                + "Stichtse Vecht 2026 geen subsidieplafond voor 2026 vastgesteld (artikel 4:25 Awb)");
        assertThat(regulations.ceilingFor(WIJK, 2026, LocalDate.of(2026, 2, 1))).isEmpty();
    }

    /** Awb 4:27 lid 1: published on 12 January 2026, after the period began, so not usable in 2026. */
    @Test
    void aCeilingFirstPublishedAfterThePeriodBeganIsNoCeiling() {
        establish2026();
        regulations.setCeiling(2026, WIJK, new BigDecimal("10000"), "Gemeenteblad 2026, 200003",
                LocalDate.of(2026, 1, 12), "gebiedsmanager", "Te laat vastgesteld");

        assertThat(regulations.whyNoCeiling(WIJK, 2026)).contains("Het subsidieplafond voor Plafondwijk in 2026 is pas op "
                + "12 januari 2026 bekendgemaakt; artikel 4:27 lid 1 Awb eist bekendmaking vóór het begin van het tijdvak "
                + "(1 januari 2026), dus kan er in 2026 geen subsidie uit worden verleend");
        assertThat(regulations.ceilingFor(WIJK, 2026, LocalDate.of(2026, 2, 1))).isEmpty();
    }

    @Test
    void aCeilingPublishedOnTheLastDayBeforeThePeriodCounts() {
        establish2026();
        regulations.setCeiling(2026, WIJK, new BigDecimal("10000"), "Gemeenteblad 2025, 200004",
                LocalDate.of(2025, 12, 31), "gebiedsmanager", "Net op tijd");

        assertThat(regulations.whyNoCeiling(WIJK, 2026)).isEmpty();
        assertThat(regulations.ceilingFor(WIJK, 2026, LocalDate.of(2026, 1, 2)).orElseThrow().amount())
                .isEqualByComparingTo("10000");
    }

    /** Awb 4:27 lid 2: the lowering published on 10 March touches applications received from 11 March only. */
    @Test
    void aLoweringNeverTouchesApplicationsReceivedBeforeIt() {
        establish2026();
        CeilingAct first = regulations.setCeiling(2026, WIJK, new BigDecimal("10000"), "Gemeenteblad 2025, 200001",
                LocalDate.of(2025, 12, 15), "gebiedsmanager", "Begroting 2026");
        CeilingAct lowered = regulations.setCeiling(2026, WIJK, new BigDecimal("6000"), "Gemeenteblad 2026, 200002",
                LocalDate.of(2026, 3, 10), "gebiedsmanager", "Bezuiniging voorjaarsnota");

        CeilingInForce january = regulations.ceilingFor(WIJK, 2026, LocalDate.of(2026, 1, 20)).orElseThrow();
        CeilingInForce onTheDay = regulations.ceilingFor(WIJK, 2026, LocalDate.of(2026, 3, 10)).orElseThrow();
        CeilingInForce dayAfter = regulations.ceilingFor(WIJK, 2026, LocalDate.of(2026, 3, 11)).orElseThrow();

        assertThat(january.amount()).isEqualByComparingTo("10000");
        assertThat(january.applied()).isEqualTo(first);
        assertThat(january.current()).isEqualTo(lowered);
        assertThat(onTheDay.amount()).isEqualByComparingTo("10000");
        assertThat(dayAfter.amount()).isEqualByComparingTo("6000");
        assertThat(dayAfter.applied()).isEqualTo(lowered);
        assertThat(dayAfter.neighbourhoodName()).isEqualTo("Plafondwijk");
        assertThat(dayAfter.regulation().legalBasis())
                .isEqualTo("artikel 4 van de Subsidieregeling buurtbudget Stichtse Vecht 2026");
    }

    /** A raise is no lowering: everyone, also those received before it, gets the higher ceiling. */
    @Test
    void aRaiseBenefitsEveryone() {
        establish2026();
        regulations.setCeiling(2026, WIJK, new BigDecimal("10000"), "Gemeenteblad 2025, 200001",
                LocalDate.of(2025, 12, 15), "gebiedsmanager", "Begroting 2026");
        regulations.setCeiling(2026, WIJK, new BigDecimal("6000"), "Gemeenteblad 2026, 200002",
                LocalDate.of(2026, 3, 10), "gebiedsmanager", "Bezuiniging voorjaarsnota");
        CeilingAct raised = regulations.setCeiling(2026, WIJK, new BigDecimal("12000"), "Gemeenteblad 2026, 200003",
                LocalDate.of(2026, 6, 1), "gebiedsmanager", "Extra middelen najaarsnota");

        assertThat(regulations.ceilingFor(WIJK, 2026, LocalDate.of(2026, 1, 20)).orElseThrow().applied()).isEqualTo(raised);
        assertThat(regulations.ceilingFor(WIJK, 2026, LocalDate.of(2026, 4, 1)).orElseThrow().amount())
                .isEqualByComparingTo("12000");
        assertThat(regulations.ceilingFor(WIJK, 2026, LocalDate.of(2026, 7, 1)).orElseThrow().amount())
                .isEqualByComparingTo("12000");
        assertThat(ledger.overview(WIJK, 2026).orElseThrow().budget()).isEqualByComparingTo("12000");
    }

    private SubsidyRegulation establish2026() {
        return regulations.establish("Subsidieregeling buurtbudget Stichtse Vecht 2026",
                "artikel 4 van de Subsidieregeling buurtbudget Stichtse Vecht 2026", 2026,
                AllocationRule.VOLGORDE_VAN_VOLLEDIGE_ONTVANGST, "Gemeenteblad 2025, 200000", LocalDate.of(2025, 11, 15),
                "gebiedsmanager");
    }
}
