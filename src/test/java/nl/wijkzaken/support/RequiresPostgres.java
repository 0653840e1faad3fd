package nl.wijkzaken.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class that runs against a real PostgreSQL server. Skipped with a message where none is reachable,
 * unless {@code -Dwijkzaken.postgres.required=true} (as in CI): then a missing server fails the build.
 * Put it before {@code @SpringBootTest} so that it decides before a Spring context is built.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("postgres")
@ExtendWith(PostgresAvailability.class)
public @interface RequiresPostgres {
}
