package nl.wijkzaken.benchmark;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;

import nl.wijkzaken.intake.CarriedOutBy;
import nl.wijkzaken.intake.Category;
import nl.wijkzaken.intake.RegisteredRequest;
import nl.wijkzaken.intake.RequestIntake;
import nl.wijkzaken.intake.ResidentRequest;
import nl.wijkzaken.intake.Urgency;
import nl.wijkzaken.models.ResidentRequestProcess;

/**
 * The Java API as application code uses it, with the engine's authorization checks: every call runs as the step's
 * user with his groups ({@code IdentityService.setAuthentication}), as the REST API does for a logged-in user.
 * Cases of resident-request start through {@link RequestIntake}, the application's one way in.
 */
final class JavaApiDriver implements CaseDriver {

    private final IdentityService identity;
    private final TaskService tasks;
    private final FormService forms;
    private final RuntimeService runtime;
    private final RequestIntake intake;

    JavaApiDriver(BenchmarkApp app) {
        this.identity = app.bean(IdentityService.class);
        this.tasks = app.bean(TaskService.class);
        this.forms = app.bean(FormService.class);
        this.runtime = app.bean(RuntimeService.class);
        this.intake = app.bean(RequestIntake.class);
    }

    @Override
    public String name() {
        return "Java API";
    }

    @Override
    public StartedCase start(CaseScript script) {
        as("balie");
        try {
            if (script.processKey().equals(ResidentRequestProcess.KEY)) {
                RegisteredRequest registered = intake.submit(request(script.startVariables()), "balie");
                return new StartedCase(registered.processInstanceId(), registered.caseNumber());
            }
            ProcessInstance instance = runtime.startProcessInstanceByKey(script.processKey(), script.businessKey(),
                    script.startVariables());
            return new StartedCase(instance.getId(), instance.getBusinessKey());
        } finally {
            identity.clearAuthentication();
        }
    }

    @Override
    public void work(StartedCase started, CaseScript.Step step, Latencies latencies) throws Exception {
        as(step.user());
        try {
            Task task = latencies.time("find", () -> {
                TaskQuery query = tasks.createTaskQuery().processInstanceBusinessKey(started.businessKey())
                        .taskDefinitionKey(step.taskKey()).active();
                if (step.candidateGroup() != null) {
                    query.taskCandidateGroup(step.candidateGroup());
                }
                List<Task> found = query.list();
                if (found.size() != 1) {
                    throw new IllegalStateException(step.user() + " finds " + found.size() + " tasks " + step.taskKey()
                            + " of " + started.businessKey());
                }
                return found.get(0);
            });
            if (task.getAssignee() == null) {
                latencies.time("claim", () -> {
                    tasks.claim(task.getId(), step.user());
                    return null;
                });
            }
            latencies.time("complete", () -> {
                forms.submitTaskForm(task.getId(), step.variables());
                return null;
            });
        } finally {
            identity.clearAuthentication();
        }
    }

    @Override
    public boolean isConflict(Exception e) {
        return e instanceof OptimisticLockingException;
    }

    private void as(String user) {
        identity.setAuthentication(user, Organisation.USERS.get(user));
    }

    static ResidentRequest request(Map<String, Object> v) {
        return new ResidentRequest((String) v.get("applicantName"), (String) v.get("applicantEmail"), null,
                (String) v.get("onBehalfOfGroup"), (String) v.get("neighbourhood"), category((String) v.get("category")),
                (String) v.get("title"), (String) v.get("description"),
                BigDecimal.valueOf(((Number) v.get("amountRequested")).doubleValue()), Urgency.NORMAAL,
                (String) v.get("location"), "Straatweg", "1", "3621 AB", "Breukelen", nl.wijkzaken.intake.DecisionChannel.EMAIL, true,
                CarriedOutBy.fromCode((String) v.get("carriedOutBy")));
    }

    private static Category category(String code) {
        for (Category c : Category.values()) {
            if (c.code().equals(code)) {
                return c;
            }
        }
        throw new IllegalArgumentException(code);
    }
}
