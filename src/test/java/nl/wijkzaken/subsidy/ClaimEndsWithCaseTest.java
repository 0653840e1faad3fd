package nl.wijkzaken.subsidy;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import nl.wijkzaken.intake.Category;
import nl.wijkzaken.intake.RegisteredRequest;
import nl.wijkzaken.intake.RequestIntake;
import nl.wijkzaken.intake.ResidentRequest;
import nl.wijkzaken.intake.Urgency;
import nl.wijkzaken.shared.DutchFormat;
import nl.wijkzaken.support.ApplicationTest;
import nl.wijkzaken.support.Ceilings;
import nl.wijkzaken.support.TaskDriver;

/**
 * A case that ends without a decision (here: deleted by the municipality) gives its claim back (Awb 4:26): the next
 * application in line can be granted what it held. A year of its own (2072).
 */
@ApplicationTest
class ClaimEndsWithCaseTest {

    @Autowired ApplicationContext context;
    @Autowired RequestIntake intake;
    @Autowired RuntimeService runtimeService;
    @Autowired SubsidyRegulations regulations;
    @Autowired Allocations allocations;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void anEarlierApplicationEndedWithoutDecisionFreesItsClaimForTheNextInLine() {
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.of(2072, 4, 1, 10, 0).atZone(DutchFormat.ZONE).toInstant()));
        Ceilings.ceiling(regulations, "loenen", 2072, new BigDecimal("5000"));
        RegisteredRequest first = complete("4000");
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.of(2072, 4, 2, 10, 0).atZone(DutchFormat.ZONE).toInstant()));
        RegisteredRequest second = complete("3000");
        assertThat(allocations.position(second.caseNumber()).orElseThrow().available()).isEqualByComparingTo("1000");

        runtimeService.deleteProcessInstance(first.processInstanceId(), "Aanvraag ingetrokken door de bewoner");

        assertThat(allocations.position(first.caseNumber()).orElseThrow().state()).isEqualTo(ClaimState.WITHDRAWN);
        AllocationPosition next = allocations.position(second.caseNumber()).orElseThrow();
        assertThat(next.available()).isEqualByComparingTo("5000");
        assertThat(next.place()).as("the place stays; the claim no longer counts").isEqualTo(2);
    }

    private RegisteredRequest complete(String amount) {
        RegisteredRequest request = intake.submit(new ResidentRequest("Fatima de Vries", "fatima@example.org", null,
                "Buurtgroep Zuid", "loenen", Category.GROEN_EN_OPENBARE_RUIMTE, "Buurtmoestuin", "Een moestuin.",
                new BigDecimal(amount), Urgency.NORMAAL, "Straatweg 1", "Straatweg", "1", "3621 AB", "Breukelen",
                nl.wijkzaken.intake.DecisionChannel.EMAIL, true, nl.wijkzaken.intake.CarriedOutBy.BEWONERS), "online");
        TaskDriver driver = new TaskDriver(context);
        driver.runMessages(request.processInstanceId());
        driver.complete(request.processInstanceId(), "CheckCompleteness", "wm.loenen",
                Map.of("completeness", "compleet", "completenessMotivation", "Compleet."));
        return request;
    }
}
