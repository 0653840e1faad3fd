package nl.wijkzaken;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;

/**
 * The pool sizing rule of application.yml: the background threads that use the database (job executor threads,
 * its acquisition thread, the mail worker) can never hold so many connections that web requests (intake, status
 * pages, Tasklist) wait for one. Issue 12, finding 4: hung job threads held every connection, intake answered 503.
 */
class ConnectionPoolSizingTest {

    /** Connections always left for web requests. */
    private static final int FOR_WEB_REQUESTS = 10;
    /** The job executor's acquisition thread and the mail worker (ResidentMessageWorker): one connection each. */
    private static final int OTHER_BACKGROUND_THREADS = 2;

    @ParameterizedTest
    @ValueSource(strings = {"application.yml", "application-postgres.yml"})
    void backgroundThreadsLeaveConnectionsForWebRequests(String profileFile) {
        Properties settings = yaml("application.yml");
        settings.putAll(yaml(profileFile));

        int pool = Integer.parseInt(settings.getProperty("spring.datasource.hikari.maximum-pool-size", "10"));
        int jobThreads = Integer.parseInt(settings.getProperty("camunda.bpm.job-execution.max-pool-size", "10"));

        assertThat(settings.getProperty("camunda.bpm.job-execution.max-pool-size")).as("set explicitly").isNotNull();
        assertThat(jobThreads + OTHER_BACKGROUND_THREADS + FOR_WEB_REQUESTS).as("pool size " + pool + " in " + profileFile)
                .isLessThanOrEqualTo(pool);
        assertThat(Integer.parseInt(settings.getProperty("camunda.bpm.job-execution.core-pool-size")))
                .isLessThanOrEqualTo(jobThreads);
    }

    @ParameterizedTest
    @ValueSource(strings = {"mail.smtp.connectiontimeout", "mail.smtp.timeout", "mail.smtp.writetimeout",
            "mail.smtps.connectiontimeout", "mail.smtps.timeout", "mail.smtps.writetimeout"})
    void everySmtpTimeoutIsSetInProduction(String timeout) {
        String value = yaml("application.yml").getProperty("spring.mail.properties." + timeout);

        assertThat(value).as(timeout).isNotNull();
        assertThat(Integer.parseInt(value)).isBetween(1000, 60_000);
    }

    private static Properties yaml(String file) {
        YamlPropertiesFactoryBean factory = new YamlPropertiesFactoryBean();
        factory.setResources(new ClassPathResource(file));
        return factory.getObject();
    }
}
