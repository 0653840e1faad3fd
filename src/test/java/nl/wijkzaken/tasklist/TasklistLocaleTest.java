package nl.wijkzaken.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;

/**
 * Tasklist speaks Dutch: our {@code nl.json} has every key of the English file that ships with the Tasklist of
 * this Camunda version (read from the webjar on the classpath, so an upgrade that adds keys fails here), with no
 * placeholder Tasklist does not fill, and the Tasklist configuration selects it.
 */
class TasklistLocaleTest {

    private static final String TASKLIST = "META-INF/resources/webjars/camunda/app/tasklist/";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*(\\w+)\\s*}}|%[ds]");

    @Test
    void dutchHasEveryKeyOfTheShippedEnglishAndOnlyItsPlaceholders() throws IOException {
        Map<String, String> english = flat(read("locales/en.json"));
        Map<String, String> dutch = flat(read("locales/nl.json"));

        assertThat(english).hasSizeGreaterThan(400);
        assertThat(dutch.keySet()).containsAll(english.keySet());
        english.forEach((key, text) -> {
            // Never a placeholder Tasklist does not fill; ids may be left out on purpose (staff read no engine ids).
            assertThat(placeholders(text)).as(key).containsAll(placeholders(dutch.get(key)));
            if (!text.isBlank() && !key.equals("labels.BANNER_CE_EOL_TEXT")) {
                assertThat(dutch.get(key)).as(key).isNotBlank();
            }
        });
    }

    @Test
    void staffSeeDutchWordsForTheirDailyActions() throws IOException {
        Map<String, String> dutch = flat(read("locales/nl.json"));
        assertThat(dutch).containsEntry("labels.CLAIM_TASK", "Oppakken")
                .containsEntry("labels.UNCLAIM_TASK", "Teruggeven")
                .containsEntry("labels.COMPLETE", "Afronden")
                .containsEntry("labels.START_PROCESS", "Nieuwe zaak starten")
                .containsEntry("labels.SHORTCUT_HELP", "Sneltoetsen")
                .containsEntry("labels.DUE", "Uiterlijk")
                .containsEntry("dateLocales.months[0]", "januari");
    }

    @Test
    void tasklistSelectsDutchAndHidesTheMigrationBanner() throws IOException {
        String config = text("scripts/config.js");
        assertThat(config).contains("availableLocales: ['nl']").contains("fallbackLocale: 'nl'")
                // the shipped keys this file replaces
                .contains("shortcuts:").contains("claimTask:");
        assertThat(text("styles/user-styles.css")).contains(".ce-eol-banner").contains("display: none");
    }

    private static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group());
        }
        return found;
    }

    private static JsonNode read(String path) throws IOException {
        return new ObjectMapper().readTree(text(path).replace("\uFEFF", ""));
    }

    private static String text(String path) throws IOException {
        try (InputStream in = TasklistLocaleTest.class.getClassLoader().getResourceAsStream(TASKLIST + path)) {
            assertThat(in).as(path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Map<String, String> flat(JsonNode node) {
        Map<String, String> out = new LinkedHashMap<>();
        flatten("", node, out);
        return out;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(),
                    e.getValue(), out));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(prefix + "[" + i + "]", node.get(i), out);
            }
        } else {
            out.put(prefix, node.asText());
        }
    }
}
