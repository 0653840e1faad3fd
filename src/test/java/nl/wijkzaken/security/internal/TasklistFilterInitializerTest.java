package nl.wijkzaken.security.internal;

import nl.wijkzaken.support.StaffApi.Reply;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
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

/** The Tasklist filters of role-authorizations.yml: who sees which filter, and what each filter shows them. */
@ApplicationTest
class TasklistFilterInitializerTest {

    @LocalServerPort int port;
    @Autowired ApplicationContext context;
    @Autowired RequestIntake intake;
    @Autowired ManagementService managementService;
    @Autowired TaskService taskService;

    private Cases cases;

    @BeforeEach
    void cases() {
        cases = new Cases(context);
    }

    @Test
    void everyRoleSeesItsOwnFiltersAndAWijkmanagerOnlyTheFilterOfHisWijk() {
        assertThat(filterKeys("wm.breukelen"))
                .containsExactlyInAnyOrder("mijn-taken", "taken-van-mijn-team", "termijn-verloopt", "wijk-breukelen");
        assertThat(filterKeys("wm.maarssenbroek"))
                .containsExactlyInAnyOrder("mijn-taken", "taken-van-mijn-team", "termijn-verloopt", "wijk-maarssenbroek");
        assertThat(filterKeys("adv.fysiek")).containsExactlyInAnyOrder("mijn-taken", "taken-van-mijn-team", "termijn-verloopt");
        assertThat(filterKeys("gebiedsmanager")).containsExactlyInAnyOrder("mijn-taken", "taken-van-mijn-team", "termijn-verloopt");
        assertThat(filterKeys("balie")).containsExactlyInAnyOrder("mijn-taken", "taken-van-mijn-team", "brieven-niet-verzonden");
        assertThat(filterKeys("auditor")).isEmpty();
        assertThat(filterKeys("procesbeheerder")).isEmpty();
        assertThat(as("wm.breukelen").get("/engine-rest/filter").json().findValuesAsText("name"))
                .contains("Mijn taken", "Taken van mijn team", "Termijn verloopt binnen 3 dagen", "Alle open verzoeken in mijn wijk");
        // Another wijk's filter cannot be opened by id either.
        String maarssenbroekFilter = filterId("wm.maarssenbroek", "wijk-maarssenbroek");
        assertThat(as("wm.breukelen").get("/engine-rest/filter/" + maarssenbroekFilter + "/list").status()).isEqualTo(403);
    }

    @Test
    void myTeamShowsTheTasksOfMyGroupsAlsoWhenAColleagueClaimedThemAndMyTasksWhatIClaimed() {
        RegisteredRequest maarssenbroek = cases.start("maarssenbroek", Category.GROEN_EN_OPENBARE_RUIMTE, "2000");
        RegisteredRequest breukelen = cases.start("breukelen", Category.GROEN_EN_OPENBARE_RUIMTE, "2000");
        String ownTask = task(maarssenbroek).getId();
        String otherWijk = task(breukelen).getId();

        assertThat(list("wm.maarssenbroek", "taken-van-mijn-team")).contains(ownTask).doesNotContain(otherWijk);
        assertThat(list("wm.breukelen", "taken-van-mijn-team")).contains(otherWijk).doesNotContain(ownTask);
        assertThat(list("wm.maarssenbroek", "mijn-taken")).doesNotContain(ownTask);

        assertThat(as("wm.maarssenbroek").post("/engine-rest/task/" + ownTask + "/claim", Map.of("userId", "wm.maarssenbroek"))
                .status()).isEqualTo(204);

        assertThat(list("wm.maarssenbroek", "mijn-taken")).contains(ownTask);
        assertThat(list("wm.maarssenbroek", "taken-van-mijn-team")).contains(ownTask);
        assertThat(list("wm.breukelen", "mijn-taken")).doesNotContain(ownTask);
        assertThat(list("adv.fysiek", "taken-van-mijn-team")).doesNotContain(ownTask, otherWijk);
    }

    @Test
    void deadlineFilterShowsTasksDueWithinThreeDays() {
        Task soon = task(cases.start("maarssenbroek", Category.OVERIG, "100"));
        Task later = task(cases.start("maarssenbroek", Category.OVERIG, "100"));
        setDue(soon, 2);
        setDue(later, 10);

        assertThat(list("wm.maarssenbroek", "termijn-verloopt")).contains(soon.getId()).doesNotContain(later.getId());
        assertThat(list("wm.breukelen", "termijn-verloopt")).doesNotContain(soon.getId());
    }

    @Test
    void everyRoleLandsOnTheWorkOfItsTeamListedBySoonestDeadline() {
        for (String user : List.of("balie", "wm.maarssenbroek", "adv.fysiek", "gebiedsmanager", "wethouder")) {
            assertThat(landingFilterKey(user)).as(user).isEqualTo("taken-van-mijn-team");
        }
        // Registered first, due first: newest-first alone would list it second.
        Task sooner = task(cases.start("maarssenbroek", Category.OVERIG, "100"));
        Task later = task(cases.start("maarssenbroek", Category.OVERIG, "100"));
        setDue(later, 20);
        setDue(sooner, 5);

        // Tasklist asks newest first; the filter's own order (deadline) still comes first.
        Reply tasks = as("wm.maarssenbroek").post("/engine-rest/filter/" + filterId("wm.maarssenbroek", "taken-van-mijn-team")
                + "/list?maxResults=1000", Map.of("sorting", List.of(Map.of("sortBy", "created", "sortOrder", "desc"))));
        List<String> order = tasks.json().findValuesAsText("id");
        assertThat(order.indexOf(sooner.getId())).isNotNegative().isLessThan(order.indexOf(later.getId()));
    }

    // ---------------------------------------------------------------------------------------------------------------

    /** The filter Tasklist opens on landing: the lowest priority. */
    private String landingFilterKey(String user) {
        JsonNode lowest = null;
        for (JsonNode filter : as(user).get("/engine-rest/filter").json()) {
            if (lowest == null || filter.path("properties").path("priority").asInt()
                    < lowest.path("properties").path("priority").asInt()) {
                lowest = filter;
            }
        }
        assertThat(lowest).as(user + " sees no filter").isNotNull();
        return lowest.path("properties").path(TasklistFilterInitializer.KEY_PROPERTY).asText();
    }

    private StaffApi as(String user) {
        return StaffApi.as(user, port);
    }

    private List<String> filterKeys(String user) {
        return as(user).get("/engine-rest/filter").json().findValuesAsText(TasklistFilterInitializer.KEY_PROPERTY);
    }

    private String filterId(String user, String key) {
        for (JsonNode filter : as(user).get("/engine-rest/filter").json()) {
            if (key.equals(filter.path("properties").path(TasklistFilterInitializer.KEY_PROPERTY).asText())) {
                return filter.get("id").asText();
            }
        }
        throw new AssertionError(user + " has no filter " + key);
    }

    /** The task ids the filter shows the user, as Tasklist asks for them. */
    private List<String> list(String user, String key) {
        Reply tasks = as(user).post("/engine-rest/filter/" + filterId(user, key) + "/list?maxResults=1000", Map.of());
        assertThat(tasks.status()).as(tasks.toString()).isEqualTo(200);
        return tasks.json().findValuesAsText("id");
    }

    private Task task(RegisteredRequest request) {
        return taskService.createTaskQuery().processInstanceId(request.processInstanceId()).singleResult();
    }

    private void setDue(Task task, int days) {
        task.setDueDate(Date.from(Instant.now().plus(days, ChronoUnit.DAYS)));
        taskService.saveTask(task);
    }
}
