package nl.wijkzaken.neighbourhood;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import nl.wijkzaken.support.ApplicationTest;

@ApplicationTest
class NeighbourhoodsTest {

    @Autowired
    Neighbourhoods neighbourhoods;

    @Test
    void knowsTheRegisteredNeighbourhoodsByCode() {
        assertThat(neighbourhoods.find("breukelen")).contains(new Neighbourhood("breukelen", "Breukelen"));
        assertThat(neighbourhoods.exists("maarssen-dorp")).isTrue();
        assertThat(neighbourhoods.exists("amsterdam")).isFalse();
        assertThat(neighbourhoods.exists(null)).isFalse();
    }

    @Test
    void registeringAnExistingCodeKeepsTheOriginal() {
        neighbourhoods.register(new Neighbourhood("loenen", "Loenen aan de Vecht"));

        assertThat(neighbourhoods.find("loenen")).map(Neighbourhood::name).contains("Loenen");
    }
}
