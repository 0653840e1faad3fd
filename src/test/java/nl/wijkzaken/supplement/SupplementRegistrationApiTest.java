package nl.wijkzaken.supplement;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import nl.wijkzaken.casefile.CaseEvent;
import nl.wijkzaken.casefile.CaseEventType;
import nl.wijkzaken.casefile.CaseFiles;
import nl.wijkzaken.intake.Category;
import nl.wijkzaken.intake.Urgency;
import nl.wijkzaken.shared.EngineClock;
import nl.wijkzaken.support.ApplicationTest;
import nl.wijkzaken.support.CaseDriver;
import nl.wijkzaken.support.StaffApi;

/**
 * A supplement that came in by post reaches the case over the staff API (issue 16): the wijkmanager of the case's
 * wijk registers it with its date of receipt and a PDF, the case goes back to the completeness check and the dossier
 * lists it; a domain specialist, another wijk's wijkmanager or a file that is no PDF/JPEG/PNG changes nothing.
 */
@ApplicationTest
class SupplementRegistrationApiTest {

    private static final byte[] PDF = "%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort int port;
    @Autowired ApplicationContext context;
    @Autowired RuntimeService runtimeService;
    @Autowired CaseFiles caseFiles;

    private CaseDriver driver;

    @BeforeEach
    void incompleteCaseInBreukelen() {
        driver = new CaseDriver(context);
        driver.submit("breukelen", Category.GROEN_EN_OPENBARE_RUIMTE, "1500", Urgency.NORMAAL);
        driver.complete("CheckCompleteness", "wm.breukelen", Map.of("completeness", "incompleet",
                "completenessMotivation", "Een foto van de plek ontbreekt."));
        driver.runMessages();
        assertThat(waitingAt()).containsExactly("AwaitSupplement");
        driver.tick(Duration.ofDays(2));
    }

    @AfterEach
    void resetClock() {
        CaseDriver.resetClock();
    }

    @Test
    void theWijkmanagerRegistersASupplementReceivedByPostAndTheCaseMovesOn() throws Exception {
        LocalDate receivedOn = EngineClock.today().minusDays(1);
        ResponseEntity<String> reply = multipart("wm.breukelen", form(receivedOn.toString(), "post",
                "Foto van de plek, per post.", "foto-van-de-plek.pdf", MediaType.APPLICATION_PDF_VALUE, PDF));

        assertThat(reply.getStatusCode().value()).as(reply.getBody()).isEqualTo(201);
        JsonNode body = JSON.readTree(reply.getBody());
        assertThat(body.path("channel").asText()).isEqualTo("POST");
        assertThat(body.path("receivedOn").asText()).isEqualTo(receivedOn.toString());
        assertThat(body.path("registeredBy").asText()).isEqualTo("wm.breukelen");
        assertThat(waitingAt()).containsExactly("CheckCompleteness");
        assertThat(runtimeService.getVariable(driver.processInstanceId(), "supplementText")).isEqualTo("Foto van de plek, per post.");
        assertThat(caseFiles.events(driver.caseNumber())).filteredOn(e -> e.type() == CaseEventType.SUPPLEMENT_RECEIVED)
                .singleElement().satisfies(e -> {
                    assertThat(e.actor()).isEqualTo("wm.breukelen");
                    assertThat(e.detail()).startsWith("Ontvangen per post op ").contains("foto-van-de-plek.pdf (PDF, 1 kB)");
                });
        // Awb 4:15 counts to the date of receipt, not to the day of registration.
        assertThat(caseFiles.events(driver.caseNumber())).filteredOn(e -> e.type() == CaseEventType.DEADLINE_RESUMED)
                .singleElement().extracting(CaseEvent::detail).asString()
                .contains("Aanvulling ontvangen op " + nl.wijkzaken.shared.DutchFormat.shortDate(receivedOn));

        StaffApi.Reply list = StaffApi.as("wm.breukelen", port).get(path());
        assertThat(list.status()).isEqualTo(200);
        long attachment = list.json().get(0).path("attachments").get(0).path("id").asLong();
        ResponseEntity<byte[]> file = client("wm.breukelen").get().uri(path() + "/attachments/" + attachment)
                .retrieve().toEntity(byte[].class);
        assertThat(file.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        assertThat(file.getBody()).isEqualTo(PDF);
        assertThat(StaffApi.as("auditor", port).get(path()).status()).isEqualTo(200);
        assertThat(StaffApi.as("adv.fysiek", port).get(path()).status()).isEqualTo(403);
    }

    @Test
    void aSpecialistOrAnotherWijksWijkmanagerGets403AndNothingChanges() throws Exception {
        for (String user : new String[] {"adv.fysiek", "wm.loenen"}) {
            ResponseEntity<String> reply = multipart(user, form(EngineClock.today().toString(), "post", "Foto.",
                    "foto.pdf", MediaType.APPLICATION_PDF_VALUE, PDF));
            assertThat(reply.getStatusCode().value()).as(user).isEqualTo(403);
            assertThat(reply.getHeaders().getContentType().toString()).startsWith("application/problem+json");
            assertThat(JSON.readTree(reply.getBody()).path("detail").asText()).contains("U mag voor deze zaak geen aanvulling registreren");
        }
        assertThat(waitingAt()).containsExactly("AwaitSupplement");
        assertThat(caseFiles.events(driver.caseNumber())).noneMatch(e -> e.type() == CaseEventType.SUPPLEMENT_RECEIVED);
        assertThat(StaffApi.as("wm.breukelen", port).get(path()).json()).isEmpty();
        // Nor through the engine: correlating the message directly stays refused.
        StaffApi.Reply engine = StaffApi.as("wm.breukelen", port).post("/engine-rest/message",
                Map.of("messageName", "aanvulling-ontvangen", "businessKey", driver.caseNumber()));
        assertThat(engine.status()).isEqualTo(403);
        assertThat(waitingAt()).containsExactly("AwaitSupplement");
    }

    @Test
    void aFileThatIsNoPdfJpegOrPngADateInTheFutureOrNoTextIsRefusedInDutchAndNothingIsStored() throws Exception {
        ResponseEntity<String> fake = multipart("wm.breukelen", form(EngineClock.today().toString(), "post", "Foto.",
                "foto.pdf", MediaType.APPLICATION_PDF_VALUE, "MZ dit is geen pdf".getBytes(StandardCharsets.US_ASCII)));
        assertThat(fake.getStatusCode().value()).isEqualTo(400);
        assertThat(JSON.readTree(fake.getBody()).path("detail").asText()).contains("Alleen PDF-, JPEG- en PNG-bestanden");

        ResponseEntity<String> disguised = multipart("wm.breukelen", form(EngineClock.today().toString(), "balie", "Foto.",
                "foto.png", MediaType.IMAGE_PNG_VALUE, PDF));
        assertThat(disguised.getStatusCode().value()).isEqualTo(400);
        assertThat(JSON.readTree(disguised.getBody()).path("detail").asText()).contains("is een PDF-bestand, maar werd verstuurd als image/png");

        StaffApi.Reply future = StaffApi.as("wm.breukelen", port).post(path(),
                Map.of("receivedOn", EngineClock.today().plusDays(1).toString(), "channel", "e-mail", "text", ""));
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.json().path("errors").path("receivedOn").asText()).isEqualTo("De datum van ontvangst kan niet in de toekomst liggen.");
        assertThat(future.json().path("errors").path("text").asText()).isEqualTo("Vul de tekst van de aanvulling in.");

        assertThat(waitingAt()).containsExactly("AwaitSupplement");
        assertThat(caseFiles.events(driver.caseNumber())).noneMatch(e -> e.type() == CaseEventType.SUPPLEMENT_RECEIVED);
        assertThat(StaffApi.as("wm.breukelen", port).get(path()).json()).isEmpty();
    }

    /** The Tasklist way: the start form of "Aanvulling registreren", submitted as Tasklist does (submit-form). */
    @Test
    void throughTheTasklistStartFormAanvullingRegistrerenTheWijkmanagerMayAndASpecialistMayNot() {
        Map<String, Object> form = StaffApi.variables("caseNumber", driver.caseNumber(),
                "receivedOn", EngineClock.today().minusDays(1).toString(), "channel", "balie",
                "supplementText", "Tekening van de plek, afgegeven aan de balie.");
        String submit = "/engine-rest/process-definition/key/supplement-registration/submit-form";

        // A specialist has no start right on the process (role-authorizations.yml): for him it does not exist.
        StaffApi.Reply refused = StaffApi.as("adv.fysiek", port).post(submit, form);
        assertThat(refused.status()).isEqualTo(404);
        assertThat(waitingAt()).containsExactly("AwaitSupplement");

        StaffApi.Reply otherWijk = StaffApi.as("wm.loenen", port).post(submit, form);
        assertThat(otherWijk.status()).isEqualTo(403);
        assertThat(otherWijk.message()).contains("U mag voor deze zaak geen aanvulling registreren");
        assertThat(waitingAt()).containsExactly("AwaitSupplement");
        assertThat(caseFiles.events(driver.caseNumber())).noneMatch(e -> e.type() == CaseEventType.SUPPLEMENT_RECEIVED);

        StaffApi.Reply registered = StaffApi.as("wm.breukelen", port).post(submit, form);
        assertThat(registered.status()).as(registered.body()).isEqualTo(200);
        assertThat(waitingAt()).containsExactly("CheckCompleteness");
        assertThat(caseFiles.events(driver.caseNumber())).filteredOn(e -> e.type() == CaseEventType.SUPPLEMENT_RECEIVED)
                .singleElement().satisfies(e -> assertThat(e.detail()).startsWith("Ontvangen aan de balie op "));
    }

    private java.util.List<String> waitingAt() {
        return runtimeService.getActiveActivityIds(driver.processInstanceId());
    }

    private String path() {
        return "/api/cases/" + driver.caseNumber() + "/supplements";
    }

    private MultiValueMap<String, Object> form(String receivedOn, String channel, String text, String fileName, String type, byte[] content) {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("receivedOn", receivedOn);
        form.add("channel", channel);
        form.add("text", text);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType(type));
        form.add("attachments", new HttpEntity<>(new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return fileName;
            }
        }, headers));
        return form;
    }

    private ResponseEntity<String> multipart(String user, MultiValueMap<String, Object> form) {
        return client(user).post().uri(path()).contentType(MediaType.MULTIPART_FORM_DATA).body(form).retrieve().toEntity(String.class);
    }

    private RestClient client(String user) {
        return RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(status -> true, (request, response) -> { })
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + StaffApi.PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .build();
    }
}
