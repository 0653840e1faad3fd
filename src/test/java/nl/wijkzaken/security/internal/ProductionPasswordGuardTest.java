package nl.wijkzaken.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import nl.wijkzaken.support.StandaloneApplication;

class ProductionPasswordGuardTest {

    @Test
    void refusesEmptyDefaultShortOrSameAsUserPasswords() {
        assertThatThrownBy(() -> ProductionPasswordGuard.check("admin", "")).hasMessageContaining("empty");
        assertThatThrownBy(() -> ProductionPasswordGuard.check("admin", null)).hasMessageContaining("empty");
        assertThatThrownBy(() -> ProductionPasswordGuard.check("admin", "demo")).hasMessageContaining("default");
        assertThatThrownBy(() -> ProductionPasswordGuard.check("admin", "Admin")).hasMessageContaining("default");
        assertThatThrownBy(() -> ProductionPasswordGuard.check("beheer", "kort-wacht")).hasMessageContaining("at least 12");
        assertThatThrownBy(() -> ProductionPasswordGuard.check("", "a-long-enough-secret")).hasMessageContaining("WIJKZAKEN_ADMIN_USER");
    }

    @Test
    void productionProfileDoesNotStartWithoutAnAdministratorPassword() {
        assertThatThrownBy(() -> StandaloneApplication.start("prod",
                "--spring.datasource.url=jdbc:h2:mem:prod-empty;DB_CLOSE_DELAY=-1",
                "--camunda.bpm.admin-user.password="))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("WIJKZAKEN_ADMIN_PASSWORD is empty");
    }

    @Test
    void productionProfileDoesNotStartWithTheDemoPassword() {
        assertThatThrownBy(() -> StandaloneApplication.start("prod",
                "--spring.datasource.url=jdbc:h2:mem:prod-demo;DB_CLOSE_DELAY=-1",
                "--camunda.bpm.admin-user.password=demo"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("default password");
    }

    @Test
    void productionProfileStartsWithAStrongPasswordAndNoDemoUsers() {
        try (ConfigurableApplicationContext app = StandaloneApplication.start("prod",
                "--spring.datasource.url=jdbc:h2:mem:prod-ok;DB_CLOSE_DELAY=-1",
                "--camunda.bpm.admin-user.id=beheerder",
                "--camunda.bpm.admin-user.password=zeer-geheim-wachtwoord-2026")) {
            IdentityService identity = app.getBean(IdentityService.class);
            assertThat(identity.createUserQuery().list()).extracting("id").containsExactly("beheerder");
            assertThat(identity.checkPassword("demo", "demo")).isFalse();
        }
    }
}
