package nl.wijkzaken.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.yaml.snakeyaml.Yaml;

/**
 * A neighbourhood is named in several files that cannot read each other: the register (filled from
 * {@code wijkzaken.demo-data.neighbourhoods} in application-demo.yml, the neighbourhood table in production), the
 * owner table {@code case-owner.dmn}, the role file (the wijkmanager groups and their "in mijn wijk" filters), the
 * demo groups, users and budgets, and the options of the start form. The register is the source; this test fails
 * when another place disagrees with it, so a new neighbourhood is added everywhere or nowhere. Convention: the
 * owner group of neighbourhood {@code x} is {@code wijkmanager-x}, its team "Team wijk &lt;name&gt;".
 */
class NeighbourhoodSourcesTest {

    private static final Path DEMO = Path.of("src/main/resources/application-demo.yml");
    private static final Path ROLES = Path.of("src/main/resources/role-authorizations.yml");
    private static final Path CASE_OWNER = Path.of("processes/case-owner.dmn");
    private static final Path START_FORM = Path.of("forms/resident-request-start.form");

    /** Code to name, in the register's order. */
    private final Map<String, String> register = register();

    @TestFactory
    Stream<DynamicTest> everyPlaceNamesTheNeighbourhoodsOfTheRegister() {
        assertThat(register).as("neighbourhoods in the register").isNotEmpty();
        return Stream.of(
                DynamicTest.dynamicTest("case-owner.dmn", this::ownerTable),
                DynamicTest.dynamicTest("role-authorizations.yml", this::roles),
                DynamicTest.dynamicTest("demo groups, users and budgets", this::demoData),
                DynamicTest.dynamicTest("start form options", this::startForm));
    }

    private void ownerTable() {
        DmnModelInstance model = Dmn.readModelFromFile(CASE_OWNER.toFile());
        DecisionTable table = model.getModelElementsByType(DecisionTable.class).iterator().next();
        Input input = table.getInputs().iterator().next();
        assertThat(input.getInputExpression().getText().getTextContent().trim()).isEqualTo("neighbourhood");
        assertThat(values(input.getInputValues() == null ? null : input.getInputValues().getText().getTextContent()))
                .as("allowed values of the input 'Wijk'").containsExactlyInAnyOrderElementsOf(register.keySet());

        List<Output> outputs = new ArrayList<>(table.getOutputs());
        Map<String, String> groups = new TreeMap<>();
        Map<String, String> teams = new TreeMap<>();
        for (Rule rule : table.getRules()) {
            String code = unquote(rule.getInputEntries().iterator().next().getText().getTextContent());
            List<String> entries = rule.getOutputEntries().stream().map(e -> unquote(e.getText().getTextContent())).toList();
            for (int i = 0; i < outputs.size(); i++) {
                if ("ownerGroup".equals(outputs.get(i).getName())) {
                    groups.put(code, entries.get(i));
                } else if ("ownerTeam".equals(outputs.get(i).getName())) {
                    teams.put(code, entries.get(i));
                }
            }
        }
        assertThat(groups).as("owner group per neighbourhood").isEqualTo(expected(code -> "wijkmanager-" + code));
        assertThat(teams).as("owner team per neighbourhood").isEqualTo(expected(code -> "Team wijk " + register.get(code)));
        Output ownerGroup = outputs.stream().filter(o -> "ownerGroup".equals(o.getName())).findFirst().orElseThrow();
        assertThat(values(ownerGroup.getOutputValues() == null ? null : ownerGroup.getOutputValues().getText().getTextContent()))
                .as("allowed values of the output 'Eigenaar (groep)'").containsExactlyInAnyOrderElementsOf(groups.values());
    }

    @SuppressWarnings("unchecked")
    private void roles() {
        Map<String, Object> authorizations = (Map<String, Object>) ((Map<String, Object>) yaml(ROLES).get("wijkzaken")).get("authorizations");
        Map<String, Object> wijkmanager = (Map<String, Object>) ((Map<String, Object>) authorizations.get("roles")).get("wijkmanager");
        assertThat((List<String>) wijkmanager.get("groups")).as("groups of the role wijkmanager")
                .containsExactlyInAnyOrderElementsOf(expected(code -> "wijkmanager-" + code).values());

        Map<String, List<String>> filters = new TreeMap<>();
        for (Map<String, Object> filter : (List<Map<String, Object>>) authorizations.get("filters")) {
            if ("neighbourhood".equals(filter.get("query"))) {
                filters.put((String) filter.get("neighbourhood"), (List<String>) filter.get("groups"));
            }
        }
        Map<String, List<String>> expectedFilters = new TreeMap<>();
        register.keySet().forEach(code -> expectedFilters.put(code, List.of("wijkmanager-" + code)));
        assertThat(filters).as("Tasklist filter 'in mijn wijk' per neighbourhood, for its own team").isEqualTo(expectedFilters);
    }

    @SuppressWarnings("unchecked")
    private void demoData() {
        Map<String, Object> wijkzaken = (Map<String, Object>) yaml(DEMO).get("wijkzaken");
        Map<String, Object> demo = (Map<String, Object>) wijkzaken.get("demo-data");
        Map<String, String> teamGroups = new TreeMap<>();
        for (Map<String, Object> group : (List<Map<String, Object>>) demo.get("groups")) {
            String id = (String) group.get("id");
            if (id.startsWith("wijkmanager-")) {
                teamGroups.put(id.substring("wijkmanager-".length()), (String) group.get("name"));
            }
        }
        assertThat(teamGroups).as("demo wijkmanager groups and their names")
                .isEqualTo(expected(code -> "Team wijk " + register.get(code)));

        Map<String, Integer> members = new TreeMap<>();
        for (Map<String, Object> user : (List<Map<String, Object>>) demo.get("users")) {
            for (String group : (List<String>) user.get("groups")) {
                if (group.startsWith("wijkmanager-")) {
                    members.merge(group.substring("wijkmanager-".length()), 1, Integer::sum);
                }
            }
        }
        assertThat(members.keySet()).as("neighbourhoods with a demo wijkmanager").containsExactlyInAnyOrderElementsOf(register.keySet());

        List<String> budgets = ((List<Map<String, Object>>) ((Map<String, Object>) wijkzaken.get("subsidy")).get("demo-ceilings"))
                .stream().map(budget -> (String) budget.get("neighbourhood")).toList();
        assertThat(budgets).as("neighbourhoods with a demo ceiling").containsExactlyInAnyOrderElementsOf(register.keySet());
    }

    private void startForm() throws IOException {
        JsonNode form = new ObjectMapper().readTree(START_FORM.toFile());
        JsonNode select = null;
        for (JsonNode component : form.get("components")) {
            if ("neighbourhood".equals(component.path("key").asText())) {
                select = component;
            }
        }
        assertThat(select).as("the field 'neighbourhood' of the start form").isNotNull();
        Map<String, String> options = new LinkedHashMap<>();
        select.get("values").forEach(option -> options.put(option.get("value").asText(), option.get("label").asText()));
        assertThat(options).as("options of 'Wijk' in the start form").containsExactlyInAnyOrderEntriesOf(register);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> register() {
        Map<String, Object> wijkzaken = (Map<String, Object>) yaml(DEMO).get("wijkzaken");
        Map<String, String> register = new LinkedHashMap<>();
        for (Map<String, Object> neighbourhood : (List<Map<String, Object>>) ((Map<String, Object>) wijkzaken.get("demo-data")).get("neighbourhoods")) {
            register.put((String) neighbourhood.get("code"), (String) neighbourhood.get("name"));
        }
        return register;
    }

    private Map<String, String> expected(java.util.function.Function<String, String> perCode) {
        Map<String, String> expected = new TreeMap<>();
        register.keySet().forEach(code -> expected.put(code, perCode.apply(code)));
        return expected;
    }

    private static Map<String, Object> yaml(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return new Yaml().load(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A DMN list of string literals ({@code "a","b"}) as values. */
    private static List<String> values(String list) {
        if (list == null || list.isBlank()) {
            return List.of();
        }
        return Stream.of(list.split(",")).map(NeighbourhoodSourcesTest::unquote).toList();
    }

    private static String unquote(String literal) {
        String trimmed = literal.trim();
        return trimmed.startsWith("\"") && trimmed.endsWith("\"") ? trimmed.substring(1, trimmed.length() - 1) : trimmed;
    }
}
