package nl.wijkzaken.process;

import java.math.BigDecimal;
import java.time.Period;
import java.util.Map;

import org.camunda.bpm.engine.delegate.VariableScope;

/** Reading the process variables of resident-request with the types the contract promises. */
final class ProcessVariables {

    private ProcessVariables() {
    }

    static String string(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value == null ? null : value.toString();
    }

    static BigDecimal amount(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value == null ? null : new BigDecimal(value.toString()).setScale(2, java.math.RoundingMode.HALF_UP);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> decision(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        if (!(value instanceof Map)) {
            throw new IllegalStateException("Beslissing '" + name + "' ontbreekt in de zaak.");
        }
        return (Map<String, Object>) value;
    }

    static Period period(VariableScope scope, String decision, String output) {
        return Period.parse(decision(scope, decision).get(output).toString());
    }
}
