package nl.wijkzaken.security.internal;

import nl.wijkzaken.support.StaffApi.Reply;
import static nl.wijkzaken.support.StaffApi.variables;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import nl.wijkzaken.intake.Category;
import nl.wijkzaken.intake.RegisteredRequest;
import nl.wijkzaken.intake.RequestIntake;
import nl.wijkzaken.support.ApplicationTest;
import nl.wijkzaken.support.Cases;
import nl.wijkzaken.support.StaffApi;

/**
 * "Alle open verzoeken in mijn wijk": the wijkmanager follows every open task of his wijk's cases, also those an
 * adviser or decider works on, read-only; other wijken see none of it.
 */
@ApplicationTest
class CaseOwnerTaskAccessTest {

    @LocalServerPort int port;
    @Autowired ApplicationContext context;
    @Autowired RequestIntake intake;
    @Autowired ManagementService managementService;
    @Autowired TaskService taskService;
    @Autowired AuthorizationService authorizationService;

    @Test
    void theOwnerFollowsTheAdviceTaskOfHisCaseReadOnlyAndOtherWijkenSeeNothing() {
        RegisteredRequest request = new Cases(context)
                .start("maarssenbroek", Category.GROEN_EN_OPENBARE_RUIMTE, "5000");
        String instance = request.processInstanceId();
        Task check = task(instance, "CheckCompleteness");
        claimAndSubmit("wm.maarssenbroek", check, variables("completeness", "compleet", "completenessMotivation", "Compleet."));
        Task advice = task(instance, "GiveAdvice");
        assertThat(as("adv.fysiek").post("/engine-rest/task/" + advice.getId() + "/claim", Map.of("userId", "adv.fysiek")).status())
                .isEqualTo(204);
        StaffApi owner = as("wm.maarssenbroek");

        assertThat(list("wm.maarssenbroek", "wijk-maarssenbroek")).contains(advice.getId());
        assertThat(list("wm.maarssenbroek", "taken-van-mijn-team")).doesNotContain(advice.getId());
        assertThat(owner.get("/engine-rest/task/" + advice.getId()).json().get("assignee").asText()).isEqualTo("adv.fysiek");
        assertThat(owner.get("/engine-rest/task/" + advice.getId() + "/form-variables").json().path("caseNumber")
                .path("value").asText()).isEqualTo(request.caseNumber());
        assertThat(owner.post("/engine-rest/task/" + advice.getId() + "/claim", Map.of("userId", "wm.maarssenbroek")).status())
                .isEqualTo(403);
        assertThat(owner.post("/engine-rest/task/" + advice.getId() + "/submit-form",
                variables("adviceOutcome", "negatief", "adviceMotivation", "Liever niet.")).status()).isEqualTo(403);
        assertThat(owner.post("/engine-rest/task/" + advice.getId() + "/assignee", Map.of("userId", "wm.maarssenbroek")).status())
                .isEqualTo(403);

        assertThat(list("wm.breukelen", "wijk-breukelen")).doesNotContain(advice.getId());
        assertThat(as("wm.breukelen").get("/engine-rest/task/" + advice.getId()).status()).isEqualTo(404);
        assertThat(as("adv.sociaal").get("/engine-rest/task/" + advice.getId()).status()).isEqualTo(404);

        assertThat(grants("wijkmanager-maarssenbroek", advice.getId())).singleElement().satisfies(grant -> {
            assertThat(grant.isPermissionGranted(Permissions.READ)).isTrue();
            assertThat(grant.isPermissionGranted(Permissions.TASK_WORK)).isFalse();
        });

        claimAndSubmit("adv.fysiek", advice, variables("adviceOutcome", "positief", "adviceMotivation", "Prima."));
        assertThat(authorizationService.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(advice.getId()).count())
                .as("a finished task leaves no grants behind").isZero();
    }

    @Test
    void whereTheOwnerIsTheCandidateHisGroupKeepsItsSingleWorkingGrant() {
        RegisteredRequest request = new Cases(context).start("breukelen", Category.OVERIG, "100");
        Task check = task(request.processInstanceId(), "CheckCompleteness");

        assertThat(grants("wijkmanager-breukelen", check.getId())).singleElement()
                .satisfies(grant -> assertThat(grant.isPermissionGranted(Permissions.TASK_WORK)).isTrue());
        assertThat(list("wm.breukelen", "wijk-breukelen")).contains(check.getId());
        assertThat(list("wm.breukelen", "taken-van-mijn-team")).contains(check.getId());
    }

    @Test
    void aTaskReassignedOrGivenBackIsNoLongerTheFormerAssignees() {
        RegisteredRequest request = new Cases(context).start("maarssenbroek", Category.OVERIG, "100");
        Task check = task(request.processInstanceId(), "CheckCompleteness");
        StaffApi admin = as("demo");
        // Assigned to the wrong wijk by mistake, then to the right person.
        assertThat(admin.post("/engine-rest/task/" + check.getId() + "/assignee", Map.of("userId", "wm.breukelen")).status())
                .isEqualTo(204);
        assertThat(as("wm.breukelen").get("/engine-rest/task/" + check.getId()).status()).isEqualTo(200);
        assertThat(admin.post("/engine-rest/task/" + check.getId() + "/assignee", Map.of("userId", "wm.maarssenbroek")).status())
                .isEqualTo(204);

        StaffApi former = as("wm.breukelen");
        assertThat(former.get("/engine-rest/task/" + check.getId()).status()).isEqualTo(404);
        assertThat(former.post("/engine-rest/task/" + check.getId() + "/claim", Map.of("userId", "wm.breukelen")).status())
                .isIn(403, 404);
        assertThat(authorizationService.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(check.getId())
                .userIdIn("wm.breukelen").count()).isZero();

        // Taken back by the administrator (staff have no TASK_ASSIGN): he keeps what his group gives him, nothing of his own.
        assertThat(admin.post("/engine-rest/task/" + check.getId() + "/unclaim", Map.of()).status()).isEqualTo(204);
        assertThat(authorizationService.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(check.getId())
                .userIdIn("wm.maarssenbroek").count()).isZero();
        assertThat(as("wm.maarssenbroek").get("/engine-rest/task/" + check.getId()).status()).isEqualTo(200);
    }

    @Test
    void aGroupTakenOffATaskLosesItButTheCaseOwnerKeepsReading() {
        RegisteredRequest request = new Cases(context).start("loenen", Category.GROEN_EN_OPENBARE_RUIMTE, "5000");
        String instance = request.processInstanceId();
        claimAndSubmit("wm.loenen", task(instance, "CheckCompleteness"),
                variables("completeness", "compleet", "completenessMotivation", "Compleet."));
        Task advice = task(instance, "GiveAdvice");
        StaffApi admin = as("demo");
        // The advice goes to another domain.
        assertThat(admin.post("/engine-rest/task/" + advice.getId() + "/identity-links",
                Map.of("groupId", "advies-sociaal", "type", "candidate")).status()).isEqualTo(204);
        assertThat(admin.post("/engine-rest/task/" + advice.getId() + "/identity-links/delete",
                Map.of("groupId", "advies-fysiek", "type", "candidate")).status()).isEqualTo(204);

        assertThat(as("adv.fysiek").get("/engine-rest/task/" + advice.getId()).status()).isEqualTo(404);
        assertThat(as("adv.fysiek").post("/engine-rest/task/" + advice.getId() + "/claim", Map.of("userId", "adv.fysiek")).status())
                .isIn(403, 404);
        assertThat(grants("advies-fysiek", advice.getId())).isEmpty();
        assertThat(as("adv.sociaal").post("/engine-rest/task/" + advice.getId() + "/claim", Map.of("userId", "adv.sociaal")).status())
                .isEqualTo(204);

        // The owner's group taken off a task of its own case: it still follows it, read-only.
        RegisteredRequest other = new Cases(context).start("loenen", Category.OVERIG, "100");
        Task check = task(other.processInstanceId(), "CheckCompleteness");
        assertThat(admin.post("/engine-rest/task/" + check.getId() + "/identity-links",
                Map.of("groupId", "gebiedsmanager", "type", "candidate")).status()).isEqualTo(204);
        assertThat(admin.post("/engine-rest/task/" + check.getId() + "/identity-links/delete",
                Map.of("groupId", "wijkmanager-loenen", "type", "candidate")).status()).isEqualTo(204);
        assertThat(as("wm.loenen").get("/engine-rest/task/" + check.getId()).status()).isEqualTo(200);
        assertThat(as("wm.loenen").post("/engine-rest/task/" + check.getId() + "/claim", Map.of("userId", "wm.loenen")).status())
                .isEqualTo(403);
        assertThat(grants("wijkmanager-loenen", check.getId())).singleElement().satisfies(grant -> {
            assertThat(grant.isPermissionGranted(Permissions.READ)).isTrue();
            assertThat(grant.isPermissionGranted(Permissions.TASK_WORK)).isFalse();
        });
    }

    // ---------------------------------------------------------------------------------------------------------------

    private StaffApi as(String user) {
        return StaffApi.as(user, port);
    }

    private void claimAndSubmit(String user, Task task, Map<String, Object> form) {
        if (task.getAssignee() == null) {
            assertThat(as(user).post("/engine-rest/task/" + task.getId() + "/claim", Map.of("userId", user)).status()).isEqualTo(204);
        }
        Reply submit = as(user).post("/engine-rest/task/" + task.getId() + "/submit-form", form);
        assertThat(submit.status()).as(submit.toString()).isEqualTo(204);
    }

    private Task task(String instance, String key) {
        return taskService.createTaskQuery().processInstanceId(instance).taskDefinitionKey(key).singleResult();
    }

    private List<Authorization> grants(String group, String taskId) {
        return authorizationService.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(taskId)
                .groupIdIn(group).list();
    }

    private List<String> list(String user, String filterKey) {
        StaffApi api = as(user);
        for (JsonNode filter : api.get("/engine-rest/filter").json()) {
            if (filterKey.equals(filter.path("properties").path(TasklistFilterInitializer.KEY_PROPERTY).asText())) {
                Reply tasks = api.post("/engine-rest/filter/" + filter.get("id").asText() + "/list?maxResults=1000", Map.of());
                assertThat(tasks.status()).as(tasks.toString()).isEqualTo(200);
                return tasks.json().findValuesAsText("id");
            }
        }
        throw new AssertionError(user + " has no filter " + filterKey);
    }
}
