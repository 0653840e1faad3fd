package nl.wijkzaken.letters;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import nl.wijkzaken.support.PostgresTestDatabase;
import nl.wijkzaken.support.RequiresPostgres;

/** The letters table on PostgreSQL (V80: identity, bytea, the content as JSON): stored, sent, read back. */
@RequiresPostgres
class LettersPostgresTest {

    @Test
    void aLetterIsStoredSentAndReadBackOnPostgres() throws Exception {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(PostgresTestDatabase.createEmptyDatabase("letters"));
        dataSource.setUser(PostgresTestDatabase.user());
        dataSource.setPassword(PostgresTestDatabase.password());
        Flyway.configure().dataSource(dataSource).load().migrate();
        Letters letters = LetterFixtures.letters(JdbcClient.create(dataSource), null);

        StoredLetter draft = letters.prepare(LetterFixtures.content(LetterKind.AFWIJZING));
        LocalDate sentOn = LocalDate.of(2026, 3, 5);
        letters.markSent(draft.id(), letters.renderForSending(draft.id(), sentOn), sentOn, Letters.POST);

        StoredLetter sent = letters.ofCase("BV-2026-000042").get(0);
        assertThat(sent.kind()).isEqualTo(LetterKind.AFWIJZING);
        assertThat(sent.sentOn()).isEqualTo(sentOn);
        assertThat(sent.channelWords()).isEqualTo("per post");
        assertThat(letters.content(draft.id())).isEqualTo(LetterFixtures.content(LetterKind.AFWIJZING));
        assertThat(LetterTemplatesTest.text(letters.pdf("BV-2026-000042", draft.id()).orElseThrow()))
                .contains("Datum 5 maart 2026", "uiterlijk op 16 april 2026 zijn ontvangen");
        assertThat(letters.pdf("BV-2026-000043", draft.id())).as("only with its own case").isEmpty();
    }
}
