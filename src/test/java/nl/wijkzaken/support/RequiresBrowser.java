package nl.wijkzaken.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class that drives the system's Chromium ({@value Browser#CHROMIUM}) through chromedriver
 * ({@value Browser#CHROMEDRIVER}). Skipped with a message where either is missing, unless
 * {@code -Dwijkzaken.browser.required=true} (as in CI): then a missing browser fails the build.
 * Put it before {@code @SpringBootTest} so that it decides before a Spring context is built.
 * Create the driver with {@link Browser#start()}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("browser")
@ExtendWith(BrowserAvailability.class)
public @interface RequiresBrowser {
}
