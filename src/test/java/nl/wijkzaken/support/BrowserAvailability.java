package nl.wijkzaken.support;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Skips or fails a {@link RequiresBrowser} class, depending on whether the browser is required. */
class BrowserAvailability implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        String problem = Browser.unavailableReason();
        if (problem == null) {
            return;
        }
        if (Boolean.getBoolean("wijkzaken.browser.required")) {
            throw new IllegalStateException(problem + " but wijkzaken.browser.required=true: failing, not skipping.");
        }
        Assumptions.abort(problem + ": skipping browser tests. Install them with "
                + "'apt-get install chromium chromium-driver' or see README, 'Tests'.");
    }
}
