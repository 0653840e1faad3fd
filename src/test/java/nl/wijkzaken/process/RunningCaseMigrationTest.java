package nl.wijkzaken.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import nl.wijkzaken.intake.CarriedOutBy;
import nl.wijkzaken.casefile.CaseStatus;
import nl.wijkzaken.intake.Category;
import nl.wijkzaken.intake.RegisteredRequest;
import nl.wijkzaken.intake.ResidentRequest;
import nl.wijkzaken.intake.Urgency;
import nl.wijkzaken.models.ResidentRequestProcess;
import nl.wijkzaken.models.ResidentRequestProcess.Tasks;

/**
 * A new version of resident-request takes the running cases with it: a case waiting for its completeness check on
 * the old version continues on the new one, with its variables and its open task, and the steps after it are the
 * new version's.
 */
@org.camunda.bpm.engine.test.Deployment(resources = {
        "processes/resident-request.bpmn", "forms/verzoek-beantwoorden.form",
        "processes/advice-assignment.dmn", "processes/advice-domains.dmn", "processes/case-owner.dmn",
        "processes/decision-mandate.dmn", "processes/deliberation-needed.dmn", "processes/terms.dmn", "processes/request-route.dmn", "processes/grant-obligations.dmn", "processes/grant-advance.dmn",
        "processes/triage.dmn",
        "forms/resident-request-start.form", "forms/volledigheid-beoordelen.form", "forms/snel-afhandelen.form",
        "forms/advies-geven.form", "forms/gezamenlijk-overleg.form", "forms/besluit-nemen.form",
        "forms/besluit-medeondertekenen.form", "forms/beslistermijn-nadert.form", "forms/beslistermijn-verstreken.form"})
class RunningCaseMigrationTest {

    @RegisterExtension
    static ProcessEngineExtension extension = BareEngine.extension();

    private final BareEngine bare = BareEngine.get();
    private final RepositoryService repositoryService = bare.engine.getRepositoryService();
    private final RuntimeService runtimeService = bare.engine.getRuntimeService();
    private final TaskService taskService = bare.engine.getTaskService();
    private final RunningCaseMigration migration = new RunningCaseMigration(bare.engine);
    private String newVersionDeployment;

    @AfterEach
    void removeTheNewVersion() {
        if (newVersionDeployment != null) {
            repositoryService.deleteDeployment(newVersionDeployment, true);
        }
    }

    @Test
    void aCaseWaitingOnAnOlderVersionContinuesOnTheLatestOne() {
        bare.neighbourhoodWithBudget("breukelen", "Breukelen", "50000");
        RegisteredRequest request = bare.intake.submit(new ResidentRequest("Fatima de Vries", "fatima@example.org", null,
                "Buurtgroep Zuid", "breukelen", Category.GROEN_EN_OPENBARE_RUIMTE, "Bankje bij de speeltuin",
                "Graag een bankje.", new BigDecimal("2000"), Urgency.NORMAAL, "Straatweg 1", "Straatweg", "1", "3621 AB", "Breukelen", nl.wijkzaken.intake.DecisionChannel.EMAIL, true, CarriedOutBy.BEWONERS), "online");
        bare.sendMessages(request.caseNumber());
        String oldDefinition = definitionOf(request);
        assertThat(migration.migrateToLatestVersion()).as("nothing to migrate while there is one version").isZero();

        ProcessDefinition latest = deployANewVersionRenamingTheCompletenessCheck();
        int migrated = migration.migrateToLatestVersion();

        assertThat(migrated).isEqualTo(1);
        assertThat(definitionOf(request)).isEqualTo(latest.getId()).isNotEqualTo(oldDefinition);
        Task check = taskService.createTaskQuery().processInstanceId(request.processInstanceId()).singleResult();
        assertThat(check.getTaskDefinitionKey()).isEqualTo(Tasks.CHECK_COMPLETENESS);
        assertThat(check.getProcessDefinitionId()).isEqualTo(latest.getId());
        assertThat(runtimeService.getVariable(request.processInstanceId(), "caseNumber")).isEqualTo(request.caseNumber());

        taskService.claim(check.getId(), "wm.breukelen");
        taskService.complete(check.getId(), Map.of("completeness", "compleet", "completenessMotivation", "Compleet."));
        Task next = taskService.createTaskQuery().processInstanceId(request.processInstanceId()).list().get(0);
        assertThat(next.getTaskDefinitionKey()).isEqualTo(Tasks.GIVE_ADVICE);
        assertThat(next.getProcessDefinitionId()).as("the steps after the check are the new version's").isEqualTo(latest.getId());
        assertThat(bare.caseFiles.find(request.caseNumber()).orElseThrow().status()).isEqualTo(CaseStatus.ADVIES);
        assertThat(migration.migrateToLatestVersion()).as("a second start-up finds nothing left to migrate").isZero();
    }

    /** A case started before the routes existed has no "route": it keeps the grant path; a verzoek stays a verzoek. */
    @Test
    void aCaseFromBeforeTheRoutesGetsRouteSubsidieAndAVerzoekKeepsItsRoute() {
        bare.neighbourhoodWithBudget("breukelen", "Breukelen", "50000");
        RegisteredRequest old = bare.submitOnline("breukelen", Category.GROEN_EN_OPENBARE_RUIMTE, "2000", Urgency.NORMAAL);
        bare.sendMessages(old.caseNumber());
        runtimeService.removeVariable(old.processInstanceId(), "route");
        RegisteredRequest verzoek = bare.submitCarriedOutBy("gemeente", "breukelen", Category.GROEN_EN_OPENBARE_RUIMTE,
                "Bankje", "Kan de gemeente een bankje zetten?", "0", Urgency.NORMAAL);
        bare.sendMessages(verzoek.caseNumber());

        deployANewVersionRenamingTheCompletenessCheck();
        assertThat(migration.migrateToLatestVersion()).isGreaterThanOrEqualTo(2);

        assertThat(runtimeService.getVariable(old.processInstanceId(), "route")).isEqualTo("subsidie");
        assertThat(runtimeService.getVariable(verzoek.processInstanceId(), "route")).isEqualTo("verzoek");
    }

    private String definitionOf(RegisteredRequest request) {
        return runtimeService.createProcessInstanceQuery().processInstanceId(request.processInstanceId()).singleResult()
                .getProcessDefinitionId();
    }

    private ProcessDefinition deployANewVersionRenamingTheCompletenessCheck() {
        String bpmn;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("processes/resident-request.bpmn")) {
            bpmn = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String renamed = bpmn.replace("name=\"Volledigheid beoordelen\"", "name=\"Volledigheid toetsen\"");
        assertThat(renamed).isNotEqualTo(bpmn);
        newVersionDeployment = repositoryService.createDeployment().name("resident-request, nieuwe versie")
                .addString("resident-request.bpmn", renamed).deploy().getId();
        return repositoryService.createProcessDefinitionQuery().processDefinitionKey(ResidentRequestProcess.KEY)
                .latestVersion().singleResult();
    }
}
