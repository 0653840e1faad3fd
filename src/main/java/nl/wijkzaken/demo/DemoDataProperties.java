package nl.wijkzaken.demo;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The demo municipality as written in application-demo.yml: neighbourhoods, groups and users. */
@ConfigurationProperties("wijkzaken.demo-data")
record DemoDataProperties(boolean enabled, String password, List<NeighbourhoodEntry> neighbourhoods,
                          List<GroupEntry> groups, List<UserEntry> users) {

    DemoDataProperties {
        password = password == null ? "demo" : password;
        neighbourhoods = neighbourhoods == null ? List.of() : neighbourhoods;
        groups = groups == null ? List.of() : groups;
        users = users == null ? List.of() : users;
    }

    record NeighbourhoodEntry(String code, String name) {
    }

    record GroupEntry(String id, String name) {
    }

    record UserEntry(String id, String firstName, String lastName, List<String> groups) {
    }
}
