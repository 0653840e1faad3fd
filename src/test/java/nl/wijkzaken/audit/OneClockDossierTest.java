package nl.wijkzaken.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import nl.wijkzaken.support.ApplicationTest;
import nl.wijkzaken.audit.DossierEntry.Kind;
import nl.wijkzaken.budget.BudgetLedger;
import nl.wijkzaken.casefile.CaseEventType;
import nl.wijkzaken.intake.Category;
import nl.wijkzaken.intake.Urgency;
import nl.wijkzaken.shared.DutchFormat;
import nl.wijkzaken.support.CaseDriver;
import nl.wijkzaken.support.Ceilings;
import nl.wijkzaken.subsidy.SubsidyRegulations;
import nl.wijkzaken.support.TestMailServer;

/**
 * The dossier merges the case file's events, the ledger's movements and the sent mails into one timeline; they all
 * read the engine's clock, so a clock moved decades ahead moves every one of them, and the reservation carries the
 * same moment as the decision it books.
 */
@ApplicationTest
class OneClockDossierTest {

    /** A year no other test books in, so the budget is this test's own. */
    private static final int YEAR = 2097;
    private static final Instant START = LocalDateTime.of(YEAR, 3, 2, 10, 15).atZone(DutchFormat.ZONE).toInstant();

    @Autowired CaseDossiers dossiers;
    @Autowired BudgetLedger ledger;
    @Autowired SubsidyRegulations regulations;
    @Autowired ApplicationContext context;

    @BeforeAll
    static void mailServer() {
        TestMailServer.start();
    }

    @AfterEach
    void resetClock() {
        CaseDriver.resetClock();
    }

    @Test
    void caseEventsLedgerMovementsAndMailsAllCarryTheEnginesTime() {
        ClockUtil.setCurrentTime(Date.from(START));
        if (regulations.acts(YEAR, "maarssenbroek").isEmpty()) {
            Ceilings.ceiling(regulations, "maarssenbroek", YEAR, new BigDecimal("5000"));
        }
        CaseDriver driver = new CaseDriver(context);
        driver.submit("maarssenbroek", Category.GROEN_EN_OPENBARE_RUIMTE, "400", Urgency.ACUUT);
        driver.complete("HandleFastLane", "wm.maarssenbroek", Map.of("outcome", "toegekend",
                "decisionMotivation", "Snel geregeld."));
        driver.runMessages();
        Instant end = ClockUtil.getCurrentTime().toInstant();

        List<DossierEntry> timeline = dossiers.find(driver.caseNumber()).orElseThrow().timeline();

        List<DossierEntry> fromOtherModules = timeline.stream()
                .filter(e -> e.kind() == Kind.CASE_EVENT || e.kind() == Kind.BUDGET || e.kind() == Kind.MAIL).toList();
        assertThat(fromOtherModules).extracting(DossierEntry::kind).contains(Kind.CASE_EVENT, Kind.BUDGET, Kind.MAIL);
        assertThat(fromOtherModules).allSatisfy(e -> assertThat(e.at()).as(e.summary()).isBetween(START, end));
        assertThat(timeline).filteredOn(e -> e.kind() == Kind.MAIL).hasSize(2)
                .allSatisfy(e -> assertThat(e.details()).containsEntry("status", "SENT"));

        DossierEntry decision = timeline.stream().filter(e -> e.kind() == Kind.CASE_EVENT
                && CaseEventType.DECISION.code().equals(e.details().get("eventType"))).findFirst().orElseThrow();
        DossierEntry reservation = timeline.stream().filter(e -> e.kind() == Kind.BUDGET).findFirst().orElseThrow();
        assertThat(decision.summary()).contains("Toegekend, € 400,00");
        assertThat(reservation.at()).isEqualTo(decision.at());
    }
}
