package nl.wijkzaken.residents.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import nl.wijkzaken.casefile.CaseFiles;
import nl.wijkzaken.intake.ResidentRequest;
import nl.wijkzaken.support.ApplicationTest;
import nl.wijkzaken.support.MessageSteps;
import nl.wijkzaken.support.TestMailServer;

@ApplicationTest
class IntakeApiControllerTest {

    @Autowired CaseFiles caseFiles;

    @Autowired ApplicationContext context;
    @Autowired
    TestRestTemplate http;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    RepositoryService repositoryService;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ManagementService managementService;

    static Map<String, Object> validRequest() {
        Map<String, Object> request = new HashMap<>();
        request.put("applicantName", "Fatima el Amrani");
        request.put("applicantEmail", "fatima@example.org");
        request.put("applicantPhone", "06 12345678");
        request.put("neighbourhood", "breukelen");
        request.put("category", "spelen-en-sport");
        request.put("title", "Nieuwe glijbaan speeltuin Kerkweg");
        request.put("description", "De glijbaan is kapot en de kinderen uit de buurt spelen er dagelijks.");
        request.put("amountRequested", 2500.50);
        request.put("urgency", "normaal");
        request.put("carriedOutBy", "bewoners");
        request.put("location", "Kerkweg, Breukelen");
        request.put("postalStreet", "Kerkweg");
        request.put("postalHouseNumber", "12a");
        request.put("postalCode", "3621 AB");
        request.put("postalPlace", "Breukelen");
        return request;
    }

    ResponseEntity<Map> post(Object body, String idempotencyKey) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (idempotencyKey != null) {
            headers.set("Idempotency-Key", idempotencyKey);
        }
        return http.postForEntity("/api/requests", new HttpEntity<>(body, headers), Map.class);
    }

    long storedCases() {
        return jdbc.sql("SELECT COUNT(*) FROM resident_access").query(Long.class).single();
    }

    long runningProcesses() {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey("resident-request").count();
    }

    static String tokenOf(String statusUrl) {
        return statusUrl.substring(statusUrl.lastIndexOf("/status/") + "/status/".length());
    }

    @Test
    void validRequestStartsTheCaseAndAnswersTheCaseNumberAndASecretStatusLink() throws Exception {
        ResponseEntity<Map> response = post(validRequest(), null);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String caseNumber = (String) response.getBody().get("caseNumber");
        String statusUrl = (String) response.getBody().get("statusUrl");
        assertThat(caseNumber).matches("BV-\\d{4}-\\d{6}");
        assertThat(response.getHeaders().getLocation()).hasToString(statusUrl);
        String token = tokenOf(statusUrl);
        assertThat(token).matches("[A-Za-z0-9_-]{43}");

        String storedHash = jdbc.sql("SELECT token_hash FROM resident_access WHERE case_number = ?").param(caseNumber)
                .query(String.class).single();
        assertThat(storedHash).isEqualTo(StatusTokens.hash(token)).doesNotContain(token);

        ProcessInstance instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
                .singleResult();
        assertThat(instance).isNotNull();
        Map<String, Object> variables = runtimeService.getVariables(instance.getId());
        assertThat(variables).containsEntry("category", "spelen-en-sport").containsEntry("urgency", "normaal")
                .containsEntry("amountRequested", 2500.5).containsEntry("channel", "online")
                .containsEntry("neighbourhood", "breukelen").containsEntry("applicantEmail", "fatima@example.org")
                .containsEntry("carriedOutBy", "bewoners");

        // The status page opens with the link, and the acknowledgement carries that link.
        ResponseEntity<String> page = http.getForEntity("/status/" + token, String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody()).contains(caseNumber, "Nieuwe glijbaan speeltuin Kerkweg", "Breukelen");

        // The process's acknowledgement step sends the mail (the mail worker is off in tests: run it here).
        assertThat(TestMailServer.mailsAbout(caseNumber)).isEmpty();
        MessageSteps.run(context, instance.getId());
        MimeMessage mail = TestMailServer.awaitMailsAbout(caseNumber, 1).get(0);
        assertThat(mail.getAllRecipients()[0]).hasToString("fatima@example.org");
        assertThat(mail.getSubject()).isEqualTo("Wij hebben uw verzoek ontvangen (" + caseNumber + ")");
        assertThat(TestMailServer.body(mail)).contains("Beste Fatima el Amrani", statusUrl);
    }

    static Stream<Arguments> invalidFields() {
        return Stream.of(
                Arguments.of("applicantName", "  ", "Vul uw naam in."),
                Arguments.of("applicantEmail", "fatima-at-example", "Vul een geldig e-mailadres in."),
                Arguments.of("applicantPhone", "bel me", "Vul een geldig telefoonnummer in."),
                Arguments.of("onBehalfOfGroup", "x".repeat(201), "De naam van de bewonersgroep mag hoogstens 200 tekens lang zijn."),
                Arguments.of("neighbourhood", "atlantis", RequestValidator.UNKNOWN_NEIGHBOURHOOD),
                Arguments.of("category", "vliegtuigen", RequestValidator.UNKNOWN_CATEGORY),
                Arguments.of("category", null, "Kies een onderwerp."),
                // Awb 4:2: the postal address; Awb 2:8: the channel for decisions with express consent.
                Arguments.of("applicantEmail", "fatima@example", "Vul een geldig e-mailadres in."),
                Arguments.of("postalStreet", null, "Vul uw straat in."),
                Arguments.of("postalHouseNumber", "twaalf", "Vul uw huisnummer in, eventueel met toevoeging, bijvoorbeeld 12, 12a of 12-2."),
                Arguments.of("postalCode", "1234", "Vul een postcode in met 4 cijfers en 2 letters, bijvoorbeeld 3601 AB."),
                Arguments.of("postalCode", "3621 SS", "Vul een postcode in met 4 cijfers en 2 letters, bijvoorbeeld 3601 AB."),
                Arguments.of("postalCode", null, "Vul uw postcode in."),
                Arguments.of("postalPlace", "", "Vul uw woonplaats in."),
                Arguments.of("postalPlace", 3621, "Vul hier tekst in."),
                Arguments.of("decisionChannel", "fax", RequestValidator.UNKNOWN_DECISION_CHANNEL),
                Arguments.of("emailConsent", "ja", RequestValidator.NOT_A_CHOICE),
                Arguments.of("emailConsent", true, "U kiest ontvangst per post. Zet het vinkje bij de toestemming voor e-mail uit, "
                        + "of kies ontvangst per e-mail."),
                Arguments.of("title", "t".repeat(151), "De titel mag hoogstens 150 tekens lang zijn."),
                Arguments.of("description", "", "Beschrijf uw verzoek."),
                Arguments.of("amountRequested", -1, "Het bedrag kan niet negatief zijn."),
                Arguments.of("amountRequested", 250000.01, "Het bedrag kan niet hoger zijn dan 250.000 euro."),
                Arguments.of("amountRequested", "veel", RequestValidator.INVALID_AMOUNT),
                Arguments.of("urgency", "morgen", RequestValidator.UNKNOWN_URGENCY),
                // "Wie voert het uit?" decides the legal route (subsidie or verzoek): required, no default.
                Arguments.of("carriedOutBy", null, "Kies wie het uitvoert: u zelf (bewoner of bewonersgroep) of de gemeente."),
                Arguments.of("carriedOutBy", "buren", RequestValidator.UNKNOWN_CARRIED_OUT_BY),
                Arguments.of("location", "l".repeat(301), "De locatie mag hoogstens 300 tekens lang zijn."),
                // Findings 7: as long as the engine's text variable (4000), and no control characters (NUL: PostgreSQL).
                Arguments.of("description", "d".repeat(4001), "De beschrijving mag hoogstens 4000 tekens lang zijn."),
                Arguments.of("applicantName", "Fatima\u0000", ResidentRequest.CONTROL_CHARACTER),
                Arguments.of("onBehalfOfGroup", "Groep\u0000", ResidentRequest.CONTROL_CHARACTER),
                Arguments.of("neighbourhood", "breukelen\u0000", ResidentRequest.CONTROL_CHARACTER),
                Arguments.of("title", "Glijbaan\u0007", ResidentRequest.CONTROL_CHARACTER),
                Arguments.of("description", "Kapot\u0000", ResidentRequest.CONTROL_CHARACTER),
                Arguments.of("location", "Kerkweg\u001b", ResidentRequest.CONTROL_CHARACTER));
    }

    static String withAmount(String amountAsWritten) throws Exception {
        Map<String, Object> request = validRequest();
        request.put("amountRequested", "AMOUNT");
        return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(request)
                .replace("\"AMOUNT\"", amountAsWritten);
    }

    /** Finding 14: 1e-400 became the double 0.0, a request for € 0. */
    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"1e-400", "0.001", "1e400", "1.005"})
    void amountsThatAreNoEuroAmountAreRefused(String amount) throws Exception {
        long casesBefore = storedCases();

        ResponseEntity<Map> response = post(withAmount(amount), null);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((List<Map<String, String>>) response.getBody().get("errors")).singleElement()
                .satisfies(error -> assertThat(error.get("field")).isEqualTo("amountRequested"));
        assertThat(storedCases()).isEqualTo(casesBefore);
    }

    @Test
    void amountsAreTakenAsWritten() throws Exception {
        ResponseEntity<Map> response = post(withAmount("1.5e3"), null);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    /** Finding 14: {…}{…} and a key given twice were accepted (the first object, the last value). */
    @Test
    void trailingContentAndDuplicateKeysAreMalformed() throws Exception {
        long casesBefore = storedCases();
        String one = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(validRequest());

        ResponseEntity<Map> trailing = post(one + one, null);
        ResponseEntity<Map> duplicate = post(one.replaceFirst("\\{", "{\"title\":\"Iets anders\","), null);

        for (ResponseEntity<Map> response : List.of(trailing, duplicate)) {
            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(response.getBody()).containsEntry("detail", "De inhoud is geen geldige JSON.");
        }
        assertThat(storedCases()).isEqualTo(casesBefore);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("invalidFields")
    void eachInvalidFieldIsNamedInAProblemAndNothingIsStartedOrStored(String field, Object value, String message) {
        long casesBefore = storedCases();
        long processesBefore = runningProcesses();
        Map<String, Object> request = validRequest();
        request.put(field, value);

        ResponseEntity<Map> response = post(request, UUID.randomUUID().toString());

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody()).containsEntry("status", 400);
        assertThat((List<Map<String, String>>) response.getBody().get("errors"))
                .containsExactly(Map.of("field", field, "message", message));
        assertThat(storedCases()).isEqualTo(casesBefore);
        assertThat(runningProcesses()).isEqualTo(processesBefore);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM resident_idempotency").query(Long.class).single())
                .isEqualTo(jdbc.sql("SELECT COUNT(DISTINCT case_number) FROM resident_idempotency").query(Long.class).single());
    }

    @Test
    void emailForDecisionsWithoutConsentOrAddressIsRefusedPerFieldInFormOrder() {
        long casesBefore = storedCases();
        Map<String, Object> request = validRequest();
        request.remove("applicantEmail");
        request.put("decisionChannel", "e-mail");

        ResponseEntity<Map> response = post(request, null);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((List<Map<String, String>>) response.getBody().get("errors")).extracting(e -> e.get("field"))
                .containsExactly("applicantEmail", "emailConsent");
        assertThat(storedCases()).isEqualTo(casesBefore);
    }

    /** Awb 2:8: consent for e-mail, given over the API, is recorded with its time and source, in the case file and as an event. */
    @Test
    void emailWithExpressConsentIsRecordedWithTimeAndSource() {
        Map<String, Object> request = validRequest();
        request.put("decisionChannel", "e-mail");
        request.put("emailConsent", true);
        request.put("postalCode", "3621ab");

        ResponseEntity<Map> response = post(request, null);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String caseNumber = (String) response.getBody().get("caseNumber");
        String instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).singleResult().getId();
        Map<String, Object> variables = runtimeService.getVariables(instance);
        assertThat(variables).containsEntry("decisionChannel", "e-mail").containsEntry("emailConsentSource", "api")
                .containsEntry("postalStreet", "Kerkweg").containsEntry("postalHouseNumber", "12a")
                .containsEntry("postalCode", "3621 AB").containsEntry("postalPlace", "Breukelen");
        assertThat((String) variables.get("emailConsentAt")).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\+0[12]:00");
        var choice = caseFiles.deliveryChoice(caseNumber).orElseThrow();
        assertThat(choice.channel()).isEqualTo("e-mail");
        assertThat(choice.emailConsentSource()).isEqualTo("api");
        assertThat(choice.emailConsentAt()).isNotNull();
        assertThat(choice.addressLine()).isEqualTo("Kerkweg 12a, 3621 AB Breukelen");
        assertThat(caseFiles.events(caseNumber)).anySatisfy(event -> {
            assertThat(event.type()).isEqualTo(nl.wijkzaken.casefile.CaseEventType.DECISION_CHANNEL_CHOSEN);
            assertThat(event.detail()).contains("per e-mail naar fatima@example.org", "artikel 2:8 Awb",
                    "een app of website", "Kerkweg 12a, 3621 AB Breukelen");
        });
    }

    /** Post is the default and needs no e-mail address; without one no mail is prepared and the case runs on. */
    @Test
    void postWithoutAnEmailAddressIsAcceptedAndTheCaseRunsOnWithoutMail() throws Exception {
        Map<String, Object> request = validRequest();
        request.remove("applicantEmail");

        ResponseEntity<Map> response = post(request, null);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String caseNumber = (String) response.getBody().get("caseNumber");
        ProcessInstance instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
                .singleResult();
        assertThat(runtimeService.getVariables(instance.getId())).containsEntry("decisionChannel", "post")
                .containsEntry("emailConsentAt", null).containsEntry("emailConsentSource", null);
        var choice = caseFiles.deliveryChoice(caseNumber).orElseThrow();
        assertThat(choice.channel()).isEqualTo("post");
        assertThat(choice.emailConsentAt()).isNull();

        MessageSteps.run(context, instance.getId());
        assertThat(TestMailServer.mailsAbout(caseNumber)).isEmpty();
        assertThat(caseFiles.events(caseNumber)).anySatisfy(event ->
                assertThat(event.detail()).contains("niet per e-mail verstuurd: de aanvrager gaf geen e-mailadres op"));
        assertThat(context.getBean(org.camunda.bpm.engine.ExternalTaskService.class).createExternalTaskQuery()
                .processInstanceId(instance.getId()).count()).as("the acknowledgement step passed").isZero();
    }

    @Test
    void severalInvalidFieldsAreAllReported() {
        Map<String, Object> request = validRequest();
        request.remove("applicantName");
        request.put("category", "onbekend");

        ResponseEntity<Map> response = post(request, null);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((List<Map<String, String>>) response.getBody().get("errors")).extracting(e -> e.get("field"))
                .containsExactly("applicantName", "category");
    }

    @Test
    void malformedJsonIsABadRequestProblem() {
        long casesBefore = storedCases();

        ResponseEntity<Map> response = post("{\"applicantName\": \"Fatima\", ", null);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody()).containsEntry("detail", "De inhoud is geen geldige JSON.");
        assertThat(storedCases()).isEqualTo(casesBefore);
    }

    @Test
    void aBodyOverTheLimitIsRefusedWith413() {
        long casesBefore = storedCases();
        Map<String, Object> request = validRequest();
        request.put("description", "x".repeat(70 * 1024));

        ResponseEntity<Map> response = post(request, null);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(storedCases()).isEqualTo(casesBefore);
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyReturnsTheSameCaseWithoutStartingAnother() {
        String key = UUID.randomUUID().toString();
        ResponseEntity<Map> first = post(validRequest(), key);
        long processes = runningProcesses();

        ResponseEntity<Map> retry = post(validRequest(), key);

        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(retry.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(retry.getBody()).isEqualTo(first.getBody());
        assertThat(runningProcesses()).isEqualTo(processes);
        assertThat(http.getForEntity(URI_PATH(retry), String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void theSameIdempotencyKeyWithAnotherRequestIsRefused() {
        String key = UUID.randomUUID().toString();
        post(validRequest(), key);
        long processes = runningProcesses();
        Map<String, Object> other = validRequest();
        other.put("title", "Iets heel anders");

        ResponseEntity<Map> response = post(other, key);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(runningProcesses()).isEqualTo(processes);
    }

    @Test
    void aWrongOrMissingTokenLooksExactlyLikeAnUnknownCase() {
        String token = tokenOf((String) post(validRequest(), null).getBody().get("statusUrl"));
        char last = token.charAt(token.length() - 1);
        String wrong = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');

        ResponseEntity<String> wrongToken = http.getForEntity("/status/" + wrong, String.class);
        ResponseEntity<String> garbage = http.getForEntity("/status/BV-2026-000001", String.class);
        ResponseEntity<String> missing = http.getForEntity("/status", String.class);

        assertThat(wrongToken.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(garbage.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(wrongToken.getBody()).isEqualTo(garbage.getBody()).isEqualTo(missing.getBody())
                .contains("Deze pagina bestaat niet");
    }

    @Test
    void whenTheCaseCannotBeStartedTheResidentGetsAProblemAndNothingIsKept() {
        long casesBefore = storedCases();
        repositoryService.suspendProcessDefinitionByKey("resident-request");
        try {
            ResponseEntity<Map> response = post(validRequest(), UUID.randomUUID().toString());

            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
            assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(response.getBody()).containsEntry("title", "Uw verzoek kon nu niet worden verwerkt.");
            assertThat(storedCases()).isEqualTo(casesBefore);
        } finally {
            repositoryService.activateProcessDefinitionByKey("resident-request");
        }
    }

    @Test
    void theOpenApiDescriptionIsPublicAndDescribesTheIntake() {
        ResponseEntity<Map> response = http.getForEntity("/v3/api-docs", Map.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat((Map<String, Object>) response.getBody().get("paths")).containsOnlyKeys("/api/requests");
    }

    private static String URI_PATH(ResponseEntity<Map> response) {
        return "/status/" + tokenOf((String) response.getBody().get("statusUrl"));
    }
}
