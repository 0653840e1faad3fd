package nl.wijkzaken.support;

import org.camunda.bpm.engine.RepositoryService;

/**
 * TEST ONLY: makes sure a {@code resident-request} process exists. Deploys the small fixture only where the real
 * process (from processes/) is not deployed, so the residents' tests keep working unchanged once it is.
 */
public final class ResidentRequestFixture {

    private ResidentRequestFixture() {
    }

    public static synchronized void deployIfAbsent(RepositoryService repositoryService) {
        if (repositoryService.createProcessDefinitionQuery().processDefinitionKey("resident-request").count() == 0) {
            repositoryService.createDeployment().name("resident-request test fixture")
                    .addClasspathResource("test-fixtures/resident-request-fixture.bpmn")
                    .deploy();
        }
    }
}
