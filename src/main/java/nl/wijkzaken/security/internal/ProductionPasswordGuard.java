package nl.wijkzaken.security.internal;

import java.util.Locale;
import java.util.Set;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Refuses to start the production profile with an empty, default or weak administrator password.
 * Runs before any bean is created, so the engine never stores such an administrator.
 */
@Component
@Profile("prod")
class ProductionPasswordGuard implements BeanFactoryPostProcessor, EnvironmentAware {

    static final int MINIMUM_LENGTH = 12;
    private static final Set<String> DEFAULT_PASSWORDS =
            Set.of("demo", "admin", "password", "camunda", "changeme", "welkom", "welkom01", "wachtwoord");

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        check(environment.getProperty("camunda.bpm.admin-user.id"),
                environment.getProperty("camunda.bpm.admin-user.password"));
    }

    static void check(String adminId, String password) {
        if (adminId == null || adminId.isBlank()) {
            throw new IllegalStateException("Production profile: set WIJKZAKEN_ADMIN_USER to the administrator's user id.");
        }
        if (password == null || password.isBlank()) {
            throw new IllegalStateException("Production profile: WIJKZAKEN_ADMIN_PASSWORD is empty; "
                    + "set a password of at least " + MINIMUM_LENGTH + " characters.");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (DEFAULT_PASSWORDS.contains(lower) || lower.equals(adminId.toLowerCase(Locale.ROOT))) {
            throw new IllegalStateException("Production profile: WIJKZAKEN_ADMIN_PASSWORD is a default password; "
                    + "choose another.");
        }
        if (password.length() < MINIMUM_LENGTH) {
            throw new IllegalStateException("Production profile: WIJKZAKEN_ADMIN_PASSWORD must have at least "
                    + MINIMUM_LENGTH + " characters.");
        }
    }
}
