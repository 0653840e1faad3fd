package nl.wijkzaken.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * V75: a case concluded as "niet-ontvankelijk" (no outcome of an application in law) before the upgrade becomes what
 * it legally was, a refusal with reasons and objection clause; its status page keeps the reasons given then.
 */
class NietOntvankelijkMigrationTest {

    @Test
    void aStoredNietOntvankelijkBecomesARefusalAndKeepsItsReasons() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:v75-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        Flyway.configure().dataSource(dataSource).target("52").load().migrate();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        insert(jdbc, "BV-2026-000101", "AFGEHANDELD", "niet-ontvankelijk");
        insert(jdbc, "BV-2026-000102", "NIET_ONTVANKELIJK", "niet-ontvankelijk");
        insert(jdbc, "BV-2026-000103", "AFGEHANDELD", "toegekend");
        jdbc.sql("""
                INSERT INTO case_event (case_number, occurred_at, event_type, status_text, detail, actor)
                VALUES ('BV-2026-000101', TIMESTAMP '2026-03-04 10:15:00', 'STATUS', 'Niet-ontvankelijk',
                        'Dit is een zaak van de provincie.', 'wm.breukelen')""").update();

        Flyway.configure().dataSource(dataSource).load().migrate();

        List<Map<String, Object>> files = jdbc.sql("SELECT case_number, status_code, outcome, decided_amount FROM case_file ORDER BY case_number")
                .query().listOfRows();
        assertThat(files).extracting(row -> row.get("OUTCOME")).containsExactly("afgewezen", "afgewezen", "toegekend");
        assertThat(files).extracting(row -> row.get("STATUS_CODE")).containsExactly("AFGEHANDELD", "BESLUIT_GENOMEN", "AFGEHANDELD");
        assertThat(files.get(0).get("DECIDED_AMOUNT")).isEqualTo(new java.math.BigDecimal("0.00"));
        assertThat(Outcome.ofCode((String) files.get(0).get("OUTCOME"))).contains(Outcome.AFGEWEZEN);
        Map<String, Object> event = jdbc.sql("SELECT status_text, detail, actor FROM case_event WHERE case_number = 'BV-2026-000101'")
                .query().singleRow();
        assertThat(event).containsEntry("STATUS_TEXT", CaseStatus.BESLUIT_GENOMEN.text())
                .containsEntry("DETAIL", "Dit is een zaak van de provincie.").containsEntry("ACTOR", "wm.breukelen");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM case_file WHERE outcome LIKE '%ontvankelijk%' OR status_code LIKE '%ONTVANKELIJK%'")
                .query(Integer.class).single()).isZero();
    }

    private static void insert(JdbcClient jdbc, String caseNumber, String status, String outcome) {
        jdbc.sql("""
                INSERT INTO case_file (case_number, process_instance_id, channel, applicant_name, applicant_email,
                    neighbourhood, category, title, amount_requested, urgency, owner_group, owner_team, received_on,
                    legal_deadline, status_code, outcome, closed_on)
                VALUES (?, 'pi', 'online', 'Fatima de Vries', 'fatima@example.org', 'breukelen', 'overig', 'Bankje',
                    300, 'normaal', 'wijkmanager-breukelen', 'Team wijk Breukelen', DATE '2026-03-02', DATE '2026-04-27',
                    ?, ?, DATE '2026-03-04')""").params(caseNumber, status, outcome).update();
    }
}
