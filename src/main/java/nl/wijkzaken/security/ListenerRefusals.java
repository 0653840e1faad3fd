package nl.wijkzaken.security;

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
 * A rule checked in a task listener refuses with a Dutch message: an {@link AuthorizationException} when the person
 * may not do it (e.g. "nobody decides on a case they advised on"), a {@link BadUserRequestException} when the request
 * is wrong. The engine wraps every listener exception in a plain {@link ProcessEngineException} ("ENGINE-03051 There
 * was an exception while invoking the TaskListener..."), which the REST API and Tasklist report as a 500 server
 * error. This outermost command interceptor hands the refusal itself to the caller instead (after the command rolled
 * back): REST answers 403 or 400 with just the Dutch message, and Tasklist shows it.
 */
@Component
class ListenerRefusals extends AbstractProcessEnginePlugin {

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
