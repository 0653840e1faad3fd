package nl.wijkzaken;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import nl.wijkzaken.support.StandaloneApplication;

/** The default set-up keeps its data in a file: what people did is still there after a restart. */
class ApplicationRestartTest {

    @TempDir
    Path dataDir;

    @Test
    void dataSurvivesARestartAndUnchangedModelsAreNotRedeployed() {
        String url = "--spring.datasource.url=jdbc:h2:file:" + dataDir.resolve("wijkzaken");
        long deploymentsAfterFirstStart;
        try (ConfigurableApplicationContext first = StandaloneApplication.start("demo", url)) {
            IdentityService identity = first.getBean(IdentityService.class);
            User user = identity.newUser("nieuwe.collega");
            user.setPassword("geheim-genoeg");
            identity.saveUser(user);
            deploymentsAfterFirstStart = first.getBean(RepositoryService.class).createDeploymentQuery().count();
            assertThat(deploymentsAfterFirstStart).isEqualTo(1);
        }

        try (ConfigurableApplicationContext second = StandaloneApplication.start("demo", url)) {
            assertThat(second.getBean(IdentityService.class).checkPassword("nieuwe.collega", "geheim-genoeg")).isTrue();
            RepositoryService repository = second.getBean(RepositoryService.class);
            assertThat(repository.createDeploymentQuery().count()).isEqualTo(deploymentsAfterFirstStart);
            assertThat(repository.createDecisionDefinitionQuery().decisionDefinitionKey("case-owner")
                    .latestVersion().singleResult().getVersion()).isEqualTo(1);
        }
    }
}
