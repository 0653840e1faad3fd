package nl.wijkzaken.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;

/** What a spreadsheet opens: one row per entry, text that stays text, and no formula that runs. */
class TimelineCsvTest {

    private static final Instant AT = Instant.parse("2026-03-02T09:15:00Z");

    @Test
    void everyValueIsQuotedAndSemicolonsQuotesAndLineBreaksStayInsideTheirCell() {
        String csv = TimelineCsv.write(List.of(
                new DossierEntry(AT, DossierEntry.Kind.TASK_COMPLETED, "wm.breukelen",
                        "Taak \"Besluit nemen\" afgerond; toegekend\nmet voorwaarden", Map.of("bedrag", 1200)),
                new DossierEntry(AT, DossierEntry.Kind.CASE_STARTED, null, "Zaak gestart", Map.of())),
                new ObjectMapper());

        assertThat(csv).isEqualTo("tijdstip;soort;wie;omschrijving;gegevens\r\n"
                + "\"2026-03-02T09:15:00Z\";\"TASK_COMPLETED\";\"wm.breukelen\";"
                + "\"Taak \"\"Besluit nemen\"\" afgerond; toegekend\nmet voorwaarden\";\"{\"\"bedrag\"\":1200}\"\r\n"
                + "\"2026-03-02T09:15:00Z\";\"CASE_STARTED\";\"\";\"Zaak gestart\";\"{}\"\r\n");
    }

    @Test
    void aCellThatASpreadsheetWouldRunAsAFormulaBecomesText() {
        String csv = TimelineCsv.write(List.of(
                new DossierEntry(AT, DossierEntry.Kind.VARIABLE_CHANGED, "@SUM(A1)", "=HYPERLINK(\"http://x\")",
                        Map.of()),
                new DossierEntry(AT, DossierEntry.Kind.VARIABLE_CHANGED, "+31 6 1234", "-2+3", Map.of()),
                new DossierEntry(AT, DossierEntry.Kind.VARIABLE_CHANGED, "\tcmd", "\r=1", Map.of())),
                new ObjectMapper());

        assertThat(csv.split("\r\n", -1)).containsSubsequence(
                "\"2026-03-02T09:15:00Z\";\"VARIABLE_CHANGED\";\"'@SUM(A1)\";\"'=HYPERLINK(\"\"http://x\"\")\";\"{}\"",
                "\"2026-03-02T09:15:00Z\";\"VARIABLE_CHANGED\";\"'+31 6 1234\";\"'-2+3\";\"{}\"",
                "\"2026-03-02T09:15:00Z\";\"VARIABLE_CHANGED\";\"'\tcmd\";\"'\r=1\";\"{}\"");
        assertThat(TimelineCsv.defused("Bankje = mooi")).isEqualTo("Bankje = mooi");
    }
}
