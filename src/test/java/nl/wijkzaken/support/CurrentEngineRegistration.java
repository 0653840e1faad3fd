package nl.wijkzaken.support;

import java.lang.reflect.Method;

import jakarta.servlet.ServletContextEvent;

import org.apache.catalina.Container;
import org.apache.catalina.core.ApplicationFilterConfig;
import org.apache.catalina.core.StandardContext;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.camunda.bpm.admin.Admin;
import org.camunda.bpm.admin.impl.web.bootstrap.AdminContainerBootstrap;
import org.camunda.bpm.cockpit.Cockpit;
import org.camunda.bpm.cockpit.impl.web.bootstrap.CockpitContainerBootstrap;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.spring.boot.starter.webapp.filter.LazyDelegateFilter;
import org.camunda.bpm.spring.boot.starter.webapp.filter.LazyInitRegistration;
import org.camunda.bpm.tasklist.Tasklist;
import org.camunda.bpm.tasklist.impl.web.bootstrap.TasklistContainerBootstrap;
import org.camunda.bpm.welcome.impl.web.bootstrap.WelcomeContainerBootstrap;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * The engine REST API and the webapps find "the" engine in a static, name-keyed registry. When Spring's
 * test context cache closes one context after building another, the closing engine unregisters the name
 * that the new engine just took. Before each test, this puts the current context's engine back.
 * <p>
 * The webapps (Tasklist, Cockpit) keep JVM-wide state too: their runtime delegates, which the old context's
 * Tomcat clears when it stops, and their filters, which a new Tomcat initialises with the Spring context that is
 * current JVM-wide at that moment (still the old one). Either way Tasklist answers 500 afterwards. So the first
 * test of each context sets the delegates again and binds the webapp filters to its own context.
 */
public class CurrentEngineRegistration implements TestExecutionListener, Ordered {

    private static ApplicationContext webappsBoundTo;
    private static volatile ApplicationContext current;

    /** The application context of the running test (for drivers that are given only engine services). */
    public static ApplicationContext current() {
        return current;
    }

    @Override
    public void beforeTestMethod(TestContext testContext) {
        if (!testContext.hasApplicationContext()) {
            return;
        }
        ApplicationContext context = testContext.getApplicationContext();
        current = context;
        context.getBeanProvider(ProcessEngine.class).ifAvailable(ProcessEngines::registerProcessEngine);
        if (context != webappsBoundTo || webappsTornDown()) {
            bindWebapps(context);
            webappsBoundTo = context;
        }
    }

    /**
     * An application started and stopped in between by a test of its own (BenchmarkSmokeTest, the restart and
     * PostgreSQL start-up tests) tears the webapps' JVM-wide delegates down while this context stays cached.
     */
    private static boolean webappsTornDown() {
        return Admin.getRuntimeDelegate() == null || Cockpit.getRuntimeDelegate() == null
                || Tasklist.getRuntimeDelegate() == null;
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void bindWebapps(ApplicationContext context) {
        if (!(context instanceof ServletWebServerApplicationContext web) || !(web.getWebServer() instanceof TomcatWebServer tomcat)) {
            return;
        }
        LazyDelegateFilter.InitHook hook = context.getBeanProvider(LazyDelegateFilter.InitHook.class).getIfUnique();
        LazyInitRegistration registration = context.getBeanProvider(LazyInitRegistration.class).getIfUnique();
        if (hook == null || registration == null) {
            return;
        }
        registration.setApplicationContext(context);
        ServletContextEvent started = new ServletContextEvent(web.getServletContext());
        new CockpitContainerBootstrap().contextInitialized(started);
        new AdminContainerBootstrap().contextInitialized(started);
        new TasklistContainerBootstrap().contextInitialized(started);
        new WelcomeContainerBootstrap().contextInitialized(started);
        try {
            Method getFilter = ApplicationFilterConfig.class.getDeclaredMethod("getFilter");
            getFilter.setAccessible(true);
            for (Container child : tomcat.getTomcat().getHost().findChildren()) {
                StandardContext servletContext = (StandardContext) child;
                for (FilterDef definition : servletContext.findFilterDefs()) {
                    Object config = servletContext.findFilterConfig(definition.getFilterName());
                    if (config != null && getFilter.invoke(config) instanceof LazyDelegateFilter lazy) {
                        lazy.setInitHook(hook);
                        lazy.lazyInit();
                    }
                }
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Could not bind the Camunda webapps to the test's context", e);
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
