package nl.wijkzaken.support;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skips or fails a {@link RequiresPostgres} class, depending on whether PostgreSQL is required. A skipped class is
 * reported as skipped, with its reason on the console.
 */
class PostgresAvailability implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        String problem = PostgresTestDatabase.unreachableReason();
        if (problem == null) {
            return ConditionEvaluationResult.enabled("PostgreSQL reachable");
        }
        String message = "PostgreSQL at " + PostgresTestDatabase.serverUrl() + " is not reachable (" + problem + ")";
        if (PostgresTestDatabase.required()) {
            throw new IllegalStateException(message + " but wijkzaken.postgres.required=true: failing, not skipping.");
        }
        String reason = message + ": skipping " + context.getDisplayName()
                + ". Start PostgreSQL or see README, 'Tests'.";
        System.err.println("[SKIPPED] " + reason);
        return ConditionEvaluationResult.disabled(reason);
    }
}
