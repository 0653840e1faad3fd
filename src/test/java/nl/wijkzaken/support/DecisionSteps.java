package nl.wijkzaken.support;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ApplicationContext;

import nl.wijkzaken.intake.CarriedOutBy;
import nl.wijkzaken.budget.BudgetLedger;
import nl.wijkzaken.intake.Category;
import nl.wijkzaken.intake.RegisteredRequest;
import nl.wijkzaken.intake.RequestIntake;
import nl.wijkzaken.intake.ResidentRequest;
import nl.wijkzaken.intake.Urgency;
import nl.wijkzaken.shared.EngineClock;
import nl.wijkzaken.subsidy.Allocations;
import nl.wijkzaken.subsidy.SubsidyRegulations;

/**
 * Test steps: brings resident-request cases of a demo neighbourhood to their decision task on the application's
 * own engine, as the demo users would (the job executor is off in tests, so the message steps run here).
 */
public final class DecisionSteps {

    private final ApplicationContext context;
    private final RequestIntake intake;
    private final TaskService taskService;
    private final ManagementService managementService;

    public DecisionSteps(ApplicationContext context) {
        this.context = context;
        this.intake = context.getBean(RequestIntake.class);
        this.taskService = context.getBean(TaskService.class);
        this.managementService = context.getBean(ManagementService.class);
    }

    public static String owner(String neighbourhood) {
        return "wm." + neighbourhood;
    }

    /** A normal request for green space: one advice (fysiek), positive, then "Besluit nemen". */
    public RegisteredRequest toDecision(String neighbourhood, String amount) {
        RegisteredRequest request = submit(neighbourhood, Category.GROEN_EN_OPENBARE_RUIMTE, amount, Urgency.NORMAAL);
        complete(request, "CheckCompleteness", owner(neighbourhood),
                Map.of("completeness", "compleet", "completenessMotivation", "Compleet."));
        complete(request, "GiveAdvice", "adv.fysiek", Map.of("adviceOutcome", "positief", "adviceMotivation", "Prima."));
        task(request, "Decide");
        coverTheCeiling(neighbourhood, amount);
        return request;
    }

    /** A small acute traffic request: "Snel afhandelen" by the owner. */
    public RegisteredRequest toFastLane(String neighbourhood, String amount) {
        RegisteredRequest request = submit(neighbourhood, Category.EVENEMENT_OF_ACTIVITEIT, amount, Urgency.ACUUT);
        task(request, "HandleFastLane");
        coverTheCeiling(neighbourhood, amount);
        return request;
    }

    /**
     * The shared context's tests leave applications undecided, each holding a claim on its neighbourhood's demo
     * ceiling: raise the ceiling (a new published act) when what this application asks would not fit.
     */
    private void coverTheCeiling(String neighbourhood, String amount) {
        int year = EngineClock.today().getYear();
        if (year > java.time.LocalDate.now().getYear() + 1) {
            return; // a far year of a test's own: that test sets its ceiling itself
        }
        Ceilings.cover(context.getBean(SubsidyRegulations.class), context.getBean(Allocations.class),
                context.getBean(BudgetLedger.class), neighbourhood, year, new BigDecimal(amount));
    }

    public RegisteredRequest submit(String neighbourhood, Category category, String amount, Urgency urgency) {
        RegisteredRequest request = intake.submit(new ResidentRequest("Fatima de Vries", "fatima@example.org", null,
                "Buurtgroep Zuid", neighbourhood, category, "Verzoek " + category.label(), "Graag iets doen aan de buurt.",
                new BigDecimal(amount), urgency, "Straatweg 1", "Straatweg", "1", "3621 AB", "Breukelen", nl.wijkzaken.intake.DecisionChannel.EMAIL, true, CarriedOutBy.BEWONERS), "online");
        runMessages(request);
        return request;
    }

    /** The open task of that step; fails when there is none. */
    public Task task(RegisteredRequest request, String taskKey) {
        List<Task> tasks = taskService.createTaskQuery().processInstanceId(request.processInstanceId())
                .taskDefinitionKey(taskKey).active().list();
        if (tasks.size() != 1) {
            throw new AssertionError("Expected one open task " + taskKey + " in " + request.caseNumber() + ", found " + tasks.size());
        }
        return tasks.get(0);
    }

    /** Claims the task for the user (unless someone has it) and completes it with the values of the form. */
    public void complete(RegisteredRequest request, String taskKey, String user, Map<String, Object> variables) {
        Task task = claim(request, taskKey, user);
        taskService.complete(task.getId(), new HashMap<>(variables));
        runMessages(request);
    }

    public Task claim(RegisteredRequest request, String taskKey, String user) {
        Task task = task(request, taskKey);
        if (task.getAssignee() == null) {
            taskService.claim(task.getId(), user);
        }
        return task;
    }

    public static Map<String, Object> decision(String outcome, Integer partialAmount) {
        Map<String, Object> variables = new HashMap<>(Map.of("outcome", outcome, "decisionMotivation", "Past binnen het beleid."));
        if (partialAmount != null) {
            variables.put("decidedAmount", partialAmount);
        }
        return variables;
    }

    /** Runs the asynchronous message steps of the case, not its timers. */
    public void runMessages(RegisteredRequest request) {
        MessageSteps.run(context, request.processInstanceId(), false, null);
    }
}
