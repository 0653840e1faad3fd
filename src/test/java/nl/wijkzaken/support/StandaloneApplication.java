package nl.wijkzaken.support;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import nl.wijkzaken.WijkzakenApplication;

/**
 * Starts the whole application outside Spring's test context cache, as an operator would (profiles and
 * properties), for tests about start-up itself. Each run gets its own engine name so that it does not
 * unregister the engine of a cached test context when it stops, and runs without the Camunda webapps: their
 * filters keep JVM-wide static state, and a second instance started and stopped beside a cached test context
 * leaves that context's Tasklist answering 500.
 */
public final class StandaloneApplication {

    private StandaloneApplication() {
    }

    public static ConfigurableApplicationContext start(String profiles, String... properties) {
        List<String> args = new ArrayList<>(List.of(properties));
        args.add("--camunda.bpm.process-engine-name=standalone" + UUID.randomUUID().toString().substring(0, 8));
        args.add("--spring.profiles.active=" + profiles);
        args.add("--server.port=0");
        args.add("--spring.autoconfigure.exclude=org.camunda.bpm.spring.boot.starter.webapp.CamundaBpmWebappAutoConfiguration");
        return new SpringApplicationBuilder(WijkzakenApplication.class).run(args.toArray(String[]::new));
    }
}
