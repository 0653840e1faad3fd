package nl.wijkzaken.process.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Date;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import nl.wijkzaken.casefile.CaseFiles;
import nl.wijkzaken.intake.Category;
import nl.wijkzaken.intake.RegisteredRequest;
import nl.wijkzaken.models.ResidentRequestProcess.Cards;
import nl.wijkzaken.shared.DutchFormat;
import nl.wijkzaken.shared.EngineClock;
import nl.wijkzaken.support.ApplicationTest;
import nl.wijkzaken.support.Cases;

/** The nightly refresh counts the days left again, on the engine's clock; nothing else of the card changes. */
@ApplicationTest
class TaskCardRefreshTest {

    @Autowired ApplicationContext context;
    @Autowired TaskService taskService;
    @Autowired CaseFiles caseFiles;
    @Autowired TaskCardRefresh refresh;

    @Test
    void threeNightsLaterTheCardSaysThreeDaysLess() {
        RegisteredRequest request = new Cases(context).start("breukelen", Category.OVERIG, "150");
        Task check = taskService.createTaskQuery().processInstanceId(request.processInstanceId()).singleResult();
        LocalDate deadline = caseFiles.find(request.caseNumber()).orElseThrow().legalDeadline();
        long daysLeft = ChronoUnit.DAYS.between(EngineClock.today(), deadline);
        assertThat(taskService.getVariableLocal(check.getId(), Cards.DEADLINE))
                .isEqualTo(DutchFormat.shortDate(deadline) + ", nog " + daysLeft + " dagen");

        Object later;
        try {
            ClockUtil.setCurrentTime(Date.from(EngineClock.now().plus(3, ChronoUnit.DAYS)));
            assertThat(refresh.refreshAll()).isPositive();
            later = taskService.getVariableLocal(check.getId(), Cards.DEADLINE);
        } finally {
            ClockUtil.reset();
            refresh.refreshAll(); // the other tests' cards back to today
        }

        assertThat(later).isEqualTo(DutchFormat.shortDate(deadline) + ", nog " + (daysLeft - 3) + " dagen");
        assertThat(taskService.getVariableLocal(check.getId(), Cards.DEADLINE))
                .isEqualTo(DutchFormat.shortDate(deadline) + ", nog " + daysLeft + " dagen");
        assertThat(taskService.getVariableLocal(check.getId(), Cards.CASE_NUMBER)).isEqualTo(request.caseNumber());
    }
}
