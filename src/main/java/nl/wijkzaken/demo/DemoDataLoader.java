package nl.wijkzaken.demo;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import nl.wijkzaken.neighbourhood.Neighbourhood;
import nl.wijkzaken.neighbourhood.Neighbourhoods;

/**
 * Creates the demo municipality on start-up. Idempotent: existing users, groups and neighbourhoods are
 * left as they are, so a restart keeps whatever people changed in Admin.
 */
@Component
@Order(DemoDataLoader.ORDER)
@ConditionalOnProperty(name = "wijkzaken.demo-data.enabled", havingValue = "true")
@EnableConfigurationProperties(DemoDataProperties.class)
class DemoDataLoader implements ApplicationRunner {

    /** Runs before other start-up runners so that they can rely on the demo groups. */
    static final int ORDER = 0;

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

    private final DemoDataProperties demo;
    private final IdentityService identityService;
    private final Neighbourhoods neighbourhoods;

    DemoDataLoader(DemoDataProperties demo, IdentityService identityService, Neighbourhoods neighbourhoods) {
        this.demo = demo;
        this.identityService = identityService;
        this.neighbourhoods = neighbourhoods;
    }

    @Override
    public void run(ApplicationArguments args) {
        demo.neighbourhoods().forEach(n -> neighbourhoods.register(new Neighbourhood(n.code(), n.name())));
        demo.groups().forEach(this::ensureGroup);
        demo.users().forEach(this::ensureUser);
        log.info("Demo data present: {} neighbourhoods, {} groups, {} users (password '{}')",
                demo.neighbourhoods().size(), demo.groups().size(), demo.users().size(), demo.password());
    }

    private void ensureGroup(DemoDataProperties.GroupEntry entry) {
        if (identityService.createGroupQuery().groupId(entry.id()).count() == 0) {
            Group group = identityService.newGroup(entry.id());
            group.setName(entry.name());
            group.setType("WORKFLOW");
            identityService.saveGroup(group);
        }
    }

    private void ensureUser(DemoDataProperties.UserEntry entry) {
        if (identityService.createUserQuery().userId(entry.id()).count() > 0) {
            return;
        }
        User user = identityService.newUser(entry.id());
        user.setFirstName(entry.firstName());
        user.setLastName(entry.lastName());
        user.setEmail(entry.id() + "@wijkzaken.example");
        user.setPassword(demo.password());
        identityService.saveUser(user);
        for (String groupId : entry.groups()) {
            identityService.createMembership(entry.id(), groupId);
        }
    }
}
