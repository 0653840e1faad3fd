package nl.wijkzaken.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;

import nl.wijkzaken.support.ApplicationTest;

@ApplicationTest
class ModelDeploymentControllerTest {

    @Autowired
    TestRestTemplate http;

    @Test
    void theLogSaysWhoDeployedWhichFilesAsWhichVersion() {
        // A decision table: a new process key is not something a process owner may deploy (DeploymentPolicy).
        String model = """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="governance-%d"
                             xmlns:camunda="http://camunda.org/schema/1.0/dmn" name="Governance" namespace="test">
                  <decision id="governance-probe" name="Governanceproef" camunda:historyTimeToLive="P1D">
                    <variable id="probe-result" name="probe" typeRef="string"/>
                    <literalExpression id="probe"><text>"ok"</text></literalExpression>
                  </decision>
                </definitions>
                """.formatted(System.nanoTime());
        LinkedMultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        body.add("deployment-name", "governance");
        body.add("governance-probe.dmn", new ByteArrayResource(model.getBytes()) {
            @Override
            public String getFilename() {
                return "governance-probe.dmn";
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        assertThat(http.withBasicAuth("procesbeheerder", "demo").postForEntity("/engine-rest/deployment/create",
                new HttpEntity<>(body, headers), String.class).getStatusCode()).isEqualTo(HttpStatus.OK);

        List<Map<String, Object>> log = http.withBasicAuth("auditor", "demo")
                .getForObject("/api/model-deployments", List.class);

        Map<String, Object> newest = log.get(0);
        assertThat(newest.get("deployedBy")).isEqualTo("procesbeheerder");
        assertThat((List<String>) newest.get("files")).containsExactly("governance-probe.dmn");
        assertThat((List<Map<String, Object>>) newest.get("models")).singleElement()
                .satisfies(m -> assertThat(m).containsEntry("key", "governance-probe").containsKey("version"));
        assertThat(log).anySatisfy(d -> {
            assertThat(d.get("deployedBy")).isEqualTo(ModelDeployments.AT_START_UP);
            assertThat((List<String>) d.get("files")).anyMatch(f -> f.endsWith("case-owner.dmn"));
            assertThat((List<Map<String, Object>>) d.get("models")).anySatisfy(m -> assertThat(m)
                    .containsEntry("type", "FORM").containsEntry("key", "besluit-nemen").containsKey("version"));
        });
    }

    @Test
    void staffWithoutAGovernanceRoleAreRefused() {
        assertThat(http.withBasicAuth("wm.breukelen", "demo").getForEntity("/api/model-deployments", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }
}
