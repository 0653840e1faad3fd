package nl.wijkzaken.support;

import java.math.BigDecimal;

import org.springframework.context.ApplicationContext;

import nl.wijkzaken.intake.CarriedOutBy;
import nl.wijkzaken.intake.Category;
import nl.wijkzaken.intake.RegisteredRequest;
import nl.wijkzaken.intake.RequestIntake;
import nl.wijkzaken.intake.ResidentRequest;
import nl.wijkzaken.intake.Urgency;

/**
 * Starts real {@code resident-request} cases the way the public API does, and runs their asynchronous message
 * steps (the job executor is off in tests), so that the case waits at its first user task.
 */
public final class Cases {

    private final ApplicationContext context;
    private final RequestIntake intake;

    public Cases(ApplicationContext context) {
        this.context = context;
        this.intake = context.getBean(RequestIntake.class);
    }

    /** A normal request in the given neighbourhood: waits at "Volledigheid beoordelen" for the wijk's team. */
    public RegisteredRequest start(String neighbourhood, Category category, String amount) {
        RegisteredRequest request = intake.submit(new ResidentRequest("Fatima de Vries", "fatima@example.org", null,
                "Buurtgroep Zuid", neighbourhood, category, "Verzoek " + category.label(), "Graag iets doen aan de buurt.",
                new BigDecimal(amount), Urgency.NORMAAL, "Straatweg 1", "Straatweg", "1", "3621 AB", "Breukelen", nl.wijkzaken.intake.DecisionChannel.EMAIL, true, CarriedOutBy.BEWONERS), "online");
        runMessages(request.processInstanceId());
        return request;
    }

    /** Runs the case's due asynchronous steps (messages to the resident), not its timers. */
    public void runMessages(String processInstanceId) {
        MessageSteps.run(context, processInstanceId);
    }
}
