package nl.wijkzaken.process;

import static nl.wijkzaken.process.ProcessVariables.amount;
import static nl.wijkzaken.process.ProcessVariables.string;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import nl.wijkzaken.models.ResidentRequestProcess.Variables;
import nl.wijkzaken.refusal.Refusal;
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

    /** Process variable: per domain one record (domain, adviser, outcome in words, conditions, cost of that domain). */
    static final String ADVICES = "advices";
    static final String DOMAIN = "domain";
    static final String ADVISER = "adviser";
    static final String OUTCOME = "outcome";
    static final String CONDITIONS = "conditions";
    static final String COST = "cost";

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
        String domain = string(task, "domain");
        List<Map<String, String>> advices = advices(instance);
        Map<String, String> record = new LinkedHashMap<>();
        record.put(DOMAIN, domain);
        record.put(ADVISER, adviser);
        record.put(OUTCOME, advice == null ? outcome : advice.label());
        record.put(CONDITIONS, blank(task, "adviceConditions") ? null : string(task, "adviceConditions"));
        record.put(COST, cost == null ? null : cost.toPlainString());
        // One advice per domain counts: should a domain advise again, its new advice replaces the old one.
        advices.removeIf(earlier -> Objects.equals(earlier.get(DOMAIN), domain));
        advices.add(record);
        instance.setVariable(ADVICES, new ArrayList<>(advices));
        instance.setVariable("totalCostEstimate", totalCost(advices).doubleValue());
        String line = "Advies " + domain + " (" + adviser + "): " + (advice == null ? outcome : advice.label()) + ". " + motivation
                + (blank(task, "adviceConditions") ? "" : " Voorwaarden: " + string(task, "adviceConditions") + ".")
                + (cost == null ? "" : " Kosten voor het domein " + domain + ": " + DutchFormat.euro(cost) + ".")
                + (blank(task, "advicePolicyReference") ? "" : " Beleid: " + string(task, "advicePolicyReference") + ".");
        String summary = string(instance, "adviceSummary");
        instance.setVariable("adviceSummary", summary == null || summary.isEmpty() ? line : summary + "\n" + line);
        caseFiles.recordEvent(string(task, Variables.CASE_NUMBER), CaseEventType.ADVICE_GIVEN, null, line, adviser);
    }

    /**
     * The total the {@code deliberation-needed} table compares with 150 % of the amount asked: the sum of each
     * domain's estimate of its own part (the form asks each adviser for the cost of their own domain), one per domain.
     */
    static BigDecimal totalCost(List<Map<String, String>> advices) {
        return advices.stream().map(a -> a.get(COST)).filter(Objects::nonNull).map(BigDecimal::new)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The advices given so far, one record per domain, in the order given. */
    @SuppressWarnings("unchecked")
    static List<Map<String, String>> advices(org.camunda.bpm.engine.delegate.VariableScope scope) {
        List<Map<String, String>> advices = new ArrayList<>();
        if (scope.getVariable(ADVICES) instanceof List<?> list) {
            list.forEach(item -> advices.add(new LinkedHashMap<>((Map<String, String>) item)));
        }
        return advices;
    }

    private static boolean blank(DelegateTask task, String name) {
        String value = string(task, name);
        return value == null || value.isBlank();
    }
}
