package nl.wijkzaken.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;

import nl.wijkzaken.neighbourhood.Neighbourhoods;
import nl.wijkzaken.support.ApplicationTest;

@ApplicationTest
class DemoDataLoaderTest {

    @Autowired
    DemoDataLoader loader;

    @Autowired
    IdentityService identityService;

    @Autowired
    Neighbourhoods neighbourhoods;

    @Test
    void everyDemoUserLogsInWithPasswordDemoAndBelongsToItsGroup() {
        assertThat(identityService.checkPassword("demo", "demo")).as("administrator").isTrue();
        assertThat(identityService.checkPassword("wm.maarssenbroek", "demo")).isTrue();
        assertThat(identityService.checkPassword("wm.maarssenbroek", "wrong")).isFalse();
        assertThat(identityService.createUserQuery().memberOfGroup("wijkmanager-breukelen").singleResult().getId())
                .isEqualTo("wm.breukelen");
        for (String user : new String[] {"balie", "adv.fysiek", "adv.sociaal", "adv.veiligheid", "gebiedsmanager",
                "wethouder", "auditor", "procesbeheerder"}) {
            assertThat(identityService.createUserQuery().userId(user).count()).as(user).isEqualTo(1);
        }
    }

    /** Other tests of the shared context register neighbourhoods of their own beside these. */
    @Test
    void theFourDemoNeighbourhoodsExist() {
        assertThat(neighbourhoods.all()).extracting("name")
                .containsSubsequence("Breukelen", "Loenen", "Maarssen-Dorp", "Maarssenbroek");
    }

    @Test
    void runningAgainChangesNothing() {
        long users = identityService.createUserQuery().count();
        long groups = identityService.createGroupQuery().count();
        int neighbourhoodCount = neighbourhoods.all().size();

        loader.run(new DefaultApplicationArguments());

        assertThat(identityService.createUserQuery().count()).isEqualTo(users);
        assertThat(identityService.createGroupQuery().count()).isEqualTo(groups);
        assertThat(neighbourhoods.all()).hasSize(neighbourhoodCount);
    }
}
