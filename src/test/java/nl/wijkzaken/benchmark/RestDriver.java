package nl.wijkzaken.benchmark;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The engine's REST API over HTTP as Tasklist-like clients use it, each request authenticated with HTTP Basic as the
 * step's user: {@code POST /process-definition/key/{key}/submit-form} (the start form, as {@code balie}),
 * {@code GET /task?processInstanceBusinessKey=…&taskDefinitionKey=…}, {@code POST /task/{id}/claim},
 * {@code POST /task/{id}/submit-form}.
 */
final class RestDriver implements CaseDriver {

    private static final String JSON = "application/json";
    private final Http http;

    RestDriver(Http http) {
        this.http = http;
    }

    @Override
    public String name() {
        return "REST";
    }

    @Override
    public StartedCase start(CaseScript script) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("variables", Http.typed(script.startVariables()));
        if (script.businessKey() != null) {
            body.put("businessKey", script.businessKey());
        }
        String path = "/engine-rest/process-definition/key/" + script.processKey() + "/submit-form";
        JsonNode instance = http.ok(http.post(path, "balie", body, JSON, Map.of()), path).json();
        return new StartedCase(instance.get("id").asText(), instance.get("businessKey").asText());
    }

    @Override
    public void work(StartedCase started, CaseScript.Step step, Latencies latencies) throws Exception {
        String query = "/engine-rest/task?processInstanceBusinessKey=" + Http.encode(started.businessKey())
                + "&taskDefinitionKey=" + Http.encode(step.taskKey())
                + (step.candidateGroup() == null ? "" : "&candidateGroup=" + Http.encode(step.candidateGroup()));
        JsonNode found = latencies.time("find", () -> http.ok(http.get(query, step.user(), JSON), query).json());
        if (found.size() != 1) {
            throw new IllegalStateException(step.user() + " finds " + found.size() + " tasks " + step.taskKey()
                    + " of " + started.businessKey());
        }
        JsonNode task = found.get(0);
        String id = task.get("id").asText();
        if (task.get("assignee") == null || task.get("assignee").isNull()) {
            String claim = "/engine-rest/task/" + id + "/claim";
            latencies.time("claim", () -> http.ok(http.post(claim, step.user(), Map.of("userId", step.user()), JSON,
                    Map.of()), claim));
        }
        String submit = "/engine-rest/task/" + id + "/submit-form";
        latencies.time("complete", () -> http.ok(http.post(submit, step.user(),
                Map.of("variables", Http.typed(step.variables())), JSON, Map.of()), submit));
    }

    @Override
    public boolean isConflict(Exception e) {
        return e instanceof Http.StatusException s && s.body.contains("OptimisticLockingException");
    }
}
