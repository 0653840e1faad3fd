package nl.wijkzaken.refusal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.junit.jupiter.api.Test;

/** Which exceptions are unwrapped; the HTTP side is in RefusalResponsesTest and ConflictOfInterestTest. */
class EngineRefusalsTest {

    private final BadUserRequestException refusal = new BadUserRequestException("Dat mag u niet.");

    @Test
    void aRefusalInsideTheEnginesListenerWrappersIsHandedOnItself() {
        ProcessEngineException wrapped = new ProcessEngineException("ENGINE-03051 There was an exception while invoking the TaskListener",
                new ProcessEngineException("outer", refusal));

        assertThatThrownBy(() -> interceptorThrowing(wrapped).execute(context -> null)).isSameAs(refusal);
    }

    @Test
    void aDenialInsideTheWrapperIsHandedOnItself() {
        AuthorizationException denial = new AuthorizationException("Medeondertekenen moet iemand anders doen.");
        ProcessEngineException wrapped = new ProcessEngineException("ENGINE-03051", denial);

        assertThatThrownBy(() -> interceptorThrowing(wrapped).execute(context -> null)).isSameAs(denial);
    }

    @Test
    void everythingElseIsLeftAsItIs() {
        ProcessEngineException plain = new ProcessEngineException("kapot", new IllegalStateException());
        AuthorizationException denied = new AuthorizationException("wm.breukelen", "READ", "Task", "1");
        ProcessEngineException other = new ProcessEngineException("ENGINE-03051", new IllegalArgumentException("x"));

        assertThat(EngineRefusals.refusalIn(plain)).isNull();
        assertThat(EngineRefusals.refusalIn(other)).isNull();
        assertThat(EngineRefusals.refusalIn(refusal)).isNull();
        assertThat(EngineRefusals.refusalIn(denied)).isNull();
        assertThatThrownBy(() -> interceptorThrowing(plain).execute(context -> null)).isSameAs(plain);
        assertThatThrownBy(() -> interceptorThrowing(refusal).execute(context -> null)).isSameAs(refusal);
    }

    private static CommandInterceptor interceptorThrowing(ProcessEngineException exception) {
        CommandInterceptor unwrapping = new EngineRefusals.Unwrapping();
        unwrapping.setNext(new CommandInterceptor() {
            @Override
            public <T> T execute(org.camunda.bpm.engine.impl.interceptor.Command<T> command) {
                throw exception;
            }
        });
        return unwrapping;
    }
}
