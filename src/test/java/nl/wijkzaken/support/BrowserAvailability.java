package nl.wijkzaken.support;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skips or fails a {@link RequiresBrowser} class, depending on whether the browser is required. A skipped class is
 * reported as skipped, with its reason on the console.
 */
class BrowserAvailability implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        String problem = Browser.unavailableReason();
        if (problem == null) {
            return ConditionEvaluationResult.enabled("Chromium and chromedriver present");
        }
        if (Boolean.getBoolean("wijkzaken.browser.required")) {
            throw new IllegalStateException(problem + " but wijkzaken.browser.required=true: failing, not skipping.");
        }
        String reason = problem + ": skipping " + context.getDisplayName()
                + ". Install them with 'apt-get install chromium chromium-driver' or see README, 'Tests'.";
        System.err.println("[SKIPPED] " + reason);
        return ConditionEvaluationResult.disabled(reason);
    }
}
