package nl.wijkzaken.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.context.annotation.Import;

import nl.wijkzaken.shared.DutchFormat;

/**
 * What the process writes into a case file and reads back, over the case tables only (an embedded database with the
 * Flyway migrations, no engine; the engine's clock is set directly). Each test's transaction is rolled back.
 */
@JdbcTest
@Import({CaseFiles.class, CaseFileRegister.class})
class CaseFilesTest {

    static final LocalDate RECEIVED = LocalDate.of(2026, 3, 2);
    static final LocalDate DEADLINE = RECEIVED.plusWeeks(8);

    @Autowired CaseFiles caseFiles;
    @Autowired CaseFileRegister register;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aCaseFileReadsBackAsOpenedChangedAndConcluded() {
        at(RECEIVED.atTime(9, 0));
        caseFiles.open(file("BV-2026-000301"));
        caseFiles.changeDeadline("BV-2026-000301", CaseEventType.DEADLINE_SUSPENDED, CaseStatus.AANVULLING_GEVRAAGD,
                DEADLINE, DEADLINE.plusDays(14), RECEIVED.plusDays(3), false, "Aanvulling gevraagd", "wm.loenen");
        at(RECEIVED.plusDays(20).atTime(16, 30));
        caseFiles.conclude("BV-2026-000301", CaseStatus.BESLUIT_GENOMEN, Outcome.GEDEELTELIJK_TOEGEKEND,
                new BigDecimal("1500.00"), "Besluit", "wm.loenen");

        CaseFile file = caseFiles.find("BV-2026-000301").orElseThrow();

        assertThat(file.receivedOn()).isEqualTo(RECEIVED);
        assertThat(file.legalDeadline()).isEqualTo(DEADLINE.plusDays(14));
        assertThat(file.suspendedSince()).isEqualTo(RECEIVED.plusDays(3));
        assertThat(file.status()).isEqualTo(CaseStatus.BESLUIT_GENOMEN);
        assertThat(file.statusText()).isEqualTo("Besluit genomen");
        assertThat(file.outcome()).isEqualTo(Outcome.GEDEELTELIJK_TOEGEKEND);
        assertThat(file.decidedAmount()).isEqualByComparingTo("1500");
        assertThat(file.closedOn()).as("the engine's today").isEqualTo(RECEIVED.plusDays(20));
        assertThat(caseFiles.find("BV-2026-999999")).isEmpty();
    }

    @Test
    void eventsAreOldestFirstAndEventsOfOneInstantKeepTheirOrder() {
        at(RECEIVED.atTime(9, 0));
        caseFiles.open(file("BV-2026-000302"));
        caseFiles.recordEvent("BV-2026-000302", CaseEventType.MESSAGE_SENT, null, "Ontvangstbevestiging", null);
        at(RECEIVED.plusDays(1).atTime(8, 0));
        caseFiles.recordEvent("BV-2026-000302", CaseEventType.ADVICE_GIVEN, null, "Positief", "adv.sociaal");
        caseFiles.recordDeadlineEvent("BV-2026-000302", CaseEventType.DEADLINE_REMINDED, DEADLINE, "Nog 3 dagen");

        assertThat(caseFiles.events("BV-2026-000302"))
                .extracting(CaseEvent::type, CaseEvent::statusText, CaseEvent::actor, CaseEvent::occurredAt)
                .containsExactly(
                        tuple(CaseEventType.STATUS, "In behandeling", null, RECEIVED.atTime(9, 0)),
                        tuple(CaseEventType.MESSAGE_SENT, null, null, RECEIVED.atTime(9, 0)),
                        tuple(CaseEventType.ADVICE_GIVEN, null, "adv.sociaal", RECEIVED.plusDays(1).atTime(8, 0)),
                        tuple(CaseEventType.DEADLINE_REMINDED, null, null, RECEIVED.plusDays(1).atTime(8, 0)));
        assertThat(caseFiles.events("BV-2026-000302").get(0))
                .satisfies(opened -> assertThat(opened.deadlineAfter()).isEqualTo(DEADLINE));
        assertThat(caseFiles.events("BV-2026-000302").get(3))
                .satisfies(reminded -> assertThat(reminded.deadlineBefore()).isEqualTo(DEADLINE));
    }

    @Test
    void aDecisionIsLateOnlyAfterTheDeadlineAsItStandsThen() {
        caseFiles.open(file("BV-2026-000303"));
        caseFiles.open(file("BV-2026-000304"));

        caseFiles.recordDecision("BV-2026-000303", "wm.loenen", "wijkmanager-loenen", DEADLINE);
        caseFiles.recordDecision("BV-2026-000304", "wm.loenen", "wijkmanager-loenen", DEADLINE.plusDays(1));

        // The register reads the decision columns; CaseFile does not carry them.
        assertThat(register.find("BV-2026-000303").orElseThrow().decidedAfterDeadline()).as("on the last day").isFalse();
        assertThat(register.find("BV-2026-000304").orElseThrow().decidedAfterDeadline()).isTrue();
    }

    @Test
    void aLongDetailIsCutAt4000Characters() {
        caseFiles.open(file("BV-2026-000305"));

        caseFiles.recordEvent("BV-2026-000305", CaseEventType.DELIBERATION, null, "x".repeat(5000), "wm.loenen");

        assertThat(caseFiles.events("BV-2026-000305").get(1).detail()).hasSize(4000);
    }

    private static CaseFile file(String caseNumber) {
        return new CaseFile(caseNumber, "pi-" + caseNumber, "online", "Fatima Bakker", "fatima@example.org", "loenen",
                "OVERIG", "Bankje", new BigDecimal("3000.00"), "NORMAAL", "wijkmanager-loenen", "Wijkteam Loenen",
                RECEIVED, DEADLINE, null, false, CaseStatus.IN_BEHANDELING, null, null, null);
    }

    private static void at(LocalDateTime time) {
        ClockUtil.setCurrentTime(Date.from(time.atZone(DutchFormat.ZONE).toInstant()));
    }
}
