package nl.wijkzaken.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationListener;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.Output;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Evaluates the examples of every DMN table in processes/ (src/test/resources/dmn-examples/&lt;decision&gt;.csv,
 * columns {@code in:<variable>} and {@code out:<output>}, separated by ';', empty = null) on the real DMN engine,
 * and fails when a rule of a table is matched by no example: a process owner who changes a table changes its
 * examples with it. For a COLLECT table the expected value of an output is the list of collected values, in rule
 * order, separated by ',' (empty = no rule matched).
 */
class DecisionTableExamplesTest {

    private final Set<String> matchedRules = new LinkedHashSet<>();
    private final DmnEngine dmnEngine = engine(matchedRules);

    private static DmnEngine engine(Set<String> matchedRules) {
        DefaultDmnEngineConfiguration configuration =
                (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        DmnDecisionTableEvaluationListener listener = event -> event.getMatchingRules().stream()
                .map(DmnEvaluatedDecisionRule::getId).forEach(matchedRules::add);
        configuration.customPostDecisionTableEvaluationListeners(List.of(listener));
        return configuration.buildEngine();
    }

    @TestFactory
    Stream<DynamicTest> everyTableAgreesWithItsExamplesAndEveryRuleHasOne() throws IOException {
        List<Path> tables;
        try (Stream<Path> files = Files.list(Path.of("processes"))) {
            tables = files.filter(p -> p.toString().endsWith(".dmn")).sorted().toList();
        }
        assertThat(tables).isNotEmpty();
        return tables.stream().map(table -> DynamicTest.dynamicTest(table.getFileName().toString(), () -> {
            String xml = Files.readString(table);
            DmnModelInstance model = Dmn.readModelFromStream(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
            for (DmnDecision decision : dmnEngine.parseDecisions(model)) {
                checkExamples(decision, model);
            }
        }));
    }

    /**
     * Modeler offers the values of a closed list ({@code inputValues}/{@code outputValues}) in its cell editor. A
     * text input that only compares with literals must declare them, and no rule may use a literal outside them.
     */
    @TestFactory
    Stream<DynamicTest> closedListsAreDeclaredAndRulesStayWithinThem() throws IOException {
        List<Path> tables;
        try (Stream<Path> files = Files.list(Path.of("processes"))) {
            tables = files.filter(p -> p.toString().endsWith(".dmn")).sorted().toList();
        }
        return tables.stream().map(table -> DynamicTest.dynamicTest(table.getFileName().toString(), () -> {
            DmnModelInstance model = Dmn.readModelFromFile(table.toFile());
            for (DecisionTable decisionTable : model.getModelElementsByType(DecisionTable.class)) {
                List<Input> inputs = new ArrayList<>(decisionTable.getInputs());
                List<Output> outputs = new ArrayList<>(decisionTable.getOutputs());
                for (int i = 0; i < inputs.size(); i++) {
                    int column = i;
                    List<String> entries = decisionTable.getRules().stream()
                            .map(rule -> new ArrayList<>(rule.getInputEntries()).get(column).getText().getTextContent()).toList();
                    String label = table.getFileName() + ", input '" + inputs.get(i).getLabel() + "'";
                    Set<String> used = literals(entries);
                    if (used == null) {
                        continue;
                    }
                    assertThat(inputs.get(i).getInputValues()).as(label + " compares with literals only: declare inputValues").isNotNull();
                    assertThat(literals(List.of(inputs.get(i).getInputValues().getText().getTextContent())))
                            .as(label + ": values used by the rules").containsAll(used);
                }
                for (int i = 0; i < outputs.size(); i++) {
                    if (outputs.get(i).getOutputValues() == null) {
                        continue;
                    }
                    int column = i;
                    List<String> entries = decisionTable.getRules().stream()
                            .map(rule -> new ArrayList<>(rule.getOutputEntries()).get(column).getText().getTextContent()).toList();
                    Set<String> used = literals(entries);
                    assertThat(used).as(table.getFileName() + ", output '" + outputs.get(i).getLabel() + "' gives literals").isNotNull();
                    assertThat(literals(List.of(outputs.get(i).getOutputValues().getText().getTextContent())))
                            .as(table.getFileName() + ", output '" + outputs.get(i).getLabel() + "': values given by the rules")
                            .containsAll(used);
                }
            }
        }));
    }

    /** The string literals of the cells ({@code "a"}, {@code "a","b"}, {@code not("a")}), or null when a cell is anything else. */
    private static Set<String> literals(List<String> cells) {
        Set<String> literals = new LinkedHashSet<>();
        boolean any = false;
        for (String cell : cells) {
            String text = cell == null ? "" : cell.trim();
            if (text.isEmpty()) {
                continue;
            }
            if (text.startsWith("not(") && text.endsWith(")")) {
                text = text.substring(4, text.length() - 1);
            }
            for (String part : text.split(",")) {
                String literal = part.trim();
                if (!(literal.length() >= 2 && literal.startsWith("\"") && literal.endsWith("\""))) {
                    return null;
                }
                literals.add(literal.substring(1, literal.length() - 1));
                any = true;
            }
        }
        return any ? literals : null;
    }

    @Test
    void aChangedThresholdInTheMandateTableChangesWhoDecides() throws IOException {
        String original = Files.readString(Path.of("processes/decision-mandate.dmn"));
        String raised = original.replace("&lt;= 2500", "&lt;= 5000").replace("]2500..10000]", "]5000..10000]");
        assertThat(raised).as("the thresholds as written in the table").isNotEqualTo(original);
        Map<String, Object> case4000 = Map.of("decisionType", "toekenning", "amountToDecide", 4000.0, "category", "spelen-en-sport",
                "ownerGroup", "wijkmanager-breukelen");

        assertThat(decide(original, case4000)).isEqualTo("gebiedsmanager");
        assertThat(decide(raised, case4000)).isEqualTo("wijkmanager-breukelen");
    }

    private String decide(String xml, Map<String, Object> variables) {
        DmnDecision decision = dmnEngine.parseDecision("decision-mandate",
                new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        return dmnEngine.evaluateDecisionTable(decision, variables).getSingleResult().getEntry("decidingGroup");
    }

    private void checkExamples(DmnDecision decision, DmnModelInstance model) throws IOException {
        Path examples = Path.of("src/test/resources/dmn-examples", decision.getKey() + ".csv");
        assertThat(examples).as("examples of decision " + decision.getKey()).exists();
        List<String> lines = Files.readAllLines(examples).stream().filter(l -> !l.isBlank()).toList();
        String[] header = lines.get(0).split(";", -1);
        DecisionTable table = model.<Decision>getModelElementById(decision.getKey())
                .getChildElementsByType(DecisionTable.class).iterator().next();
        boolean collects = table.getHitPolicy() == HitPolicy.COLLECT;
        matchedRules.clear();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(";", -1);
            assertThat(cells).as("cells in '" + line + "'").hasSameSizeAs(header);
            Map<String, Object> inputs = new HashMap<>();
            Map<String, String> expected = new HashMap<>();
            for (int i = 0; i < header.length; i++) {
                if (header[i].startsWith("in:")) {
                    inputs.put(header[i].substring(3), value(cells[i]));
                } else {
                    expected.put(header[i].substring(4), cells[i]);
                }
            }
            DmnDecisionTableResult results = dmnEngine.evaluateDecisionTable(decision, inputs);
            if (collects) {
                expected.forEach((output, value) -> assertThat(String.join(",", results.<String>collectEntries(output)))
                        .as("%s: %s for %s", decision.getKey(), output, line).isEqualTo(value));
                continue;
            }
            DmnDecisionRuleResult result = results.getSingleResult();
            assertThat(result).as(decision.getKey() + " has a result for " + line).isNotNull();
            expected.forEach((output, value) -> {
                Object actual = result.containsKey(output) ? result.getEntry(output) : null;
                assertThat(same(actual, value)).as("%s: %s for %s was %s", decision.getKey(), output, line, actual).isTrue();
            });
        }
        List<String> rules = new ArrayList<>();
        table.getRules().forEach(rule -> rules.add(rule.getId()));
        assertThat(matchedRules).as("rules of " + decision.getKey() + " matched by an example")
                .containsExactlyInAnyOrderElementsOf(rules);
    }

    private static Object value(String cell) {
        if (cell.isEmpty()) {
            return null;
        }
        if (cell.equals("true") || cell.equals("false")) {
            return Boolean.valueOf(cell);
        }
        if (cell.matches("-?\\d+")) {
            return Integer.valueOf(cell);
        }
        if (cell.matches("-?\\d+\\.\\d+")) {
            return Double.valueOf(cell);
        }
        return cell;
    }

    private static boolean same(Object actual, String expected) {
        if (expected.isEmpty()) {
            return actual == null || "".equals(actual);
        }
        if (actual instanceof Number number) {
            return new BigDecimal(number.toString()).compareTo(new BigDecimal(expected)) == 0;
        }
        return expected.equals(String.valueOf(actual));
    }
}
