package nl.wijkzaken.support;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ApplicationContext;

import nl.wijkzaken.intake.CarriedOutBy;
import nl.wijkzaken.budget.BudgetLedger;
import nl.wijkzaken.subsidy.Allocations;
import nl.wijkzaken.subsidy.SubsidyRegulations;
import nl.wijkzaken.shared.EngineClock;
import nl.wijkzaken.intake.Category;
import nl.wijkzaken.intake.RegisteredRequest;
import nl.wijkzaken.intake.RequestIntake;
import nl.wijkzaken.intake.ResidentRequest;
import nl.wijkzaken.intake.Urgency;

/**
 * TEST ONLY: drives one real resident-request through the application's engine the way people do it in Tasklist
 * (logged in, claim, submit the form), on the engine's clock, which moves a minute after every action so that the
 * history has a clear order. Asynchronous message steps run when {@link #runMessages()} is called. Call
 * {@link #resetClock()} after the test.
 */
public final class CaseDriver {

    private static final Set<String> DECISION_TASKS = Set.of("Decide", "HandleFastLane");

    private final ApplicationContext context;
    private final RequestIntake intake;
    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final ManagementService managementService;
    private final IdentityService identityService;
    private Instant clock;
    private RegisteredRequest request;
    private BigDecimal amount;

    public CaseDriver(ApplicationContext context) {
        this.context = context;
        this.intake = context.getBean(RequestIntake.class);
        this.runtimeService = context.getBean(RuntimeService.class);
        this.taskService = context.getBean(TaskService.class);
        this.managementService = context.getBean(ManagementService.class);
        this.identityService = context.getBean(IdentityService.class);
        this.clock = ClockUtil.getCurrentTime().toInstant();
    }

    public static void resetClock() {
        ClockUtil.reset();
    }

    /** Registers the request at the front office (channel balie) and sends the acknowledgement. */
    public RegisteredRequest submit(String neighbourhood, Category category, String amount, Urgency urgency) {
        ClockUtil.setCurrentTime(Date.from(clock));
        this.amount = new BigDecimal(amount);
        request = intake.submit(new ResidentRequest("Fatima de Vries", "fatima@example.org", null, null, neighbourhood,
                category, "Verzoek " + category.label(), "Graag iets moois voor de buurt.", new BigDecimal(amount),
                urgency, "Parkweg", "Straatweg", "1", "3621 AB", "Breukelen", nl.wijkzaken.intake.DecisionChannel.EMAIL, true, CarriedOutBy.BEWONERS), "balie");
        tick(Duration.ofMinutes(1));
        runMessages();
        return request;
    }

    /**
     * The lifecycle in Breukelen: a playground request of 12,000 found incomplete, supplemented three days
     * later, advised by fysiek (negative) and sociaal (positive), deliberated (agreed on 11,000), decided by the
     * gebiedsmanager and co-signed by the wethouder.
     */
    public RegisteredRequest fullLifecycle() {
        submit("breukelen", Category.SPELEN_EN_SPORT, "12000", Urgency.NORMAAL);
        complete("CheckCompleteness", "wm.breukelen", Map.of("completeness", "incompleet",
                "completenessMotivation", "Een tekening van de plek ontbreekt."));
        runMessages();
        tick(Duration.ofDays(3));
        supplementReceived();
        complete("CheckCompleteness", "wm.breukelen", Map.of("completeness", "compleet",
                "completenessMotivation", "Nu compleet."));
        advise("advies-fysiek", "adv.fysiek", "negatief");
        advise("advies-sociaal", "adv.sociaal", "positief");
        complete("Deliberate", "wm.breukelen", Map.of("deliberationDate", "2026-11-20",
                "participants", "Bewoners, adv.fysiek, adv.sociaal", "positions", "Verschillend",
                "agreementReached", true, "agreedMeasures", "Kleiner speeltoestel", "revisedAmount", 11000,
                "writtenChange", true, "writtenChangeDate", "2026-11-23", "writtenChangeAmount", 11000));
        complete("Decide", "gebiedsmanager", Map.of("outcome", "toegekend", "decisionMotivation", "Past in het wijkplan."));
        complete("CoSignDecision", "wethouder", Map.of("coSignDecision", "akkoord"));
        runMessages();
        return request;
    }

    public String caseNumber() {
        return request.caseNumber();
    }

    public String processInstanceId() {
        return request.processInstanceId();
    }

    /** The only open task with this key, claimed and completed by the user with these form values. */
    public void complete(String taskKey, String user, Map<String, Object> variables) {
        if (DECISION_TASKS.contains(taskKey)) {
            coverTheRequestedAmount();
        }
        Task task = taskService.createTaskQuery().processInstanceId(request.processInstanceId())
                .taskDefinitionKey(taskKey).active().singleResult();
        completeAs(task, user, variables);
    }

    /**
     * The tests of the shared context all decide on the demo ceilings of this year: a decision this driver takes
     * must not fail because other tests granted the money or left earlier applications undecided. Raises the
     * published ceiling (a new act) only when what is available is short.
     */
    private void coverTheRequestedAmount() {
        String neighbourhood = (String) runtimeService.getVariable(request.processInstanceId(), "neighbourhood");
        Date receivedOn = (Date) runtimeService.getVariable(request.processInstanceId(), "receivedOn");
        int year = receivedOn == null ? EngineClock.today().getYear() : EngineClock.toLocalDate(receivedOn).getYear();
        Ceilings.cover(context.getBean(SubsidyRegulations.class), context.getBean(Allocations.class),
                context.getBean(BudgetLedger.class), neighbourhood, year, amount);
    }

    /** The advice task of one domain group. */
    public void advise(String group, String user, String outcome) {
        Task task = taskService.createTaskQuery().processInstanceId(request.processInstanceId())
                .taskDefinitionKey("GiveAdvice").taskCandidateGroup(group).singleResult();
        completeAs(task, user, new HashMap<>(Map.of("adviceOutcome", outcome, "adviceMotivation", "Onderbouwing " + user)));
    }

    /** The resident's supplement arrives (message aanvulling-ontvangen, correlated on the case number). */
    public void supplementReceived() {
        runtimeService.createMessageCorrelation("aanvulling-ontvangen")
                .processInstanceBusinessKey(request.caseNumber()).correlate();
        tick(Duration.ofMinutes(1));
    }

    /** Runs the asynchronous message steps that are due (the job executor is off in tests). */
    public void runMessages() {
        MessageSteps.run(context, request.processInstanceId(), false, () -> tick(Duration.ofSeconds(10)));
    }

    /** Runs the timer of this activity (e.g. the lapsed repair term) as the job executor would once it is due. */
    public void fireTimer(String activityId) {
        Job timer = managementService.createJobQuery().processInstanceId(request.processInstanceId())
                .activityId(activityId).timers().singleResult();
        managementService.executeJob(timer.getId());
        tick(Duration.ofMinutes(1));
    }

    public void tick(Duration duration) {
        clock = clock.plus(duration);
        ClockUtil.setCurrentTime(Date.from(clock));
    }

    private void completeAs(Task task, String user, Map<String, Object> variables) {
        identityService.setAuthentication(user, identityService.createGroupQuery().groupMember(user).list().stream()
                .map(Group::getId).toList());
        try {
            taskService.claim(task.getId(), user);
            tick(Duration.ofMinutes(1));
            taskService.complete(task.getId(), variables);
        } finally {
            identityService.clearAuthentication();
        }
        tick(Duration.ofMinutes(1));
    }
}
