package nl.wijkzaken.audit;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

/**
 * A dossier's timeline for a spreadsheet: semicolons (what Dutch spreadsheets expect), every value quoted
 * (RFC 4180, by Jackson CSV), the header line plain, and no cell a spreadsheet would run as a formula.
 */
final class TimelineCsv {

    private static final List<String> COLUMNS = List.of("tijdstip", "soort", "wie", "omschrijving", "gegevens");
    private static final CsvMapper CSV = CsvMapper.builder()
            .enable(CsvGenerator.Feature.ALWAYS_QUOTE_STRINGS, CsvGenerator.Feature.ALWAYS_QUOTE_EMPTY_STRINGS)
            .build();
    private static final CsvSchema ROWS = CsvSchema.emptySchema().withColumnSeparator(';').withLineSeparator("\r\n");

    private TimelineCsv() {
    }

    static String write(List<DossierEntry> timeline, ObjectMapper json) {
        List<List<String>> rows = timeline.stream()
                .map(entry -> Stream.of(entry.at().toString(), entry.kind().name(), entry.actor(), entry.summary(),
                        json(json, entry.details())).map(TimelineCsv::defused).toList())
                .toList();
        try {
            return String.join(";", COLUMNS) + "\r\n" + CSV.writer(ROWS).writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("Tijdlijn-CSV kon niet worden gemaakt", e);
        }
    }

    /**
     * A leading =, +, -, @, tab or carriage return (OWASP's list) makes a spreadsheet run the cell as a formula;
     * an apostrophe in front makes it text.
     */
    static String defused(String value) {
        String text = value == null ? "" : value;
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    private static String json(ObjectMapper json, Map<String, Object> details) {
        try {
            return json.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            return String.valueOf(details);
        }
    }
}
