package nl.wijkzaken.mandate;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

import nl.wijkzaken.models.ResidentRequestProcess.Decisions;
import nl.wijkzaken.models.ResidentRequestProcess.Variables;

/**
 * Evaluates the deployed mandate table ({@code decision-mandate}, its latest version, as the process's "Mandaat
 * bepalen" does) for a case and a decision type, and resolves the mandate decision it names from configuration.
 * Other modules call this for the decisions they take outside "Besluit nemen" (4:5, 4:18, settlement...):
 * {@code mandates.of(execution, DecisionType.DWANGSOM)} in a process, {@link #of(DecisionType, BigDecimal, String,
 * String)} for a case file. The table is evaluated without the caller's authorizations: who decides is not
 * something a user must be allowed to read the table for.
 */
public class Mandates {

    /** The table's outputs, the contract with the diagram (the map variable {@code mandate}) and other modules. */
    public static final String DECIDING_GROUP = "decidingGroup";
    public static final String CO_SIGN_NEEDED = "coSignNeeded";
    public static final String CO_SIGN_GROUP = "coSignGroup";
    public static final String MANDATE_DECISION = "mandateDecision";
    public static final String SIGNATORY_FUNCTION = "signatoryFunction";
    /** The table's input naming the decision type ({@link DecisionType#code()}). */
    public static final String DECISION_TYPE = "decisionType";

    private final Map<String, MandateDecision> decisions;
    private final Supplier<ProcessEngine> engine;

    /**
     * @param decisions the mandate decisions by key ({@code wijkzaken.mandate.decisions})
     * @param engine    the engine whose deployed table is evaluated (looked up when first needed)
     */
    public Mandates(Map<String, MandateDecision> decisions, Supplier<ProcessEngine> engine) {
        this.decisions = Map.copyOf(decisions);
        this.engine = engine;
    }

    /** The mandate for a decision of this type on the case of this execution (amount to decide, category, owner). */
    public Mandate of(DelegateExecution execution, DecisionType type) {
        return evaluate(execution.getProcessEngine(), type, facts(execution));
    }

    /**
     * The group that holds the mandate for this decision type on the case of this execution: the candidate group of
     * a task where someone takes that decision ({@code ${mandates.decidingGroup(execution, 'dwangsom')}}), so the
     * table, not the diagram, says who decides (Awb 10:1).
     */
    public String decidingGroup(DelegateExecution execution, String decisionType) {
        DecisionType type = DecisionType.ofCode(decisionType).orElseThrow(() -> new IllegalArgumentException(
                "Onbekend soort besluit in het procesmodel: " + decisionType));
        return of(execution, type).decidingGroup();
    }

    /** The mandate for a decision of this type on a case outside a running process (e.g. from its case file). */
    public Mandate of(DecisionType type, BigDecimal amount, String category, String ownerGroup) {
        Map<String, Object> facts = new HashMap<>();
        facts.put(Variables.AMOUNT_TO_DECIDE, amount == null ? null : amount.doubleValue());
        facts.put(Variables.CATEGORY, category);
        facts.put(Variables.OWNER_GROUP, ownerGroup);
        return evaluate(engine.get(), type, facts);
    }

    /** The mandate decision with this key, as configured. */
    public MandateDecision decision(String key) {
        MandateDecision decision = decisions.get(key);
        if (decision == null) {
            throw new IllegalStateException("Het mandaatbesluit '" + key + "' uit de mandaattabel staat niet in de "
                    + "configuratie (wijkzaken.mandate.decisions." + key + ").");
        }
        return decision;
    }

    /**
     * The mandate of a result of the table as the process stored it (the map variable {@code mandate}), with its
     * mandate decision resolved; for the letters of a decision taken in "Besluit nemen". A case that started under
     * the table before it named mandate decisions has none ({@link Mandate#restsOn()} null).
     */
    public Mandate fromResult(DecisionType type, Map<String, Object> result) {
        String coSignGroup = blankToNull(result.get(CO_SIGN_GROUP));
        return new Mandate(type, blankToNull(result.get(DECIDING_GROUP)), Boolean.TRUE.equals(result.get(CO_SIGN_NEEDED)),
                coSignGroup, result.get(MANDATE_DECISION) == null ? null : decision(result.get(MANDATE_DECISION).toString()),
                blankToNull(result.get(SIGNATORY_FUNCTION)));
    }

    /** The mandate as the table's result map (the process variable {@code mandate}). */
    public static Map<String, Object> asResult(Mandate mandate) {
        Map<String, Object> result = new HashMap<>();
        result.put(DECISION_TYPE, mandate.type().code());
        result.put(DECIDING_GROUP, mandate.decidingGroup());
        result.put(CO_SIGN_NEEDED, mandate.coSignNeeded());
        result.put(CO_SIGN_GROUP, mandate.coSignGroup());
        result.put(MANDATE_DECISION, mandate.restsOn() == null ? null : mandate.restsOn().key());
        result.put(SIGNATORY_FUNCTION, mandate.signatoryFunction());
        return result;
    }

    private Mandate evaluate(ProcessEngine processEngine, DecisionType type, Map<String, Object> facts) {
        Map<String, Object> variables = new HashMap<>(facts);
        variables.put(DECISION_TYPE, type.code());
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
        DmnDecisionResultEntries result = configuration.getCommandExecutorTxRequired().execute(
                context -> context.runWithoutAuthorization(() -> processEngine.getDecisionService()
                        .evaluateDecisionByKey(Decisions.MANDATE).variables(variables).evaluate().getSingleResult()));
        if (result == null) {
            throw new IllegalStateException("De mandaattabel noemt niemand voor " + type.label() + " bij " + facts + ".");
        }
        return fromResult(type, result.getEntryMap());
    }

    private static Map<String, Object> facts(VariableScope scope) {
        Map<String, Object> facts = new HashMap<>();
        Object amount = scope.getVariable(Variables.AMOUNT_TO_DECIDE);
        facts.put(Variables.AMOUNT_TO_DECIDE, amount instanceof Number number ? number.doubleValue()
                : scope.getVariable(Variables.AMOUNT_REQUESTED) instanceof Number asked ? asked.doubleValue() : null);
        facts.put(Variables.CATEGORY, scope.getVariable(Variables.CATEGORY));
        facts.put(Variables.OWNER_GROUP, scope.getVariable(Variables.OWNER_GROUP));
        return facts;
    }

    private static String blankToNull(Object value) {
        return value == null || value.toString().isBlank() ? null : value.toString();
    }
}
