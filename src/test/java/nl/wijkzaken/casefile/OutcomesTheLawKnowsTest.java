package nl.wijkzaken.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import nl.wijkzaken.mail.MessageType;

/**
 * LEGAL.md 3: "niet-ontvankelijk" is a term for objections and appeals, not for applications. Nothing a resident or
 * auditor reads says it: no outcome, status, event or mail type, no form, model, page or mail template.
 */
class OutcomesTheLawKnowsTest {

    @Test
    void theVocabularyHasNoNietOntvankelijk() {
        assertThat(Arrays.stream(Outcome.values()).flatMap(o -> Stream.of(o.code(), o.label())))
                .noneMatch(word -> word.toLowerCase().contains("ontvankelijk"))
                .contains("doorgezonden", "geen-aanvraag");
        assertThat(Arrays.stream(CaseStatus.values()).map(CaseStatus::text)).noneMatch(text -> text.toLowerCase().contains("ontvankelijk"));
        assertThat(Arrays.stream(CaseEventType.values()).map(CaseEventType::label)).noneMatch(text -> text.toLowerCase().contains("ontvankelijk"));
        assertThat(Arrays.stream(MessageType.values()).map(MessageType::template)).noneMatch(name -> name.contains("ontvankelijk"))
                .contains("doorgezonden", "geen-aanvraag");
    }

    @Test
    void noFormModelPageOrMailTemplateSaysIt() throws IOException {
        List<Path> read;
        try (Stream<Path> forms = Files.walk(Path.of("forms")); Stream<Path> models = Files.walk(Path.of("processes"));
             Stream<Path> templates = Files.walk(Path.of("src/main/resources/templates"))) {
            read = Stream.of(forms, models, templates).flatMap(s -> s).filter(Files::isRegularFile).toList();
        }
        assertThat(read).isNotEmpty();
        for (Path file : read) {
            assertThat(Files.readString(file).toLowerCase()).as(file.toString()).doesNotContain("ontvankelijk");
        }
    }
}
