package nl.wijkzaken.process;

import static nl.wijkzaken.process.ProcessVariables.string;

import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import nl.wijkzaken.models.ResidentRequestProcess.Variables;
import nl.wijkzaken.residents.StatusLinks;

/**
 * Bean {@code frontOfficeReceipt}: the task listeners of "Ontvangstbewijs geven". On create (in the registration's
 * transaction, before the acknowledgement can go out) the resident's status link is issued and kept for the receipt
 * of the clerk who registered the case; on complete the receipt was handed over and the link is forgotten
 * (it lives on in the resident's mailbox and on the printed receipt). The form shows the link without storing it as
 * a variable ({@link FormOpening}).
 */
@Component("frontOfficeReceipt")
public class FrontOfficeReceipt {

    /** The form field that shows the link; never a process variable. */
    static final String STATUS_LINK = "statusLink";

    private final StatusLinks statusLinks;

    FrontOfficeReceipt(StatusLinks statusLinks) {
        this.statusLinks = statusLinks;
    }

    public void issue(DelegateTask task) {
        statusLinks.issueForReceipt(string(task, Variables.CASE_NUMBER), task.getAssignee());
    }

    public void handedOver(DelegateTask task) {
        statusLinks.receiptHandedOver(string(task, Variables.CASE_NUMBER));
    }

    /** The link for the receipt task's form, to its assignee (who registered the case). */
    Optional<String> link(DelegateTask task) {
        return task.getAssignee() == null ? Optional.empty()
                : statusLinks.receiptLink(string(task, Variables.CASE_NUMBER), task.getAssignee());
    }
}
