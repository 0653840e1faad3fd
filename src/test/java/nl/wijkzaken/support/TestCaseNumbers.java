package nl.wijkzaken.support;

import java.time.Year;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * TEST ONLY: assigns case numbers in the resident-request test fixture (test-fixtures/resident-request-fixture.bpmn),
 * the way the lifecycle's process does: BV-&lt;year&gt;-&lt;6 digits&gt;.
 */
@Component("testCaseNumbers")
public class TestCaseNumbers {

    private final AtomicInteger counter = new AtomicInteger();

    public void assign(DelegateExecution execution) {
        execution.setProcessBusinessKey(String.format("BV-%d-%06d", Year.now().getValue(), counter.incrementAndGet()));
    }
}
