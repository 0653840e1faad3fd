package nl.wijkzaken;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import nl.wijkzaken.support.PostgresTestDatabase;
import nl.wijkzaken.support.RequiresPostgres;
import nl.wijkzaken.support.StandaloneApplication;

/** The application pointed at an empty PostgreSQL database creates its schema and deploys the models. */
@RequiresPostgres
class PostgresStartupTest {

    @Test
    void startsOnAnEmptyDatabaseCreatesTheSchemaAndDeploysTheModels() {
        String url = PostgresTestDatabase.createEmptyDatabase("startup");
        String[] properties = {
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + PostgresTestDatabase.user(),
                "--spring.datasource.password=" + PostgresTestDatabase.password()};

        try (ConfigurableApplicationContext app = StandaloneApplication.start("postgres,demo", properties)) {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            assertThat(jdbc.sql("SELECT current_database()").query(String.class).single()).startsWith("wz_startup_");
            assertThat(jdbc.sql("SELECT count(*) FROM act_ge_property").query(Long.class).single()).isPositive();
            assertThat(jdbc.sql("SELECT count(*) FROM neighbourhood").query(Long.class).single()).isEqualTo(4);
            assertThat(app.getBean(RepositoryService.class).createDecisionDefinitionQuery()
                    .decisionDefinitionKey("case-owner").count()).isEqualTo(1);
            assertThat(app.getBean(IdentityService.class).checkPassword("wm.breukelen", "demo")).isTrue();
        }

        try (ConfigurableApplicationContext restarted = StandaloneApplication.start("postgres,demo", properties)) {
            assertThat(restarted.getBean(RepositoryService.class).createDeploymentQuery().count())
                    .as("unchanged models are not deployed again").isEqualTo(1);
        }
    }
}
