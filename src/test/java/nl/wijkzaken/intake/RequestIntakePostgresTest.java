package nl.wijkzaken.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import nl.wijkzaken.casefile.CaseFiles;
import nl.wijkzaken.casefile.CaseStatus;
import nl.wijkzaken.models.ResidentRequestProcess;
import nl.wijkzaken.support.PostgresTestDatabase;
import nl.wijkzaken.support.RequiresPostgres;
import nl.wijkzaken.support.StandaloneApplication;

/** Concurrent starts on PostgreSQL: every request gets its own sequential case number and case file. */
@RequiresPostgres
class RequestIntakePostgresTest {

    @Test
    void concurrentSubmissionsGetUniqueSequentialCaseNumbers() throws Exception {
        String url = PostgresTestDatabase.createEmptyDatabase("intake");
        try (ConfigurableApplicationContext app = StandaloneApplication.start("postgres,demo",
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + PostgresTestDatabase.user(),
                "--spring.datasource.password=" + PostgresTestDatabase.password())) {
            RequestIntake intake = app.getBean(RequestIntake.class);
            CaseFiles caseFiles = app.getBean(CaseFiles.class);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<RegisteredRequest>> started = new ArrayList<>();
            try {
                for (int i = 0; i < 12; i++) {
                    started.add(pool.submit(() -> intake.submit(new ResidentRequest("Ans", "ans@example.org", null, null,
                            "loenen", Category.SPELEN_EN_SPORT, "Speeltuin", "Een nieuwe schommel.", new BigDecimal("950.00"),
                            Urgency.NORMAAL, null, "Straatweg", "1", "3621 AB", "Breukelen", nl.wijkzaken.intake.DecisionChannel.EMAIL, true, CarriedOutBy.BEWONERS), "online")));
                }
                List<String> numbers = new ArrayList<>();
                for (Future<RegisteredRequest> request : started) {
                    RegisteredRequest registered = request.get();
                    numbers.add(registered.caseNumber());
                    assertThat(caseFiles.find(registered.caseNumber())).get()
                            .satisfies(file -> {
                                assertThat(file.processInstanceId()).isEqualTo(registered.processInstanceId());
                                assertThat(file.ownerGroup()).isEqualTo("wijkmanager-loenen");
                                assertThat(file.status()).isEqualTo(CaseStatus.ONTVANGEN);
                            });
                }
                assertThat(numbers).doesNotHaveDuplicates();
                assertThat(numbers.stream().map(n -> Integer.parseInt(n.substring(8))).sorted().toList())
                        .isEqualTo(java.util.stream.IntStream.rangeClosed(1, 12).boxed().toList());
                assertThat(app.getBean(RuntimeService.class).createProcessInstanceQuery()
                        .processDefinitionKey(ResidentRequestProcess.KEY).count()).isEqualTo(12);
            } finally {
                pool.shutdown();
            }
        }
    }
}
