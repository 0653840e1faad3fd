package nl.wijkzaken.security.internal;

import nl.wijkzaken.security.internal.FormSchema.Field;
import nl.wijkzaken.security.internal.FormSchema.Type;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.cmd.AddCommentCmd;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ResolveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.junit.jupiter.api.Test;


/**
 * The form guard reads protected fields of the engine's commands: an engine upgrade that renames one fails here,
 * loudly, instead of letting submissions through unchecked. And every form of forms/ is one the guard understands.
 */
class EngineCommandsTest {

    @Test
    void readsWhatEachCommandCarries() {
        Map<String, Object> variables = new HashMap<>(Map.of("outcome", "toegekend"));

        assertThat(EngineCommands.completion(new CompleteTaskCmd("t1", variables)))
                .isEqualTo(new EngineCommands.TaskSubmission("t1", variables));
        assertThat(EngineCommands.completion(new ResolveTaskCmd("t2", variables)).taskId()).isEqualTo("t2");
        EngineCommands.TaskSubmission form = EngineCommands.formSubmission(new SubmitTaskFormCmd("t3", variables, false, false));
        assertThat(form.taskId()).isEqualTo("t3");
        assertThat(form.variables()).containsEntry("outcome", "toegekend");
        EngineCommands.StartSubmission startForm = EngineCommands.startFormSubmission(new SubmitStartFormCmd("pd1", null, variables));
        assertThat(startForm.processDefinitionId()).isEqualTo("pd1");
        assertThat(startForm.variables()).containsEntry("outcome", "toegekend");
        ProcessInstantiationBuilderImpl builder = (ProcessInstantiationBuilderImpl) ProcessInstantiationBuilderImpl
                .createProcessInstanceByKey(null, "resident-request").setVariables(variables);
        EngineCommands.StartSubmission start = EngineCommands.start(new StartProcessInstanceCmd(builder));
        assertThat(start.processDefinitionKey()).isEqualTo("resident-request");
        assertThat(start.variables()).containsEntry("outcome", "toegekend");
        assertThat(EngineCommands.claim(new ClaimTaskCmd("t4", "wm.loenen"))).containsExactly("t4", "wm.loenen");
        assertThat(EngineCommands.assignment(new AssignTaskCmd("t5", null))).containsExactly("t5", null);
        assertThat(EngineCommands.commentTaskId(new AddCommentCmd("t6", null, "x"))).isEqualTo("t6");
    }

    @Test
    void everyFormIsUnderstoodAndItsTextFieldsFitTheEngine() throws Exception {
        List<Path> files;
        try (Stream<Path> list = Files.list(Path.of("forms"))) {
            files = list.filter(p -> p.toString().endsWith(".form")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(5);
        for (Path file : files) {
            FormSchema form = FormSchema.parse(file.toString(), Files.readAllBytes(file));
            List<Field> editable = form.fields().values().stream().filter(Field::editable).toList();
            // Every task asks something of the person, except the front office's receipt, which only shows it.
            if (!file.endsWith("ontvangstbewijs-geven.form")) {
                assertThat(editable).as(file.toString()).isNotEmpty();
            }
            assertThat(editable).as(file + ": every editable field has a type the guard checks")
                    .noneMatch(field -> field.type() == Type.UNKNOWN);
            assertThat(editable).as(file.toString()).allSatisfy(field -> assertThat(field.maxLength()).isLessThanOrEqualTo(4000));
        }
        FormSchema decide = FormSchema.parse("besluit-nemen", Files.readAllBytes(Path.of("forms/besluit-nemen.form")));
        assertThat(decide.fields().get("amountToDecide").editable()).isFalse();
        assertThat(decide.fields().get("outcome").allowedValues())
                .containsExactly("toegekend", "gedeeltelijk-toegekend", "afgewezen", "afgewezen-plafond");
        assertThat(decide.fields().get("outcome").required()).isTrue();
    }
}
