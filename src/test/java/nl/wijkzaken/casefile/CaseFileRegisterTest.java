package nl.wijkzaken.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import nl.wijkzaken.intake.Category;
import nl.wijkzaken.intake.Urgency;
import nl.wijkzaken.support.ApplicationTest;
import nl.wijkzaken.support.CaseDriver;

/**
 * Who the case file records as decider when a case ends in another way than "Besluit nemen" (the usual path is in
 * the audit tests). The register's search itself: {@link CaseFileRegisterSearchTest}.
 */
@ApplicationTest
class CaseFileRegisterTest {

    @Autowired CaseFileRegister register;
    @Autowired ApplicationContext context;

    @AfterEach
    void resetClock() {
        CaseDriver.resetClock();
    }

    @Test
    void aForwardingIsDecidedByTheOwnerWhoJudgedCompletenessUnderTheMandateForForwarding() {
        CaseDriver driver = new CaseDriver(context);
        driver.submit("breukelen", Category.GROEN_EN_OPENBARE_RUIMTE, "800", Urgency.NORMAAL);
        driver.complete("CheckCompleteness", "wm.breukelen", Map.of("completeness", "doorsturen",
                "competentBody", "Gedeputeerde Staten van Utrecht", "completenessMotivation", "Geen bevoegdheid van de gemeente."));

        CaseFileEntry file = register.find(driver.caseNumber()).orElseThrow();

        assertThat(file.outcome()).isEqualTo(Outcome.DOORGEZONDEN.code());
        assertThat(file.decidedBy()).isEqualTo("wm.breukelen");
        assertThat(file.decidingGroup()).isEqualTo("wijkmanager-breukelen");
        assertThat(file.decidedOn()).isEqualTo(today());
        assertThat(file.decidedAfterDeadline()).isFalse();
    }

    @Test
    void aLapsedRepairTermIsDecidedByTheOwnerWhoLeavesItUnhandled() {
        CaseDriver driver = new CaseDriver(context);
        driver.submit("loenen", Category.OVERIG, "300", Urgency.NORMAAL);
        driver.complete("CheckCompleteness", "wm.loenen", Map.of("completeness", "incompleet",
                "completenessMotivation", "Adres ontbreekt."));
        driver.runMessages();
        driver.tick(Duration.ofDays(16));
        driver.fireTimer("RepairTermLapsed");
        // Awb 4:5: the case does not close by itself; the mandated group decides.
        assertThat(register.find(driver.caseNumber()).orElseThrow().outcome()).isNull();
        driver.complete("DecideNotHandled", "wm.loenen", Map.of("notHandledDecision", "buiten-behandeling",
                "notHandledMotivation", "Zonder adres kunnen wij niet beslissen."));

        CaseFileEntry file = register.find(driver.caseNumber()).orElseThrow();

        assertThat(file.outcome()).isEqualTo(Outcome.BUITEN_BEHANDELING.code());
        assertThat(file.decidedBy()).isEqualTo("wm.loenen");
        assertThat(file.decidingGroup()).isEqualTo("wijkmanager-loenen");
        assertThat(file.decidedOn()).isEqualTo(today());
        assertThat(file.decidedAfterDeadline()).isFalse();
    }

    @Test
    void theFastLaneIsDecidedInTheOwnerGroup() {
        CaseDriver driver = new CaseDriver(context);
        driver.submit("maarssenbroek", Category.GROEN_EN_OPENBARE_RUIMTE, "400", Urgency.ACUUT);
        driver.complete("HandleFastLane", "wm.maarssenbroek", Map.of("outcome", "toegekend",
                "decisionMotivation", "Direct geregeld."));

        CaseFileEntry file = register.find(driver.caseNumber()).orElseThrow();

        assertThat(file.outcome()).isEqualTo(Outcome.TOEGEKEND.code());
        assertThat(file.decidedBy()).isEqualTo("wm.maarssenbroek");
        assertThat(file.decidingGroup()).isEqualTo("wijkmanager-maarssenbroek");
        assertThat(file.decidedAfterDeadline()).isFalse();
    }

    /** Awb 10:1: safety measures are not in the wijkmanager's mandate, also not in the fast lane (decision-mandate.dmn). */
    @Test
    void aFastLaneSafetyRequestOf800IsDecidedByTheGebiedsmanagerUnderHisMandate() {
        CaseDriver driver = new CaseDriver(context);
        driver.submit("maarssenbroek", Category.VEILIGHEID, "800", Urgency.ACUUT);
        driver.complete("HandleFastLane", "gebiedsmanager", Map.of("outcome", "toegekend",
                "decisionMotivation", "Tijdelijke verlichting bij het fietspad."));

        CaseFileEntry file = register.find(driver.caseNumber()).orElseThrow();

        assertThat(file.outcome()).isEqualTo(Outcome.TOEGEKEND.code());
        assertThat(file.decidedBy()).isEqualTo("gebiedsmanager");
        assertThat(file.decidingGroup()).isEqualTo("gebiedsmanager");
    }

    private static LocalDate today() {
        return LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneId.of("Europe/Amsterdam"));
    }
}
