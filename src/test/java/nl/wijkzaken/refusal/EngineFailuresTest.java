package nl.wijkzaken.refusal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import jakarta.ws.rs.core.Response;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.authorization.MissingAuthorization;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidatorException;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.junit.jupiter.api.Test;

/**
 * The engine's refusals in Dutch, as the engine and the REST API wrap them; ids never come along. The HTTP side is in
 * StaffRefusalsTest; these are the cases a test cannot provoke reliably over HTTP (two writers at the same moment)
 * and the wording per kind of refusal.
 */
class EngineFailuresTest {

    private static final String TASK_ID = "68ebc9ee-1f2a-11f0-9d3c-0242ac120002";

    @Test
    void aMissingPermissionSaysWhatThePersonMayNotDo() {
        AuthorizationException denied = new AuthorizationException("wm.maarssenbroek", List.of(
                new MissingAuthorization("TASK_WORK", "Task", TASK_ID),
                new MissingAuthorization("UPDATE", "Task", TASK_ID)));
        AuthorizationException noRead = new AuthorizationException("auditor", "READ_HISTORY", "ProcessDefinition", "resident-request");

        Refusal refusal = EngineFailures.in(new RestException(Response.Status.INTERNAL_SERVER_ERROR, denied,
                "Cannot complete task " + TASK_ID + ": " + denied.getMessage())).orElseThrow();

        assertThat(refusal.status()).isEqualTo(403);
        assertThat(refusal.getMessage()).isEqualTo("U mag deze taak niet uitvoeren of toewijzen.");
        assertThat(EngineFailures.in(noRead).orElseThrow().getMessage()).isEqualTo("U mag dit proces niet in de geschiedenis inzien.");
    }

    @Test
    void twoPeopleAtOnceAnswerWithAConflictInDutch() {
        ProcessEngineException raced = new ProcessEngineException("ENGINE-03051",
                new OptimisticLockingException("ENGINE-03005 Execution of 'UPDATE TaskEntity[" + TASK_ID + "]' failed."));
        TaskAlreadyClaimedException claimed = new TaskAlreadyClaimedException(TASK_ID, "wm.loenen");

        assertThat(EngineFailures.in(raced)).get().satisfies(refusal -> {
            assertThat(refusal.status()).isEqualTo(409);
            assertThat(refusal.getMessage()).isEqualTo(EngineFailures.CHANGED_MEANWHILE);
        });
        assertThat(EngineFailures.in(claimed)).get().extracting(Refusal::status, Refusal::getMessage)
                .containsExactly(409, EngineFailures.ALREADY_CLAIMED);
    }

    @Test
    void whatIsNotThereIsNotFoundInDutch() {
        RestException taskGone = new RestException(Response.Status.INTERNAL_SERVER_ERROR,
                new NullValueException("Cannot find task with id " + TASK_ID + ": task is null"),
                "Cannot complete task " + TASK_ID + ": Cannot find task with id " + TASK_ID + ": task is null");
        NotFoundException formGone = new NotFoundException("The form with the resource name 'forms/besluit.form' "
                + "cannot be found in deployment with id " + TASK_ID);
        InvalidRequestException noMatch = new InvalidRequestException(Response.Status.NOT_FOUND, "No matching task with id " + TASK_ID);

        assertThat(EngineFailures.in(taskGone).orElseThrow().getMessage()).isEqualTo(EngineFailures.TASK_GONE);
        assertThat(EngineFailures.in(formGone).orElseThrow().getMessage()).isEqualTo(EngineFailures.FORM_MISSING);
        assertThat(EngineFailures.in(noMatch).orElseThrow().getMessage()).isEqualTo(EngineFailures.TASK_GONE);
        assertThat(List.of(taskGone, formGone, noMatch)).allSatisfy(failure ->
                assertThat(EngineFailures.in(failure).orElseThrow().status()).isEqualTo(404));
    }

    @Test
    void aFormFieldTheEngineRejectsIsNamed() {
        FormFieldValidatorException invalid = new FormFieldValidatorException("decidedAmount", "min", "0", -1,
                "Invalid value submitted for form field 'decidedAmount': validation of min(0) failed.");

        Refusal refusal = EngineFailures.in(new RestException(Response.Status.BAD_REQUEST, invalid, "Cannot submit task form "
                + TASK_ID + ": " + invalid.getMessage())).orElseThrow();

        assertThat(refusal.status()).isEqualTo(400);
        assertThat(refusal.getMessage()).isEqualTo("Het veld ‘decidedAmount’ is niet juist ingevuld. Er is niets opgeslagen.");
        assertThat(refusal.properties()).containsEntry("field", "decidedAmount");
    }

    @Test
    void everythingElseKeepsTheEnginesOwnAnswer() {
        assertThat(EngineFailures.in(new ProcessEngineException("kapot", new IllegalStateException()))).isEmpty();
        assertThat(EngineFailures.in(new NullValueException("userId is null"))).isEmpty();
        assertThat(EngineFailures.in(new RestException(Response.Status.BAD_REQUEST, "Ongeldig"))).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void ourOwnRefusalGoesFirstAndKeepsItsType() {
        Refusal own = Refusal.invalid("Kies een besluit en geef een motivering.");
        RestException wrapped = new RestException(Response.Status.INTERNAL_SERVER_ERROR,
                new ProcessEngineException("ENGINE-03051", own), "Cannot submit task form " + TASK_ID + ": " + own.getMessage());

        Response response = RefusalResponses.response(wrapped);

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat((java.util.Map<String, Object>) response.getEntity()).containsEntry("type", "Refusal")
                .containsEntry("message", "Kies een besluit en geef een motivering.");
    }
}
