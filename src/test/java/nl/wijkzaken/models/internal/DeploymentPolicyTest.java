package nl.wijkzaken.models.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * The deployment policy against the configured allow-list (application.yml): our own models pass, the escalation
 * model of issue 12 and every other way to run code with the engine's rights is refused with a Dutch reason that
 * names the file and the element.
 */
class DeploymentPolicyTest {

    static final String ESCALATION = """
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                         xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="test">
              <process id="escalatie" isExecutable="true" camunda:historyTimeToLive="P1D">
                <startEvent id="ElkeSeconde">
                  <timerEventDefinition><timeCycle>R/PT1S</timeCycle></timerEventDefinition>
                </startEvent>
                <sequenceFlow id="f1" sourceRef="ElkeSeconde" targetRef="MaakBeheerder"/>
                <serviceTask id="MaakBeheerder"
                    camunda:expression="${identityService.createMembership('procesbeheerder','camunda-admin')}"/>
                <sequenceFlow id="f2" sourceRef="MaakBeheerder" targetRef="Einde"/>
                <endEvent id="Einde"/>
              </process>
            </definitions>
            """;

    final DeploymentPolicy policy = new DeploymentPolicy(configured(), name -> name.equals("dataSource"));

    @Test
    void everyModelInProcessesAndFormsPasses() throws IOException {
        List<Path> models;
        try (Stream<Path> files = Stream.concat(Files.walk(Path.of("processes")), Files.walk(Path.of("forms")))) {
            models = files.filter(p -> p.toString().matches(".*\\.(bpmn|dmn|form)$")).toList();
        }
        assertThat(models).isNotEmpty();
        for (Path model : models) {
            assertThat(policy.objections(model.getFileName().toString(), Files.readAllBytes(model)))
                    .as(model.toString()).isEmpty();
        }
    }

    @Test
    void theEscalationModelIsRefusedForItsTimerStartItsExpressionAndItsKey() {
        List<String> objections = objections("escalatie.bpmn", ESCALATION);

        assertThat(objections).anySatisfy(o -> assertThat(o).startsWith("escalatie.bpmn, element 'ElkeSeconde'")
                .contains("start het proces vanzelf op een tijdstip (timer)"));
        assertThat(objections).anySatisfy(o -> assertThat(o).startsWith("escalatie.bpmn, element 'MaakBeheerder'")
                .contains("roept 'createMembership' op 'identityService' aan"));
        assertThat(objections).anySatisfy(o -> assertThat(o).contains("dit is geen proces van Wijkzaken")
                .contains("resident-request"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "${identityService.createMembership('procesbeheerder','camunda-admin')}",
            "${runtimeService.startProcessInstanceByKey('resident-request')}",
            "${execution.getProcessEngineServices().getIdentityService()}",
            "${execution.getProcessEngine()}",
            "${execution.processEngineServices}",
            "${task.execution}",
            "${execution.getVariable('ownerGroup')}",
            "${caseFileRecorder.class}",
            "${caseFileRecorder.recorder}",
            "${caseFileRecorder.open}",
            "${caseFileRecorder.delete(execution)}",
            "${''.getClass().forName('java.lang.Runtime')}",
            "${ownerGroup.getClass()}",
            "${ownerGroup.bytes.getClass()}",
            "${adviceAssignment.candidateGroup.class}",
            "${adviceAssignment['class']}",
            "${x[y](execution)}",
            "${processEngine}",
            "${processEngineConfiguration}",
            "${dataSource}",
            "${sys:exec('id')}",
            "${caseFileRecorder.status(execution, identityService)}",
            "${dateTime().plusDays(3)}",
            "aanvraag ${execution.processEngine} klaar",
            "#{identityService}",
    })
    void anExpressionOutsideTheAllowListIsRefused(String expression) {
        assertThat(objections("proef.bpmn", process("<serviceTask id=\"Stap\" camunda:expression=\"" + xml(expression) + "\"/>")))
                .singleElement().satisfies(o -> assertThat(o).startsWith("proef.bpmn, element 'Stap' (serviceTask): de expressie '"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "${caseFileRecorder.open(execution)}",
            "${caseFileRecorder.status(execution, 'ADVIES')}",
            "${budgetDecision.reserve(task)}",
            "${adviceRound.dueDate(adviceAssignment)}",
            "${requestRegistration}",
            "${completeness == 'compleet'}",
            "${!(extendDeadline and !deadlineExtended)}",
            "${adviceAssignment.candidateGroup}",
            "${mandate['coSignGroup']}",
            "${legalDeadline}",
            "${dateTime()}",
            "${currentUser()}",
            "${amount > 2500 ? 'groot' : 'klein'}",
            "wijk ${neighbourhood}",
    })
    void variablesAndTheAllowListedBeanMethodsStayAllowed(String expression) {
        assertThat(objections("proef.bpmn", process("<serviceTask id=\"Stap\" camunda:expression=\"" + xml(expression) + "\"/>")))
                .isEmpty();
    }

    @Test
    void expressionsAreCheckedWhereverTheyAre() {
        String model = process("""
                <userTask id="Taak" camunda:candidateGroups="${identityService.createGroup('x')}"
                          camunda:dueDate="${runtimeService}">
                  <extensionElements>
                    <camunda:taskListener event="create" delegateExpression="${processEngine}"/>
                    <camunda:inputOutput>
                      <camunda:inputParameter name="p">${execution.processEngine}</camunda:inputParameter>
                    </camunda:inputOutput>
                  </extensionElements>
                </userTask>
                <sequenceFlow id="f" sourceRef="Taak" targetRef="Einde">
                  <conditionExpression xsi:type="tFormalExpression">${execution.getProcessEngine() != null}</conditionExpression>
                </sequenceFlow>
                <endEvent id="Einde"/>
                <intermediateCatchEvent id="Wacht">
                  <timerEventDefinition><timeDate>${repositoryService.createDeployment()}</timeDate></timerEventDefinition>
                </intermediateCatchEvent>
                """);

        assertThat(objections("proef.bpmn", model)).hasSize(6)
                .anySatisfy(o -> assertThat(o).contains("'Taak' (userTask)").contains("'createGroup' op 'identityService'"))
                .anySatisfy(o -> assertThat(o).contains("gebruikt 'runtimeService'; dat is geen bean die modellen mogen gebruiken"))
                .anySatisfy(o -> assertThat(o).contains("(taskListener in userTask)").contains("'processEngine'"))
                .anySatisfy(o -> assertThat(o).contains("(inputParameter in userTask)").contains("leest 'processEngine' op 'execution'"))
                .anySatisfy(o -> assertThat(o).contains("'f' (conditionExpression in sequenceFlow)"))
                .anySatisfy(o -> assertThat(o).contains("'Wacht' (timeDate in intermediateCatchEvent)"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "<scriptTask id=\"Stap\" scriptFormat=\"javascript\"><script>java.lang.Runtime.getRuntime()</script></scriptTask>",
            "<serviceTask id=\"Stap\" camunda:class=\"org.example.Escalate\"/>",
            "<serviceTask id=\"Stap\" camunda:expression=\"${caseFileRecorder.open(execution)}\"><extensionElements><camunda:executionListener event=\"start\" class=\"org.example.Escalate\"/></extensionElements></serviceTask>",
            "<userTask id=\"Stap\"><extensionElements><camunda:taskListener event=\"create\"><camunda:script scriptFormat=\"groovy\">1</camunda:script></camunda:taskListener></extensionElements></userTask>",
            "<serviceTask id=\"Stap\"><extensionElements><camunda:inputOutput><camunda:inputParameter name=\"x\"><camunda:script scriptFormat=\"groovy\" resource=\"deployment://x.groovy\"/></camunda:inputParameter></camunda:inputOutput></extensionElements></serviceTask>",
            "<serviceTask id=\"Stap\"><extensionElements><camunda:connector><camunda:connectorId>http-connector</camunda:connectorId></camunda:connector></extensionElements></serviceTask>",
            "<sendTask id=\"Stap\" camunda:class=\"org.example.Escalate\"/>",
            "<callActivity id=\"Stap\" calledElement=\"resident-request\" camunda:variableMappingClass=\"org.example.Escalate\"/>",
            "<exclusiveGateway id=\"Stap\"/><sequenceFlow id=\"f\" sourceRef=\"Stap\" targetRef=\"Stap\"><conditionExpression language=\"javascript\">true</conditionExpression></sequenceFlow>",
            "<startEvent id=\"Stap\"><messageEventDefinition messageRef=\"m\"/></startEvent>",
            "<startEvent id=\"Stap\"><signalEventDefinition signalRef=\"s\"/></startEvent>",
            "<startEvent id=\"Stap\"><conditionalEventDefinition><condition>${true}</condition></conditionalEventDefinition></startEvent>",
    })
    void scriptsClassesConnectorsAndSelfStartingProcessesAreRefused(String elements) {
        assertThat(objections("proef.bpmn", process(elements))).isNotEmpty()
                .allSatisfy(o -> assertThat(o).startsWith("proef.bpmn, element "));
    }

    @Test
    void aTimerStartEventListedAsMeantIsAccepted() {
        ModelPolicyProperties meant = new ModelPolicyProperties(List.of("resident-request"),
                List.of("resident-request:ElkeNacht"), configured().expressionBeans());
        String model = process("<startEvent id=\"ElkeNacht\"><timerEventDefinition><timeCycle>R/P1D</timeCycle></timerEventDefinition></startEvent>");

        assertThat(new DeploymentPolicy(meant, name -> false).objections("proef.bpmn", bytes(model))).isEmpty();
        assertThat(objections("proef.bpmn", model)).singleElement().asString().contains("'ElkeNacht'");
    }

    @Test
    void aTimerStartEventInAnEventSubprocessOfACaseIsNotAProcessThatStartsItself() {
        assertThat(objections("proef.bpmn", process("""
                <subProcess id="Herinnering" triggeredByEvent="true">
                  <startEvent id="NaEenWeek" isInterrupting="false"><timerEventDefinition><timeDuration>P7D</timeDuration></timerEventDefinition></startEvent>
                </subProcess>
                """))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"juel", "javascript", "groovy", "python"})
    void aDecisionTableInAnotherLanguageThanFeelIsRefused(String language) {
        String dmn = """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="d" name="d" namespace="test">
                  <decision id="proef" name="Proef">
                    <decisionTable id="t">
                      <input id="i"><inputExpression id="ie" typeRef="string" expressionLanguage="%s"><text>${identityService}</text></inputExpression></input>
                      <output id="o" name="uit" typeRef="string"/>
                      <rule id="r"><inputEntry id="e"><text>-</text></inputEntry><outputEntry id="oe"><text>"x"</text></outputEntry></rule>
                    </decisionTable>
                  </decision>
                </definitions>
                """.formatted(language);

        assertThat(objections("proef.dmn", dmn)).singleElement().asString()
                .isEqualTo("proef.dmn, element 'ie' (inputExpression): gebruikt de expressietaal '" + language
                        + "'; in beslistabellen is alleen FEEL toegestaan");
    }

    @Test
    void otherFilesAndDoctypesAreRefused() {
        assertThat(objections("zaak.cmmn", "<definitions/>")).singleElement().asString()
                .contains("alleen BPMN-, DMN- en formulierbestanden");
        assertThat(objections("x.groovy", "1")).hasSize(1);
        assertThat(objections("proef.bpmn", "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><definitions>&x;</definitions>"))
                .singleElement().asString().contains("geen leesbare XML");
    }

    private List<String> objections(String file, String content) {
        return policy.objections(file, bytes(content));
    }

    static String process(String elements) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                             xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                             xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="test">
                  <process id="resident-request" isExecutable="true" camunda:historyTimeToLive="P1D">
                %s
                  </process>
                </definitions>
                """.formatted(elements);
    }

    private static byte[] bytes(String content) {
        return content.getBytes(StandardCharsets.UTF_8);
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
    }

    /** The allow-list as application.yml configures it. */
    static ModelPolicyProperties configured() {
        try {
            StandardEnvironment environment = new StandardEnvironment();
            new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yml"))
                    .forEach(environment.getPropertySources()::addFirst);
            return Binder.get(environment).bind("wijkzaken.models", ModelPolicyProperties.class).get();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
