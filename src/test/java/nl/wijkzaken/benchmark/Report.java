package nl.wijkzaken.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The benchmark's results as they come in: a Markdown report (tables per phase), every figure as a flat CSV row
 * (section;metric;value;unit) and as JSON. Written again after every phase, so a run that fails half-way still
 * leaves what it measured; printed to standard output as well.
 */
final class Report {

    private final Path directory;
    private final StringBuilder markdown = new StringBuilder();
    private final List<String> csv = new ArrayList<>(List.of("section;metric;value;unit"));
    private final Map<String, Map<String, Object>> json = new LinkedHashMap<>();

    Report(Path directory) {
        this.directory = directory;
    }

    void title(String text) {
        markdown.append("# ").append(text).append("\n\n");
    }

    void heading(String text) {
        markdown.append("## ").append(text).append("\n\n");
        System.out.println("\n== " + text);
    }

    void paragraph(String text) {
        markdown.append(text).append("\n\n");
        System.out.println(text);
    }

    void table(List<String> headers, List<List<Object>> rows) {
        markdown.append('|');
        headers.forEach(h -> markdown.append(' ').append(h).append(" |"));
        markdown.append("\n|");
        headers.forEach(h -> markdown.append("---|"));
        markdown.append('\n');
        for (List<Object> row : rows) {
            markdown.append('|');
            row.forEach(cell -> markdown.append(' ').append(format(cell)).append(" |"));
            markdown.append('\n');
            System.out.println("  " + String.join(" | ", row.stream().map(Report::format).toList()));
        }
        markdown.append('\n');
    }

    /** One figure for the CSV and JSON files. */
    void metric(String section, String name, Object value, String unit) {
        csv.add(section + ";" + name.replace(';', ',') + ";" + format(value) + ";" + unit);
        json.computeIfAbsent(section, s -> new LinkedHashMap<>()).put(name + (unit.isEmpty() ? "" : " [" + unit + "]"),
                value instanceof Double d && (d.isNaN() || d.isInfinite()) ? null : value);
    }

    void write() {
        try {
            Files.createDirectories(directory);
            Files.writeString(directory.resolve("results.md"), markdown);
            Files.write(directory.resolve("results.csv"), csv);
            Files.write(directory.resolve("results.json"),
                    Http.JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path directory() {
        return directory;
    }

    static String format(Object value) {
        if (value instanceof Double d) {
            if (d.isNaN()) {
                return "–";
            }
            double abs = Math.abs(d);
            return String.format(Locale.ROOT, abs >= 100 ? "%.0f" : abs >= 10 ? "%.1f" : "%.2f", d);
        }
        return String.valueOf(value);
    }
}
