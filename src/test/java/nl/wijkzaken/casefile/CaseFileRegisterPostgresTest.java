package nl.wijkzaken.casefile;

import nl.wijkzaken.shared.DutchFormat;
import nl.wijkzaken.support.TestMailServer;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import nl.wijkzaken.intake.Category;
import nl.wijkzaken.intake.Urgency;
import nl.wijkzaken.support.CaseDriver;
import nl.wijkzaken.support.PostgresTestDatabase;
import nl.wijkzaken.support.RequiresPostgres;
import nl.wijkzaken.support.StandaloneApplication;

/** The auditors' search on PostgreSQL (V40's columns and indexes, LIKE with escapes, IN, paging). */
@RequiresPostgres
class CaseFileRegisterPostgresTest {

    @Test
    void everyFilterWorksOnPostgres() {
        TestMailServer.start(); // the driver's message steps mail the resident, also when this class runs first
        String url = PostgresTestDatabase.createEmptyDatabase("register");
        try (ConfigurableApplicationContext app = StandaloneApplication.start("postgres,demo",
                "--spring.datasource.url=" + url, "--spring.datasource.username=" + PostgresTestDatabase.user(),
                "--spring.datasource.password=" + PostgresTestDatabase.password())) {
            LocalDate today = LocalDate.now(DutchFormat.ZONE);
            String late;
            String running;
            try {
                CaseDriver first = new CaseDriver(app);
                first.submit("loenen", Category.SOCIAAL_EN_ONTMOETING, "2000", Urgency.NORMAAL);
                first.complete("CheckCompleteness", "wm.loenen", Map.of("completeness", "compleet", "completenessMotivation", "Compleet."));
                first.advise("advies-sociaal", "adv.sociaal", "positief");
                first.tick(Duration.ofDays(60));
                first.complete("Decide", "wm.loenen", Map.of("outcome", "afgewezen", "decisionMotivation", "Geen budget."));
                late = first.caseNumber();
            } finally {
                CaseDriver.resetClock();
            }
            CaseDriver open = new CaseDriver(app);
            open.submit("breukelen", Category.OVERIG, "300", Urgency.NORMAAL);
            running = open.caseNumber();
            CaseFileRegister register = app.getBean(CaseFileRegister.class);

            assertThat(numbers(register.search(new CaseFileSearch(late.substring(3), "loenen", today, today, "afgewezen",
                    List.of("wijkmanager-loenen", "wijkmanager-breukelen"), true, 0, 10)))).containsExactly(late);
            assertThat(register.find(late).orElseThrow()).satisfies(file -> {
                assertThat(file.decidedBy()).isEqualTo("wm.loenen");
                assertThat(file.decidingGroup()).isEqualTo("wijkmanager-loenen");
                assertThat(file.decidedAfterDeadline()).isTrue();
                assertThat(file.decidedOn()).isEqualTo(today.plusDays(60));
            });
            assertThat(numbers(register.search(new CaseFileSearch(null, null, null, null, null, null, false, 0, 10)))).isEmpty();
            assertThat(numbers(register.search(new CaseFileSearch("%", null, null, null, null, null, null, 0, 10)))).isEmpty();
            assertThat(numbers(register.search(new CaseFileSearch(null, null, today.plusDays(1), null, null, null, null, 0, 10)))).isEmpty();
            CaseFileSearchResult page1 = register.search(new CaseFileSearch("bv-", null, null, today, null, null, null, 0, 1));
            CaseFileSearchResult page2 = register.search(new CaseFileSearch("bv-", null, null, today, null, null, null, 1, 1));
            assertThat(page1.totalItems()).isEqualTo(2);
            assertThat(page1.totalPages()).isEqualTo(2);
            assertThat(numbers(page1)).hasSize(1);
            assertThat(List.of(numbers(page1).get(0), numbers(page2).get(0))).containsExactlyInAnyOrder(late, running);
        } finally {
            CaseDriver.resetClock();
        }
    }

    private static List<String> numbers(CaseFileSearchResult result) {
        return result.items().stream().map(CaseFileEntry::caseNumber).toList();
    }
}
