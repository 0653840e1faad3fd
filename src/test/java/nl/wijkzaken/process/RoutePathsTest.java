package nl.wijkzaken.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import nl.wijkzaken.casefile.CaseEvent;
import nl.wijkzaken.casefile.CaseEventType;
import nl.wijkzaken.casefile.CaseFiles;
import nl.wijkzaken.casefile.Route;
import nl.wijkzaken.intake.CarriedOutBy;
import nl.wijkzaken.intake.Category;
import nl.wijkzaken.intake.RegisteredRequest;
import nl.wijkzaken.intake.Urgency;
import nl.wijkzaken.models.ResidentRequestProcess.Tasks;
import nl.wijkzaken.models.ResidentRequestProcess.Variables;
import nl.wijkzaken.refusal.Refusal;

/**
 * The legal route on a bare engine (LEGAL.md 1): "Wie voert het uit?" and the table request-route decide it at
 * registration, the case file records it, the terms follow it, and the owner corrects it at the completeness check
 * with a reason that lands in the case history.
 */
@org.camunda.bpm.engine.test.Deployment(resources = {
        "processes/resident-request.bpmn", "processes/grant-obligations.dmn", "processes/grant-advance.dmn", "forms/verzoek-beantwoorden.form",
        "processes/advice-assignment.dmn", "processes/advice-domains.dmn", "processes/case-owner.dmn",
        "processes/decision-mandate.dmn", "processes/deliberation-needed.dmn", "processes/terms.dmn", "processes/request-route.dmn",
        "processes/triage.dmn",
        "forms/resident-request-start.form", "forms/volledigheid-beoordelen.form", "forms/snel-afhandelen.form",
        "forms/advies-geven.form", "forms/gezamenlijk-overleg.form", "forms/besluit-nemen.form",
        "forms/besluit-medeondertekenen.form", "forms/beslistermijn-nadert.form", "forms/beslistermijn-verstreken.form"})
class RoutePathsTest {

    @RegisterExtension
    static ProcessEngineExtension extension = BareEngine.extension();

    private final BareEngine bare = BareEngine.get();
    private final CaseFiles caseFiles = bare.caseFiles;
    private final RuntimeService runtimeService = bare.engine.getRuntimeService();
    private final TaskService taskService = bare.engine.getTaskService();

    @BeforeEach
    void init() {
        BpmnAwareTests.init(bare.engine);
        bare.neighbourhoodWithBudget("breukelen", "Breukelen", "50000");
    }

    @AfterEach
    void reset() {
        BpmnAwareTests.reset();
    }

    @Test
    void residentsWhoOrganiseAStreetPartyAskASubsidyWithATermSetByTheRegulation() {
        RegisteredRequest request = submit(Category.EVENEMENT_OF_ACTIVITEIT, CarriedOutBy.BEWONERS);

        assertThat(caseFiles.route(request.caseNumber())).contains(Route.SUBSIDIE);
        assertThat(variable(request, Variables.CARRIED_OUT_BY)).isEqualTo("bewoners");
        assertThat(variable(request, "routeLabel")).isEqualTo("Subsidie uit het buurtbudget");
        assertThat(caseFiles.deadline(request.caseNumber()).orElseThrow().termKind()).isEqualTo("regeling");
    }

    @Test
    void askingTheMunicipalityToActIsAVerzoekWithTheReasonableTermAsServiceNorm() {
        RegisteredRequest request = submit(Category.EVENEMENT_OF_ACTIVITEIT, CarriedOutBy.GEMEENTE);

        assertThat(caseFiles.route(request.caseNumber())).contains(Route.VERZOEK);
        assertThat(variable(request, Variables.ROUTE_REASON)).isEqualTo("De gemeente wordt gevraagd het uit te voeren");
        assertThat(caseFiles.deadline(request.caseNumber()).orElseThrow().termKind()).isEqualTo("redelijke-termijn");
    }

    @Test
    void theOwnerCorrectsTheRouteWithAReasonAndTheCaseHistoryShowsBeforeAfterWhyAndWho() {
        RegisteredRequest request = submit(Category.GROEN_EN_OPENBARE_RUIMTE, CarriedOutBy.BEWONERS);
        assertThat(caseFiles.route(request.caseNumber())).contains(Route.SUBSIDIE);

        check(request, Map.of("completeness", "compleet", "completenessMotivation", "Compleet.",
                "routeCorrection", "verzoek", "routeCorrectionReason",
                "De bewoners vragen de gemeente de boom te planten; zij doen het niet zelf."));

        assertThat(variable(request, Variables.ROUTE)).isEqualTo("verzoek");
        assertThat(variable(request, Variables.ROUTE_REASON))
                .isEqualTo("De bewoners vragen de gemeente de boom te planten; zij doen het niet zelf.");
        assertThat(caseFiles.route(request.caseNumber())).contains(Route.VERZOEK);
        CaseEvent changed = caseFiles.events(request.caseNumber()).stream()
                .filter(event -> event.type() == CaseEventType.ROUTE_CHANGED).findFirst().orElseThrow();
        assertThat(changed.detail()).isEqualTo("Soort verzoek gewijzigd van ‘Subsidie uit het buurtbudget’ naar "
                + "‘Verzoek aan de gemeente’ bij de beoordeling van de volledigheid. Reden: De bewoners vragen de "
                + "gemeente de boom te planten; zij doen het niet zelf.");
        assertThat(changed.actor()).isEqualTo("wm.breukelen");
        assertThat(CaseEventType.ROUTE_CHANGED.label()).isEqualTo("Soort verzoek gewijzigd");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(request.processInstanceId()).singleResult())
                .isWaitingAt(Tasks.GIVE_ADVICE);
    }

    @Test
    void keepingTheRouteOrChoosingTheSameOneRecordsNothing() {
        RegisteredRequest request = submit(Category.GROEN_EN_OPENBARE_RUIMTE, CarriedOutBy.BEWONERS);

        check(request, Map.of("completeness", "compleet", "completenessMotivation", "Compleet.",
                "routeCorrection", "subsidie"));

        assertThat(caseFiles.route(request.caseNumber())).contains(Route.SUBSIDIE);
        assertThat(caseFiles.events(request.caseNumber())).extracting(CaseEvent::type)
                .doesNotContain(CaseEventType.ROUTE_CHANGED);
    }

    @Test
    void aChangeWithoutAReasonOrToAnUnknownRouteIsRefusedInDutchAndNothingIsStored() {
        RegisteredRequest request = submit(Category.GROEN_EN_OPENBARE_RUIMTE, CarriedOutBy.BEWONERS);

        assertThatThrownBy(() -> check(request, Map.of("completeness", "compleet", "completenessMotivation", "Compleet.",
                "routeCorrection", "verzoek", "routeCorrectionReason", "  ")))
                .satisfies(e -> assertThat(Refusal.in(e)).hasValueSatisfying(r -> assertThat(r.getMessage())
                        .isEqualTo("Geef de reden waarom de soort verzoek verandert; die komt in het dossier.")));
        assertThatThrownBy(() -> check(request, Map.of("completeness", "compleet", "completenessMotivation", "Compleet.",
                "routeCorrection", "lening", "routeCorrectionReason", "Anders.")))
                .satisfies(e -> assertThat(Refusal.in(e)).hasValueSatisfying(r -> assertThat(r.getMessage())
                        .startsWith("Kies bij de soort verzoek")));

        assertThat(caseFiles.route(request.caseNumber())).contains(Route.SUBSIDIE);
        assertThat(variable(request, Variables.ROUTE)).isEqualTo("subsidie");
        assertThat(caseFiles.events(request.caseNumber())).extracting(CaseEvent::type)
                .doesNotContain(CaseEventType.ROUTE_CHANGED);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(request.processInstanceId()).singleResult())
                .isWaitingAt(Tasks.CHECK_COMPLETENESS);
    }

    private RegisteredRequest submit(Category category, CarriedOutBy carriedOutBy) {
        RegisteredRequest request = bare.submitOnline("breukelen", category, "Verzoek " + category.label(),
                "Graag iets doen aan de buurt.", "1500", Urgency.NORMAAL, carriedOutBy);
        bare.sendMessages(request.caseNumber());
        return request;
    }

    private void check(RegisteredRequest request, Map<String, Object> variables) {
        bare.completeAsPerson(request.processInstanceId(), Tasks.CHECK_COMPLETENESS, "wm.breukelen", new HashMap<>(variables));
    }

    private Object variable(RegisteredRequest request, String name) {
        return runtimeService.getVariable(request.processInstanceId(), name);
    }
}
