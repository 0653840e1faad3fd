package nl.wijkzaken.process;

import static nl.wijkzaken.process.ProcessVariables.amount;
import static nl.wijkzaken.process.ProcessVariables.string;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import nl.wijkzaken.models.ResidentRequestProcess.Variables;
import nl.wijkzaken.refusal.Refusal;
import nl.wijkzaken.casefile.CaseEvent;
import nl.wijkzaken.casefile.CaseEventType;
import nl.wijkzaken.casefile.CaseFiles;
import nl.wijkzaken.shared.DutchFormat;
import nl.wijkzaken.shared.EngineClock;

/**
 * Bean {@code adviceRound}: each advice's due date (advice-assignment table) and, as complete listener of "Advies geven", the record of each
 * advice: adviser, summary for the decider, and the counts the deliberation table reads.
 */
@Component("adviceRound")
public class AdviceRound implements TaskListener {

    private final CaseFiles caseFiles;

    AdviceRound(CaseFiles caseFiles) {
        this.caseFiles = caseFiles;
    }

    public Date dueDate(Map<String, Object> assignment) {
        int days = ((Number) assignment.get("daysToRespond")).intValue();
        return EngineClock.startOf(EngineClock.today().plusDays(days + 1L));
    }

    @Override
    public void notify(DelegateTask task) {
        String adviser = ConflictOfInterest.actor(task);
        String outcome = string(task, "adviceOutcome");
        String motivation = string(task, "adviceMotivation");
        if (outcome == null || motivation == null || motivation.isBlank()) {
            throw Refusal.invalid("Kies een advies en geef een motivering.");
        }
        BigDecimal cost = amount(task, "adviceCostEstimate");
        if (cost != null && cost.signum() < 0) {
            throw Refusal.invalid("De kostenraming kan niet negatief zijn.");
        }
        DelegateExecution instance = task.getExecution().getProcessInstance();
        // Kept for display; the conflict-of-interest rule reads the task history (CaseHistory), not this variable.
        List<String> advisers = new ArrayList<>();
        if (instance.getVariable("advisers") instanceof List<?> earlier) {
            earlier.forEach(a -> advisers.add(String.valueOf(a)));
        }
        advisers.add(adviser);
        instance.setVariable("advisers", advisers);
        AdviceOutcome advice = AdviceOutcome.ofCode(outcome).orElse(null);
        if (advice == AdviceOutcome.NEGATIEF) {
            instance.setVariable("negativeAdviceCount", ((Number) instance.getVariable("negativeAdviceCount")).intValue() + 1);
        } else if (advice == AdviceOutcome.POSITIEF_ONDER_VOORWAARDEN) {
            instance.setVariable("conditionalAdviceCount", ((Number) instance.getVariable("conditionalAdviceCount")).intValue() + 1);
        }
        if (cost != null) {
            instance.setVariable("totalCostEstimate", ((Number) instance.getVariable("totalCostEstimate")).doubleValue() + cost.doubleValue());
        }
        String line = "Advies " + string(task, "domain") + " (" + adviser + "): " + (advice == null ? outcome : advice.label()) + ". " + motivation
                + (blank(task, "adviceConditions") ? "" : " Voorwaarden: " + string(task, "adviceConditions") + ".")
                + (cost == null ? "" : " Kostenraming: " + DutchFormat.euro(cost) + ".")
                + (blank(task, "advicePolicyReference") ? "" : " Beleid: " + string(task, "advicePolicyReference") + ".");
        String summary = string(instance, "adviceSummary");
        instance.setVariable("adviceSummary", summary == null || summary.isEmpty() ? line : summary + "\n" + line);
        caseFiles.recordEvent(string(task, Variables.CASE_NUMBER), CaseEventType.ADVICE_GIVEN, null, line, adviser);
    }

    private static boolean blank(DelegateTask task, String name) {
        String value = string(task, name);
        return value == null || value.isBlank();
    }
}
