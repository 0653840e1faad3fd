package nl.wijkzaken.casefile;

import static nl.wijkzaken.support.StaffApi.variables;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import nl.wijkzaken.intake.Category;
import nl.wijkzaken.intake.RequestIntake;
import nl.wijkzaken.support.Cases;
import nl.wijkzaken.support.StaffApi;
import nl.wijkzaken.support.StaffApi.Reply;
import nl.wijkzaken.support.WebappSession;

/**
 * Segregation of duties over HTTP, as staff meet it: whoever advised on a case cannot take or co-sign its decision,
 * and the co-signer is not the decider, through the REST API and through Tasklist's API, each time with a 403 and
 * the rule in Dutch. The people here hold two roles, which is exactly when the rule matters.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConflictOfInterestTest {

    /** A gebiedsmanager who also advises for the physical domain. */
    private static final String MANAGER_AND_ADVISER = "gm.adviseur";
    /** A gebiedsmanager who is also (acting) wethouder. */
    private static final String MANAGER_AND_ALDERMAN = "gm.wethouder";

    @LocalServerPort int port;
    @Autowired RequestIntake intake;
    @Autowired ManagementService managementService;
    @Autowired TaskService taskService;
    @Autowired IdentityService identityService;

    private Cases cases;

    @BeforeEach
    void usersWithTwoRoles() {
        cases = new Cases(intake, managementService);
        user(MANAGER_AND_ADVISER, List.of("gebiedsmanager", "advies-fysiek"));
        user(MANAGER_AND_ALDERMAN, List.of("gebiedsmanager", "wethouder"));
    }

    @Test
    void whoAdvisedCannotClaimOrCompleteTheDecisionOverRest() {
        String instance = cases.start("loenen", Category.GROEN_EN_OPENBARE_RUIMTE, "5000").processInstanceId();
        work("wm.loenen", task(instance, "CheckCompleteness"), variables("completeness", "compleet", "completenessMotivation", "Compleet."));
        work(MANAGER_AND_ADVISER, task(instance, "GiveAdvice"), variables("adviceOutcome", "positief", "adviceMotivation", "Prima."));
        Task decide = task(instance, "Decide");
        StaffApi adviser = StaffApi.as(MANAGER_AND_ADVISER, port);
        String rule = MANAGER_AND_ADVISER + " heeft over deze zaak geadviseerd en mag er daarom niet over beslissen.";

        Reply claim = adviser.post("/engine-rest/task/" + decide.getId() + "/claim", Map.of("userId", MANAGER_AND_ADVISER));
        Reply submitUnclaimed = adviser.post("/engine-rest/task/" + decide.getId() + "/submit-form",
                variables("outcome", "toegekend", "decisionMotivation", "Akkoord."));
        // A colleague cannot hand it to him either.
        Reply assigned = StaffApi.as("gebiedsmanager", port).post("/engine-rest/task/" + decide.getId() + "/claim",
                Map.of("userId", MANAGER_AND_ADVISER));

        assertThat(List.of(claim, submitUnclaimed, assigned)).allSatisfy(reply -> {
            assertThat(reply.status()).as(reply.toString()).isEqualTo(403);
            assertThat(reply.message()).isEqualTo(rule);
        });
        assertThat(taskService.createTaskQuery().taskId(decide.getId()).singleResult().getAssignee()).isNull();
        work("gebiedsmanager", decide, variables("outcome", "toegekend", "decisionMotivation", "Akkoord."));
    }

    @Test
    void whoAdvisedCannotClaimTheDecisionInTasklistEither() {
        String instance = cases.start("loenen", Category.GROEN_EN_OPENBARE_RUIMTE, "5000").processInstanceId();
        work("wm.loenen", task(instance, "CheckCompleteness"), variables("completeness", "compleet", "completenessMotivation", "Compleet."));
        work(MANAGER_AND_ADVISER, task(instance, "GiveAdvice"), variables("adviceOutcome", "positief", "adviceMotivation", "Prima."));
        Task decide = task(instance, "Decide");
        WebappSession tasklist = new WebappSession(port);
        tasklist.open();
        assertThat(tasklist.login(MANAGER_AND_ADVISER, "tasklist", true).statusCode()).isEqualTo(200);

        HttpResponse<String> claim = tasklist.postJson("/api/engine/engine/default/task/" + decide.getId() + "/claim",
                "{\"userId\":\"" + MANAGER_AND_ADVISER + "\"}", true);

        assertThat(claim.statusCode()).isEqualTo(403);
        assertThat(claim.body()).contains("heeft over deze zaak geadviseerd en mag er daarom niet over beslissen.")
                .doesNotContain("ENGINE-");
        assertThat(taskService.createTaskQuery().taskId(decide.getId()).singleResult().getAssignee()).isNull();
    }

    @Test
    void theDeciderCannotCoSignHisOwnDecision() {
        String instance = cases.start("breukelen", Category.GROEN_EN_OPENBARE_RUIMTE, "12000").processInstanceId();
        work("wm.breukelen", task(instance, "CheckCompleteness"), variables("completeness", "compleet", "completenessMotivation", "Compleet."));
        work("adv.fysiek", task(instance, "GiveAdvice"), variables("adviceOutcome", "positief", "adviceMotivation", "Prima."));
        work(MANAGER_AND_ALDERMAN, task(instance, "Decide"), variables("outcome", "toegekend", "decisionMotivation", "Akkoord."));
        Task coSign = task(instance, "CoSignDecision");
        StaffApi decider = StaffApi.as(MANAGER_AND_ALDERMAN, port);

        Reply claim = decider.post("/engine-rest/task/" + coSign.getId() + "/claim", Map.of("userId", MANAGER_AND_ALDERMAN));
        Reply submit = decider.post("/engine-rest/task/" + coSign.getId() + "/submit-form", variables("coSignAgreed", true));

        assertThat(List.of(claim, submit)).allSatisfy(reply -> {
            assertThat(reply.status()).as(reply.toString()).isEqualTo(403);
            assertThat(reply.message())
                    .isEqualTo("Medeondertekenen moet iemand anders doen dan " + MANAGER_AND_ALDERMAN + ", die het besluit nam.");
        });
        assertThat(taskService.createTaskQuery().taskId(coSign.getId()).singleResult().getAssignee()).isNull();
        work("wethouder", coSign, variables("coSignAgreed", true));
    }

    // ---------------------------------------------------------------------------------------------------------------

    private void user(String id, List<String> groups) {
        if (identityService.createUserQuery().userId(id).count() > 0) {
            return;
        }
        User user = identityService.newUser(id);
        user.setFirstName("Dubbele");
        user.setLastName("Rol");
        user.setPassword(StaffApi.PASSWORD);
        identityService.saveUser(user);
        groups.forEach(group -> identityService.createMembership(id, group));
    }

    private Task task(String instance, String key) {
        return taskService.createTaskQuery().processInstanceId(instance).taskDefinitionKey(key).singleResult();
    }

    private void work(String user, Task task, Map<String, Object> form) {
        StaffApi api = StaffApi.as(user, port);
        Reply claim = api.post("/engine-rest/task/" + task.getId() + "/claim", Map.of("userId", user));
        assertThat(claim.status()).as(user + ": " + claim).isEqualTo(204);
        Reply submit = api.post("/engine-rest/task/" + task.getId() + "/submit-form", form);
        assertThat(submit.status()).as(user + ": " + submit).isEqualTo(204);
    }
}
