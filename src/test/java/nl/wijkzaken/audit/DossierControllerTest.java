package nl.wijkzaken.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import nl.wijkzaken.support.ApplicationTest;
import nl.wijkzaken.support.CaseDriver;

/**
 * The dossier over HTTP, on a small case that routes by the real case-owner table: who it was for, who did
 * it, which rule decided, and who may read it.
 */
@ApplicationTest
class DossierControllerTest {

    private static final String ROUTED_CASE = """
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                         xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="test">
              <process id="dossier-probe" name="Dossierproef" isExecutable="true" camunda:historyTimeToLive="P1D">
                <startEvent id="start"/>
                <sequenceFlow id="f1" sourceRef="start" targetRef="owner"/>
                <businessRuleTask id="owner" name="Eigenaar bepalen" camunda:decisionRef="case-owner"
                                  camunda:resultVariable="owner" camunda:mapDecisionResult="singleResult"/>
                <sequenceFlow id="f2" sourceRef="owner" targetRef="check"/>
                <userTask id="check" name="Volledigheid beoordelen" camunda:candidateGroups="${owner.ownerGroup}"
                          camunda:formRef="volledigheid-beoordelen" camunda:formRefBinding="deployment"/>
                <sequenceFlow id="f3" sourceRef="check" targetRef="end"/>
                <endEvent id="end"/>
              </process>
            </definitions>
            """;

    @Autowired
    TestRestTemplate http;

    @Autowired
    RepositoryService repositoryService;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    TaskService taskService;

    @Autowired
    IdentityService identityService;

    @Autowired
    ApplicationContext context;

    @Autowired
    CaseDossiers dossiers;

    @Autowired
    StaffNames staffNames;

    private String caseNumber;

    @BeforeEach
    void aCaseInBreukelenCompletedByItsWijkmanager() {
        if (repositoryService.createProcessDefinitionQuery().processDefinitionKey("dossier-probe").count() == 0) {
            repositoryService.createDeployment().addString("dossier-probe.bpmn", ROUTED_CASE)
                    .addClasspathResource("forms/volledigheid-beoordelen.form").deploy();
        }
        caseNumber = "BV-TEST-" + System.nanoTime();
        runtimeService.startProcessInstanceByKey("dossier-probe", caseNumber,
                Map.of("neighbourhood", "breukelen", "title", "Bankje bij de speeltuin"));
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(caseNumber).singleResult();
        identityService.setAuthentication("wm.breukelen", List.of("wijkmanager-breukelen"));
        try {
            taskService.claim(task.getId(), "wm.breukelen");
            // A person sends only the fields of the task's form (security.FormGuard).
            taskService.complete(task.getId(), Map.of("completeness", "compleet", "completenessMotivation", "Compleet."));
        } finally {
            identityService.clearAuthentication();
        }
    }

    @Test
    void theAuditorSeesWhoDidWhatAndWhichRuleDecided() {
        ResponseEntity<Map> response = http.withBasicAuth("auditor", "demo")
                .getForEntity("/api/dossiers/" + caseNumber, Map.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        List<Map<String, Object>> timeline = (List<Map<String, Object>>) response.getBody().get("timeline");
        assertThat(timeline).extracting(e -> e.get("kind")).containsSubsequence(
                "CASE_STARTED", "DECISION", "TASK_CREATED", "TASK_ASSIGNED", "TASK_COMPLETED", "CASE_ENDED");
        Map<String, Object> decision = timeline.stream().filter(e -> "DECISION".equals(e.get("kind"))).findFirst().orElseThrow();
        // The summary says the rule in words; the JSON export keeps the rule id for whoever checks the table.
        assertThat(decision.get("summary").toString()).contains("Zaakeigenaar per wijk", "Wijk: breukelen")
                .doesNotContain("owner-breukelen");
        assertThat(decision.get("details").toString()).contains("owner-breukelen", "wijkmanager-breukelen");
        assertThat(timeline).anySatisfy(e -> {
            assertThat(e.get("kind")).isEqualTo("TASK_CREATED");
            assertThat(e.get("summary").toString()).contains("Volledigheid beoordelen", "wijkmanager-breukelen");
        });
        assertThat(timeline).anySatisfy(e -> {
            assertThat(e.get("kind")).isEqualTo("TASK_COMPLETED");
            assertThat(e.get("actor")).isEqualTo("wm.breukelen");
        });
        assertThat(timeline).anySatisfy(e -> {
            assertThat(e.get("kind")).isEqualTo("VARIABLE_CHANGED");
            assertThat(e.get("summary").toString()).contains("complete", "Volledigheid beoordelen");
        });
        assertThat((List<Map<String, Object>>) response.getBody().get("models"))
                .extracting(m -> m.get("key")).contains("dossier-probe", "case-owner");
    }

    @Test
    void theTimelineExportsAsCsv() {
        ResponseEntity<String> csv = http.withBasicAuth("auditor", "demo")
                .getForEntity("/api/dossiers/" + caseNumber + "/timeline.csv", String.class);

        assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
        // Dutch columns and kinds, people by name, no engine ids or rule ids.
        assertThat(csv.getBody()).startsWith("Tijdstip (Nederlandse tijd);Soort;Wie;Omschrijving;Gegevens")
                .contains("\"Beslistabel\"", "\"Bram Breukels\"")
                .doesNotContain("wm.breukelen", "owner-breukelen", "taskId", "DECISION");
    }

    @Test
    void thePdfHoldsTheCaseNumberAndEveryTimelineEntry() throws Exception {
        ResponseEntity<byte[]> pdf = http.withBasicAuth("auditor", "demo")
                .getForEntity("/api/dossiers/" + caseNumber + "/dossier.pdf", byte[].class);
        ResponseEntity<Map> json = http.withBasicAuth("auditor", "demo")
                .getForEntity("/api/dossiers/" + caseNumber, Map.class);

        assertThat(pdf.getStatusCode()).isEqualTo(HttpStatus.OK);
        String text;
        try (PDDocument document = Loader.loadPDF(pdf.getBody())) {
            text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
        assertThat(text).contains("Besluitverslag zaak " + caseNumber);
        StaffNames.Names names = staffNames.forDossier(dossiers.find(caseNumber).orElseThrow());
        List<Map<String, Object>> timeline = (List<Map<String, Object>>) json.getBody().get("timeline");
        assertThat(timeline).isNotEmpty().allSatisfy(entry -> assertThat(text)
                .contains(DossierView.namesIn(entry.get("summary").toString(), names).replaceAll("\\s+", " ")));
    }

    @Test
    void thePdfOfTheLifecycleHoldsTheSummaryAndEveryTimelineEntry() throws Exception {
        String lifecycle;
        try {
            lifecycle = new CaseDriver(context).fullLifecycle().caseNumber();
        } finally {
            CaseDriver.resetClock();
        }
        ResponseEntity<byte[]> pdf = http.withBasicAuth("auditor", "demo")
                .getForEntity("/api/dossiers/" + lifecycle + "/dossier.pdf", byte[].class);
        CaseDossier dossier = dossiers.find(lifecycle).orElseThrow();

        assertThat(pdf.getHeaders().getContentDisposition().getFilename()).isEqualTo("dossier-" + lifecycle + ".pdf");
        // To look at (pdftoppm turns it into pictures): the layout is not asserted, the text is.
        Files.write(Path.of("target", "dossier-lifecycle.pdf"), pdf.getBody());
        String text;
        try (PDDocument document = Loader.loadPDF(pdf.getBody())) {
            assertThat(document.getNumberOfPages()).isGreaterThan(1);
            text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
        // Page 1 is the decision record: what was asked, decided and why, by whom by name; the timeline follows.
        String firstPage;
        try (PDDocument document = Loader.loadPDF(pdf.getBody())) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(1);
            stripper.setEndPage(1);
            firstPage = stripper.getText(document).replaceAll("\\s+", " ");
        }
        assertThat(firstPage).contains("Besluitverslag zaak " + lifecycle,
                "Wat werd gevraagd, wat werd besloten en waarom", "Waarom (motivering)",
                "Besloten door: Gert Gebied (Gebiedsmanagers, rol gebiedsmanager)",
                "Medeondertekend door: Wilma Wethouder (Wethouders, rol wethouder)", "binnen de beslistermijn")
                .doesNotContain("Tijdlijn", "]", "decidingGroup", "gebiedsmanager,", "wm.breukelen");
        // The mandate rule in words and the deadline's history close the record; the appendix follows.
        String record = text.substring(0, text.indexOf("Bijlage"));
        assertThat(record).contains("besluit door: Gebiedsmanagers", "Opgeschort", "Hervat").doesNotContain("decidingGroup");
        // What the grant states (Awb 4:29-4:41, 4:95), the written change of the application included (LEGAL.md 3).
        assertThat(record).contains("Inhoud van de subsidieverlening", "Subsidie verleend: € 11.000,00",
                "Voorschot 80 % (€ 8.800,00, artikel 4:95 Awb)", "Aanvraag schriftelijk gewijzigd op 23 november 2026",
                "Verplichtingen: U voert de activiteit uit");
        StaffNames.Names names = staffNames.forDossier(dossier);
        assertThat(dossier.timeline()).hasSizeGreaterThan(100).allSatisfy(entry ->
                assertThat(text).contains(DossierView.namesIn(entry.summary(), names).replaceAll("\\s+", " ")));
    }

    @Test
    void onlyAuditorsAndAdministratorsMayReadADossier() {
        assertThat(http.withBasicAuth("demo", "demo").getForEntity("/api/dossiers/" + caseNumber, String.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        for (String user : List.of("wm.breukelen", "balie", "adv.fysiek", "gebiedsmanager", "wethouder", "procesbeheerder")) {
            assertThat(http.withBasicAuth(user, "demo").getForEntity("/api/dossiers/" + caseNumber, String.class)
                    .getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(http.getForEntity("/api/dossiers/" + caseNumber, String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        ResponseEntity<String> refused = http.withBasicAuth("wm.breukelen", "demo")
                .getForEntity("/api/dossiers/" + caseNumber + "/dossier.pdf", String.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(refused.getHeaders().getContentType().toString()).contains("application/problem+json");
        assertThat(refused.getBody()).contains("Geen toegang");
    }

    @Test
    void anUnknownCaseIsAProblemNotFound() {
        ResponseEntity<String> response = http.withBasicAuth("auditor", "demo")
                .getForEntity("/api/dossiers/BV-1999-000001", String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(response.getHeaders().getContentType().toString()).contains("application/problem+json");
        assertThat(response.getBody()).contains("BV-1999-000001");
    }
}
