package nl.wijkzaken.security.internal;

import nl.wijkzaken.support.TestAddress;
import nl.wijkzaken.support.StaffApi.Reply;
import static nl.wijkzaken.support.StaffApi.variables;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Year;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import nl.wijkzaken.intake.Category;
import nl.wijkzaken.intake.RegisteredRequest;
import nl.wijkzaken.intake.RequestIntake;
import nl.wijkzaken.support.ApplicationTest;
import nl.wijkzaken.support.Cases;
import nl.wijkzaken.support.StaffApi;
import nl.wijkzaken.support.WebappSession;

/**
 * The roles of role-authorizations.yml as the engine and the application enforce them, over real HTTP as the demo
 * users on real resident-request cases: each role can do its part and is refused the rest.
 */
@ApplicationTest
class RoleAuthorizationInitializerTest {

    private static final String TINY_PROCESS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                         xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="test">
              <process id="deploy-probe" isExecutable="true" camunda:historyTimeToLive="P1D">
                <startEvent id="start"/>
              </process>
            </definitions>
            """;

    @LocalServerPort int port;
    @Autowired ApplicationContext context;
    @Autowired RoleAuthorizationInitializer initializer;
    @Autowired AuthorizationService authorizationService;
    @Autowired RequestIntake intake;
    @Autowired ManagementService managementService;
    @Autowired TaskService taskService;
    @Autowired RuntimeService runtimeService;
    @Autowired HistoryService historyService;
    @Autowired RepositoryService repositoryService;

    private Cases cases;

    @BeforeEach
    void cases() {
        cases = new Cases(context);
    }

    // --- which webapp each role may use ------------------------------------------------------------------------

    @ParameterizedTest(name = "{0} in {1}: {2}")
    @CsvSource({
            "balie, tasklist, 200", "balie, cockpit, 403", "balie, admin, 403",
            "wm.breukelen, tasklist, 200", "wm.breukelen, cockpit, 403", "wm.breukelen, admin, 403",
            "adv.fysiek, tasklist, 200", "adv.fysiek, cockpit, 403",
            "gebiedsmanager, tasklist, 200", "gebiedsmanager, cockpit, 403",
            "wethouder, tasklist, 200", "wethouder, admin, 403",
            "auditor, cockpit, 200", "auditor, tasklist, 403", "auditor, admin, 403",
            "procesbeheerder, cockpit, 200", "procesbeheerder, tasklist, 403", "procesbeheerder, admin, 403",
            "demo, admin, 200", "demo, cockpit, 200", "demo, tasklist, 200"})
    void staffUseTasklistAuditorsAndProcessOwnersCockpitOnlyTheAdministratorAdmin(String user, String app, int status) {
        WebappSession session = new WebappSession(port);
        session.open();

        assertThat(session.login(user, app, true).statusCode()).isEqualTo(status);
    }

    // --- each role does its own part -----------------------------------------------------------------------------

    @Test
    void aCaseGoesFromTheFrontOfficeThroughEveryRoleOverRest() {
        Reply started = as("balie").post("/engine-rest/process-definition/key/resident-request/submit-form", variables(
                "applicantName", "Jan de Bank", "applicantEmail", "jan@example.org", "neighbourhood", "maarssenbroek",
                "category", "groen-en-openbare-ruimte", "title", "Bankjes in het park", "description", "Drie bankjes.",
                "amountRequested", 12000.0, "urgency", "normaal", "channel", "balie", "postalStreet", TestAddress.STREET,
                "postalHouseNumber", TestAddress.HOUSE_NUMBER, "postalCode", TestAddress.POSTAL_CODE,
                "postalPlace", TestAddress.PLACE, "decisionChannel", "e-mail", "emailConsent", true,
                "carriedOutBy", "bewoners"));
        assertThat(started.status()).as(started.toString()).isEqualTo(200);
        String instance = started.json().get("id").asText();
        assertThat(started.json().get("businessKey").asText()).startsWith("BV-");
        cases.runMessages(instance);
        // The front office gives the caller the receipt (its own task, assigned to whoever registered the case).
        work("balie", instance, "GiveReceipt", variables());

        work("wm.maarssenbroek", instance, "CheckCompleteness", variables("completeness", "compleet", "completenessMotivation", "Alles is er."));
        work("adv.fysiek", instance, "GiveAdvice", variables("adviceOutcome", "positief", "adviceMotivation", "Past in het groenplan."));
        work("gebiedsmanager", instance, "Decide", variables("outcome", "toegekend", "decisionMotivation", "Goed voor de buurt."));
        work("wethouder", instance, "CoSignDecision", variables("coSignDecision", "akkoord"));
        cases.runMessages(instance);

        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance).count()).isZero();
        Reply history = as("auditor").get("/engine-rest/history/task?processInstanceId=" + instance + "&finished=true");
        assertThat(history.json().findValuesAsText("assignee"))
                .containsExactlyInAnyOrder("balie", "wm.maarssenbroek", "adv.fysiek", "gebiedsmanager", "wethouder");
        // The front office starts cases and gives the receipt, and sees no other tasks.
        assertThat(as("balie").get("/engine-rest/task?processInstanceId=" + instance).json()).isEmpty();
    }

    @Test
    void aWijkmanagerOfBreukelenCanNeitherSeeNorCompleteAMaarssenbroekTask() {
        RegisteredRequest maarssenbroek = cases.start("maarssenbroek", Category.GROEN_EN_OPENBARE_RUIMTE, "2000");
        RegisteredRequest breukelen = cases.start("breukelen", Category.GROEN_EN_OPENBARE_RUIMTE, "2000");
        Task task = task(maarssenbroek.processInstanceId(), "CheckCompleteness");
        StaffApi wmBreukelen = as("wm.breukelen");

        assertThat(ids(wmBreukelen.get("/engine-rest/task"))).doesNotContain(task.getId())
                .contains(task(breukelen.processInstanceId(), "CheckCompleteness").getId());
        assertThat(wmBreukelen.get("/engine-rest/task?processInstanceBusinessKey=" + maarssenbroek.caseNumber()).json()).isEmpty();
        assertThat(wmBreukelen.get("/engine-rest/task/" + task.getId()).status()).isEqualTo(404);
        assertThat(wmBreukelen.get("/engine-rest/task/" + task.getId() + "/form-variables").status()).isEqualTo(403);
        assertThat(wmBreukelen.get("/engine-rest/process-instance/" + maarssenbroek.processInstanceId() + "/variables").status())
                .isEqualTo(403);
        assertThat(wmBreukelen.post("/engine-rest/task/" + task.getId() + "/claim", Map.of("userId", "wm.breukelen")).status())
                .isEqualTo(403);
        assertThat(wmBreukelen.post("/engine-rest/task/" + task.getId() + "/submit-form",
                variables("completeness", "compleet", "completenessMotivation", "Gezien.")).status()).isEqualTo(403);
        assertThat(wmBreukelen.post("/engine-rest/task/" + task.getId() + "/complete", variables("completeness", "compleet")).status())
                .isEqualTo(403);

        assertThat(taskService.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isNull();
        assertThat(ids(as("wm.maarssenbroek").get("/engine-rest/task"))).contains(task.getId());
    }

    @Test
    void aDomainSpecialistAdvisesButCannotTakeTheBudgetDecision() {
        RegisteredRequest request = cases.start("loenen", Category.GROEN_EN_OPENBARE_RUIMTE, "5000");
        String instance = request.processInstanceId();
        work("wm.loenen", instance, "CheckCompleteness", variables("completeness", "compleet", "completenessMotivation", "Compleet."));
        work("adv.fysiek", instance, "GiveAdvice", variables("adviceOutcome", "positief", "adviceMotivation", "Prima."));
        Task decide = task(instance, "Decide");
        StaffApi adviser = as("adv.fysiek");

        assertThat(ids(adviser.get("/engine-rest/task"))).doesNotContain(decide.getId());
        assertThat(adviser.post("/engine-rest/task/" + decide.getId() + "/claim", Map.of("userId", "adv.fysiek")).status()).isEqualTo(403);
        assertThat(adviser.post("/engine-rest/task/" + decide.getId() + "/assignee", Map.of("userId", "adv.fysiek")).status()).isEqualTo(403);
        assertThat(adviser.post("/engine-rest/task/" + decide.getId() + "/submit-form",
                variables("outcome", "toegekend", "decisionMotivation", "Ik besluit.")).status()).isEqualTo(403);
        // Nor may the owner of the case: 5,000 is above his mandate.
        assertThat(as("wm.loenen").post("/engine-rest/task/" + decide.getId() + "/claim", Map.of("userId", "wm.loenen")).status())
                .isEqualTo(403);

        assertThat(taskService.createTaskQuery().taskId(decide.getId()).singleResult().getAssignee()).isNull();
        assertThat(ids(as("gebiedsmanager").get("/engine-rest/task"))).contains(decide.getId());
    }

    @Test
    void theAuditorReadsEverythingAndChangesNothing() {
        RegisteredRequest request = cases.start("maarssen-dorp", Category.SOCIAAL_EN_ONTMOETING, "750");
        String instance = request.processInstanceId();
        Task task = task(instance, "CheckCompleteness");
        StaffApi auditor = as("auditor");

        assertThat(ids(auditor.get("/engine-rest/task?processInstanceId=" + instance))).containsExactly(task.getId());
        assertThat(auditor.get("/engine-rest/process-instance/" + instance + "/variables").json().path("neighbourhood")
                .path("value").asText()).isEqualTo("maarssen-dorp");
        assertThat(auditor.get("/engine-rest/history/process-instance?processInstanceId=" + instance).json()).hasSize(1);
        assertThat(auditor.get("/engine-rest/history/decision-instance?processInstanceId=" + instance).json()).isNotEmpty();
        assertThat(auditor.get("/engine-rest/history/user-operation").status()).isEqualTo(200);
        assertThat(auditor.get("/api/dossiers/" + request.caseNumber()).status()).isEqualTo(200);
        String deployment = repositoryService.createDeploymentQuery().list().get(0).getId();

        List<Reply> refused = List.of(
                auditor.post("/engine-rest/task/" + task.getId() + "/claim", Map.of("userId", "auditor")),
                auditor.post("/engine-rest/task/" + task.getId() + "/assignee", Map.of("userId", "wm.maarssen-dorp")),
                auditor.post("/engine-rest/task/" + task.getId() + "/complete", variables("completeness", "compleet")),
                auditor.post("/engine-rest/task/" + task.getId() + "/submit-form", variables("completeness", "compleet")),
                auditor.put("/engine-rest/process-instance/" + instance + "/variables/amountToDecide", Map.of("value", 1.0)),
                auditor.delete("/engine-rest/process-instance/" + instance),
                auditor.post("/engine-rest/process-definition/key/resident-request/start", Map.of()),
                auditor.deploy("auditor-probe", "probe.bpmn", TINY_PROCESS),
                auditor.delete("/engine-rest/deployment/" + deployment + "?cascade=true"),
                auditor.delete("/engine-rest/history/process-instance/" + instance),
                auditor.post("/api/budgets", Map.of("neighbourhood", "loenen", "year", Year.now().getValue() + 1,
                        "amount", 1, "reason", "proef")),
                auditor.put("/api/budgets/loenen/" + Year.now().getValue(), Map.of("amount", 1, "reason", "proef")));

        assertThat(refused).allSatisfy(reply -> assertThat(reply.status()).as(reply.toString()).isEqualTo(403));
        assertThat(taskService.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isNull();
        assertThat(runtimeService.getVariable(instance, "amountToDecide")).isNotEqualTo(1.0);
        assertThat(repositoryService.createDeploymentQuery().deploymentId(deployment).count()).isOne();
        assertThat(repositoryService.createDeploymentQuery().deploymentName("auditor-probe").count()).isZero();
    }

    @Test
    void onlyTheProcessOwnerAndTheAdministratorMayDeployAndDeleteModels() {
        Reply byOwner = as("procesbeheerder").deploy("probe", "probe.bpmn", TINY_PROCESS);
        assertThat(byOwner.status()).isEqualTo(200);
        String deployment = byOwner.json().get("id").asText();
        assertThat(as("demo").deploy("probe", "probe.bpmn", TINY_PROCESS).status()).isEqualTo(200);
        for (String user : List.of("balie", "wm.breukelen", "adv.fysiek", "gebiedsmanager", "wethouder", "auditor")) {
            assertThat(as(user).deploy("probe", "probe.bpmn", TINY_PROCESS).status()).as(user).isEqualTo(403);
            // Refused, or not even visible.
            assertThat(as(user).delete("/engine-rest/deployment/" + deployment).status()).as(user).isIn(403, 404);
        }
        assertThat(StaffApi.anonymous(port).deploy("probe", "probe.bpmn", TINY_PROCESS).status()).isEqualTo(401);

        assertThat(as("procesbeheerder").delete("/engine-rest/deployment/" + deployment + "?cascade=true").status()).isEqualTo(204);
        assertThat(repositoryService.createDeploymentQuery().deploymentId(deployment).count()).isZero();
    }

    @Test
    void theApplicationsOwnApiFollowsTheSameRoles() {
        String caseNumber = cases.start("breukelen", Category.OVERIG, "100").caseNumber();
        int year = Year.now().getValue();

        for (String user : List.of("auditor", "demo")) {
            assertThat(as(user).get("/api/dossiers/" + caseNumber).status()).as(user).isEqualTo(200);
        }
        for (String user : List.of("auditor", "procesbeheerder", "demo")) {
            assertThat(as(user).get("/api/model-deployments").status()).as(user).isEqualTo(200);
        }
        for (String user : List.of("balie", "wm.breukelen", "adv.fysiek", "gebiedsmanager", "wethouder", "procesbeheerder")) {
            assertThat(as(user).get("/api/dossiers/" + caseNumber).status()).as(user).isEqualTo(403);
        }
        for (String user : List.of("balie", "wm.breukelen", "adv.fysiek", "gebiedsmanager", "wethouder")) {
            assertThat(as(user).get("/api/model-deployments").status()).as(user).isEqualTo(403);
        }
        assertThat(neighbourhoods(as("wm.breukelen").get("/api/budgets?year=" + year))).containsExactly("breukelen");
        assertThat(as("wm.breukelen").get("/api/budgets/maarssenbroek/" + year).status()).isEqualTo(403);
        assertThat(neighbourhoods(as("adv.fysiek").get("/api/budgets?year=" + year))).isEmpty();
        assertThat(neighbourhoods(as("gebiedsmanager").get("/api/budgets?year=" + year)))
                .containsExactlyInAnyOrder("maarssenbroek", "maarssen-dorp", "breukelen", "loenen");
        assertThat(as("wm.breukelen").put("/api/budgets/breukelen/" + year, Map.of("amount", 1, "reason", "meer")).status())
                .isEqualTo(403);
    }

    @Test
    void applyingTheDefinitionAgainAddsNothing() {
        long before = authorizationService.createAuthorizationQuery().count();

        initializer.run(new DefaultApplicationArguments());

        assertThat(authorizationService.createAuthorizationQuery().count()).isEqualTo(before);
    }

    @Test
    void aGrantTakenOutOfTheFileIsTakenAwayAtTheNextStartPerCaseGrantsStay() {
        // A database from before: the process owner still read all process history, a domain group got UPDATE on all
        // cases. (Not a wijk: wijkmanagers hold PROCESS_INSTANCE * CREATE to start "Beslistermijn opschorten".)
        Authorization owner = authorizationService.createAuthorizationQuery().groupIdIn("procesbeheerder")
                .resourceType(Resources.PROCESS_DEFINITION).resourceId("*").singleResult();
        owner.addPermission(Permissions.READ_HISTORY);
        authorizationService.saveAuthorization(owner);
        Authorization stale = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        stale.setGroupId("advies-fysiek");
        stale.setResource(Resources.PROCESS_INSTANCE);
        stale.setResourceId("*");
        stale.addPermission(Permissions.UPDATE);
        authorizationService.saveAuthorization(stale);
        String task = task(cases.start("breukelen", Category.OVERIG, "100").processInstanceId(), "CheckCompleteness").getId();
        long perTask = authorizationService.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(task).count();
        long filters = authorizationService.createAuthorizationQuery().resourceType(Resources.FILTER).count();
        long administrators = authorizationService.createAuthorizationQuery().groupIdIn("camunda-admin").count();
        assertThat(as("procesbeheerder").get("/engine-rest/history/variable-instance?variableName=applicantEmail").json())
                .isNotEmpty();

        initializer.run(new DefaultApplicationArguments());

        Authorization reduced = authorizationService.createAuthorizationQuery().groupIdIn("procesbeheerder")
                .resourceType(Resources.PROCESS_DEFINITION).resourceId("*").singleResult();
        assertThat(reduced.isPermissionGranted(Permissions.READ)).isTrue();
        assertThat(reduced.isPermissionGranted(Permissions.READ_HISTORY)).isFalse();
        assertThat(authorizationService.createAuthorizationQuery().groupIdIn("advies-fysiek")
                .resourceType(Resources.PROCESS_INSTANCE).count()).isZero();
        assertThat(as("procesbeheerder").get("/engine-rest/history/variable-instance?variableName=applicantEmail").json())
                .isEmpty();
        assertThat(authorizationService.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(task).count())
                .isEqualTo(perTask).isPositive();
        assertThat(authorizationService.createAuthorizationQuery().resourceType(Resources.FILTER).count()).isEqualTo(filters);
        assertThat(authorizationService.createAuthorizationQuery().groupIdIn("camunda-admin").count()).isEqualTo(administrators);
    }

    // ---------------------------------------------------------------------------------------------------------------

    private StaffApi as(String user) {
        return StaffApi.as(user, port);
    }

    /** Claims and submits the case's open task as the user, over REST, and checks that both were accepted. */
    private void work(String user, String instance, String taskKey, Map<String, Object> form) {
        Task task = task(instance, taskKey);
        Reply claim = as(user).post("/engine-rest/task/" + task.getId() + "/claim", Map.of("userId", user));
        assertThat(claim.status()).as(user + " claims " + taskKey + ": " + claim).isEqualTo(204);
        Reply submit = as(user).post("/engine-rest/task/" + task.getId() + "/submit-form", form);
        assertThat(submit.status()).as(user + " submits " + taskKey + ": " + submit).isEqualTo(204);
    }

    private Task task(String instance, String taskKey) {
        return taskService.createTaskQuery().processInstanceId(instance).taskDefinitionKey(taskKey).singleResult();
    }

    private static List<String> ids(Reply tasks) {
        assertThat(tasks.status()).as(tasks.toString()).isEqualTo(200);
        return tasks.json().findValuesAsText("id");
    }

    private static List<String> neighbourhoods(Reply budgets) {
        assertThat(budgets.status()).as(budgets.toString()).isEqualTo(200);
        return budgets.json().findValuesAsText("neighbourhood").stream().distinct().toList();
    }
}
