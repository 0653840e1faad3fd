package nl.wijkzaken.support;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Skips or fails a {@link RequiresPostgres} class, depending on whether PostgreSQL is required. */
class PostgresAvailability implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        String problem = PostgresTestDatabase.unreachableReason();
        if (problem == null) {
            return;
        }
        String message = "PostgreSQL at " + PostgresTestDatabase.serverUrl() + " is not reachable (" + problem + ")";
        if (PostgresTestDatabase.required()) {
            throw new IllegalStateException(message + " but wijkzaken.postgres.required=true: failing, not skipping.");
        }
        Assumptions.abort(message + ": skipping PostgreSQL tests. Start PostgreSQL or see README, 'Tests'.");
    }
}
