package nl.wijkzaken.mail;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** Retries the mails that the mail server refused, until they are sent. */
@Configuration
@EnableScheduling
class PendingMailRetry {

    private final ResidentMailer mailer;

    PendingMailRetry(ResidentMailer mailer) {
        this.mailer = mailer;
    }

    @Scheduled(fixedDelayString = "${wijkzaken.mail.retry-interval:PT1M}", initialDelayString = "${wijkzaken.mail.retry-interval:PT1M}")
    void retry() {
        mailer.sendPending();
    }
}
