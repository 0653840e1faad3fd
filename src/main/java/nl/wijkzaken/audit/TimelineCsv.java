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

import nl.wijkzaken.shared.DutchFormat;

/**
 * A dossier's timeline for a spreadsheet: semicolons (what Dutch spreadsheets expect), every value quoted
 * (RFC 4180, by Jackson CSV), the header line plain, and no cell a spreadsheet would run as a formula.
 */
final class TimelineCsv {

    private static final List<String> COLUMNS = List.of("Tijdstip (Nederlandse tijd)", "Soort", "Wie", "Omschrijving", "Gegevens");
    private static final CsvMapper CSV = CsvMapper.builder()
            .enable(CsvGenerator.Feature.ALWAYS_QUOTE_STRINGS, CsvGenerator.Feature.ALWAYS_QUOTE_EMPTY_STRINGS)
            .build();
    private static final CsvSchema ROWS = CsvSchema.emptySchema().withColumnSeparator(';').withLineSeparator("\r\n");

    private TimelineCsv() {
    }

    /** Times in the municipality's zone, kinds and facts in Dutch, people and teams by name. */
    static String write(List<DossierEntry> timeline, ObjectMapper json, StaffNames.Names names) {
        List<List<String>> rows = timeline.stream()
                .map(entry -> Stream.of(DutchFormat.timestamp(entry.at()), entry.kind().label(),
                        names.person(entry.actor()), DossierView.namesIn(entry.summary(), names),
                        json(json, DossierView.peopleDetails(entry.details(), names))).map(TimelineCsv::defused).toList())
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
