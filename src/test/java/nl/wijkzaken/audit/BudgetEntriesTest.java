package nl.wijkzaken.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import nl.wijkzaken.budget.BudgetLedger;
import nl.wijkzaken.neighbourhood.Neighbourhood;
import nl.wijkzaken.neighbourhood.Neighbourhoods;

/**
 * The budget movements of one case as dossier entries, as a slice: the ledger over an embedded database with the
 * Flyway schema, no engine.
 */
@JdbcTest
@Transactional(propagation = Propagation.NOT_SUPPORTED)
@Import({BudgetEntries.class, BudgetLedger.class, Neighbourhoods.class})
class BudgetEntriesTest {

    @Autowired
    BudgetEntries source;

    @Autowired
    BudgetLedger ledger;

    @Autowired
    Neighbourhoods neighbourhoods;

    /** A year no other test books in, so that this year's overviews show only the demo neighbourhoods. */
    static final int OWN_YEAR = 2077;

    @Test
    void theDossierListsWhatWasReservedAndReleasedForTheCase() {
        String wijk = "d-" + UUID.randomUUID().toString().substring(0, 8);
        neighbourhoods.register(new Neighbourhood(wijk, "Dossierwijk"));
        ledger.setBudget(wijk, OWN_YEAR, new BigDecimal("1000"), "gebiedsmanager", "Begroting");
        ledger.reserve("BV-2026-777001", wijk, OWN_YEAR, 300, "wethouder", "Toegekend: bankje");
        ledger.release(wijk, OWN_YEAR, "BV-2026-777001", 100, "wethouder", "Minder uitgegeven");
        ledger.reserve("BV-2026-777002", wijk, OWN_YEAR, 50, "wethouder", "Andere zaak");

        assertThat(source.entriesFor("BV-2026-777001"))
                .extracting(DossierEntry::kind, DossierEntry::actor)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(DossierEntry.Kind.BUDGET, "wethouder"),
                        org.assertj.core.groups.Tuple.tuple(DossierEntry.Kind.BUDGET, "wethouder"));
        assertThat(source.entriesFor("BV-2026-777001").get(0).summary()).contains("300", "gereserveerd", "bankje");
        assertThat(source.entriesFor("BV-2026-777001").get(1).summary()).contains("vrijgegeven");
    }
}
