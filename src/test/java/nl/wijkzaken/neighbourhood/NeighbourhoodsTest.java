package nl.wijkzaken.neighbourhood;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.context.annotation.Import;

/**
 * The register of neighbourhoods as a slice: its table (Flyway) in an embedded database, no engine; each test's
 * transaction is rolled back. That the demo neighbourhoods are registered at start-up: {@code DemoDataLoaderTest}.
 */
@JdbcTest
@Import(Neighbourhoods.class)
class NeighbourhoodsTest {

    @Autowired
    Neighbourhoods neighbourhoods;

    @BeforeEach
    void threeNeighbourhoods() {
        neighbourhoods.register(new Neighbourhood("maarssen-dorp", "Maarssen-Dorp"));
        neighbourhoods.register(new Neighbourhood("loenen", "Loenen"));
        neighbourhoods.register(new Neighbourhood("breukelen", "Breukelen"));
    }

    @Test
    void knowsTheRegisteredNeighbourhoodsByCode() {
        assertThat(neighbourhoods.find("breukelen")).contains(new Neighbourhood("breukelen", "Breukelen"));
        assertThat(neighbourhoods.find("amsterdam")).isEmpty();
        assertThat(neighbourhoods.exists("maarssen-dorp")).isTrue();
        assertThat(neighbourhoods.exists("amsterdam")).isFalse();
        assertThat(neighbourhoods.exists(null)).isFalse();
    }

    @Test
    void allAreListedByName() {
        assertThat(neighbourhoods.all()).extracting(Neighbourhood::name)
                .containsExactly("Breukelen", "Loenen", "Maarssen-Dorp");
    }

    @Test
    void registeringAnExistingCodeKeepsTheOriginal() {
        neighbourhoods.register(new Neighbourhood("loenen", "Loenen aan de Vecht"));

        assertThat(neighbourhoods.find("loenen")).map(Neighbourhood::name).contains("Loenen");
        assertThat(neighbourhoods.all()).hasSize(3);
    }
}
