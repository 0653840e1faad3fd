package nl.wijkzaken.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * TEST ONLY: the whole application on a random port, in the one context configuration all full-application tests
 * share. Keep it the only one: the engine REST API and the Camunda webapps find "the" engine in a JVM-wide registry
 * by name, so a second cached context with its own engine of the same name would take the name over. A test that
 * needs other properties is a slice, a unit test or a process test instead, or runs its own engine under another
 * name (see BudgetLedgerPostgresTest). Each test owns its data here: its own cases, neighbourhood/year or cleanup.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public @interface ApplicationTest {
}
