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
    private static final StaffNames.Names NAMES = new StaffNames.Names(Map.of("wm.breukelen", "Bram Breukels"),
            Map.of("wijkmanager-breukelen", "Wijkmanager Breukelen"));

    @Test
    void everyValueIsQuotedAndSemicolonsQuotesAndLineBreaksStayInsideTheirCell() {
        String csv = TimelineCsv.write(List.of(
                new DossierEntry(AT, DossierEntry.Kind.TASK_COMPLETED, "wm.breukelen",
                        "Taak \"Besluit nemen\" afgerond; toegekend\nmet voorwaarden", Map.of("bedrag", 1200)),
                new DossierEntry(AT, DossierEntry.Kind.CASE_STARTED, null, "Zaak gestart", Map.of())),
                new ObjectMapper(), NAMES);

        // 09:15 UTC on 2 March is 10:15 in Amsterdam; the person by name, the kind in Dutch.
        assertThat(csv).isEqualTo("Tijdstip (Nederlandse tijd);Soort;Wie;Omschrijving;Gegevens\r\n"
                + "\"2-3-2026 10:15:00\";\"Taak afgerond\";\"Bram Breukels\";"
                + "\"Taak \"\"Besluit nemen\"\" afgerond; toegekend\nmet voorwaarden\";\"{\"\"bedrag\"\":1200}\"\r\n"
                + "\"2-3-2026 10:15:00\";\"Zaak gestart\";\"systeem (automatisch)\";\"Zaak gestart\";\"{}\"\r\n");
    }

    @Test
    void factsReadInDutchWithNamesAndWithoutEngineIds() {
        String csv = TimelineCsv.write(List.of(
                new DossierEntry(AT, DossierEntry.Kind.TASK_COMPLETED, "wm.breukelen",
                        "Taak 'Volledigheid beoordelen' afgerond door wm.breukelen",
                        Map.of("taskId", "4711", "completedBy", "wm.breukelen", "candidateGroups", List.of("wijkmanager-breukelen"))),
                new DossierEntry(AT, DossierEntry.Kind.CASE_EVENT, "systeem", "Bericht verstuurd",
                        Map.of("eventType", "BERICHT_VERSTUURD"))),
                new ObjectMapper(), NAMES);

        assertThat(csv).contains("afgerond door Bram Breukels").contains("Wijkmanager Breukelen")
                .contains("Bericht verstuurd").doesNotContain("4711").doesNotContain("wm.breukelen")
                .doesNotContain("BERICHT_VERSTUURD").doesNotContain("taskId");
    }

    @Test
    void aCellThatASpreadsheetWouldRunAsAFormulaBecomesText() {
        String csv = TimelineCsv.write(List.of(
                new DossierEntry(AT, DossierEntry.Kind.VARIABLE_CHANGED, "@SUM(A1)", "=HYPERLINK(\"http://x\")",
                        Map.of()),
                new DossierEntry(AT, DossierEntry.Kind.VARIABLE_CHANGED, "+31 6 1234", "-2+3", Map.of()),
                new DossierEntry(AT, DossierEntry.Kind.VARIABLE_CHANGED, "\tcmd", "\r=1", Map.of())),
                new ObjectMapper(), NAMES);

        assertThat(csv.split("\r\n", -1)).containsSubsequence(
                "\"2-3-2026 10:15:00\";\"Gegeven\";\"'@SUM(A1)\";\"'=HYPERLINK(\"\"http://x\"\")\";\"{}\"",
                "\"2-3-2026 10:15:00\";\"Gegeven\";\"'+31 6 1234\";\"'-2+3\";\"{}\"",
                "\"2-3-2026 10:15:00\";\"Gegeven\";\"'\tcmd\";\"'\r=1\";\"{}\"");
        assertThat(TimelineCsv.defused("Bankje = mooi")).isEqualTo("Bankje = mooi");
    }
}
