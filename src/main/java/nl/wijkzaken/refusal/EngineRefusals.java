package nl.wijkzaken.refusal;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * Where a refusal is unwrapped from the engine, once. A rule checked in a task listener, a delegate or a command
 * interceptor refuses with a {@link Refusal} (or the engine's own {@link AuthorizationException} /
 * {@link BadUserRequestException}). The engine wraps every listener exception in a plain
 * {@link ProcessEngineException} ("ENGINE-03051 There was an exception while invoking the TaskListener..."). This
 * outermost command interceptor hands the refusal itself to the caller instead (after the command rolled back): Java
 * callers catch the Refusal, and {@link RefusalResponses} answers REST and Tasklist with just the Dutch message.
 */
@Component
class EngineRefusals extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<CommandInterceptor> interceptors = configuration.getCustomPreCommandInterceptorsTxRequired() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
        interceptors.add(0, new Unwrapping());
        configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
    }

    /** The refusal inside plain engine wrappers, or null when the exception is something else. */
    static ProcessEngineException refusalIn(ProcessEngineException exception) {
        Throwable current = exception;
        while (current != null && current.getClass() == ProcessEngineException.class) {
            current = current.getCause();
        }
        boolean refusal = current instanceof AuthorizationException || current instanceof BadUserRequestException;
        return current != exception && refusal ? (ProcessEngineException) current : null;
    }

    static final class Unwrapping extends CommandInterceptor {

        @Override
        public <T> T execute(Command<T> command) {
            try {
                return next.execute(command);
            } catch (ProcessEngineException e) {
                ProcessEngineException refusal = refusalIn(e);
                throw refusal == null ? e : refusal;
            }
        }
    }
}
