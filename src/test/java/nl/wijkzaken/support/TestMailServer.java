package nl.wijkzaken.support;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * TEST ONLY: the tests' SMTP server, GreenMail on the port that src/test/resources/config/application.yml gives
 * {@code spring.mail}. Registered as a test execution listener (META-INF/spring.factories), it is up before every
 * Spring test method, so every test that drives the process through its message steps has real SMTP. A test may
 * {@link #stop()} it to see what a mail server that is down does; the next test method gets it back, empty.
 */
public class TestMailServer implements TestExecutionListener, Ordered {

    /** System property {@code wijkzaken.test.mail-port} moves it, so that two builds on one machine do not collide. */
    public static final int PORT = Integer.getInteger("wijkzaken.test.mail-port", 39625);

    private static GreenMail server;

    /** Starts the server unless it runs; returns it. */
    public static synchronized GreenMail start() {
        if (server == null) {
            GreenMail greenMail = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            greenMail.start();
            server = greenMail;
        }
        return server;
    }

    /** Stops the server: from now on the application's mail server refuses connections. */
    public static synchronized void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    /** The mails received so far whose subject names the case (every template puts the case number there). */
    public static List<MimeMessage> mailsAbout(String caseNumber) {
        return Arrays.stream(start().getReceivedMessages()).filter(mail -> subject(mail).contains(caseNumber)).toList();
    }

    /** Waits up to 10 seconds until at least {@code count} mails about the case have arrived, and returns them all. */
    public static List<MimeMessage> awaitMailsAbout(String caseNumber, int count) {
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        List<MimeMessage> mails = mailsAbout(caseNumber);
        while (mails.size() < count && System.nanoTime() < until) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            mails = mailsAbout(caseNumber);
        }
        return mails;
    }

    public static String subject(MimeMessage mail) {
        try {
            return mail.getSubject() == null ? "" : mail.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The plain-text body, decoded (mails go out quoted-printable); of a mail with attachments its text part. */
    public static String body(MimeMessage mail) {
        try {
            Object content = mail.getContent();
            if (content instanceof jakarta.mail.Multipart multipart) {
                return text(multipart).replace("\r\n", "\n");
            }
            return content.toString().replace("\r\n", "\n");
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(jakarta.mail.Multipart multipart) throws MessagingException, IOException {
        for (int i = 0; i < multipart.getCount(); i++) {
            jakarta.mail.BodyPart part = multipart.getBodyPart(i);
            if (part.getContent() instanceof jakarta.mail.Multipart nested) {
                String text = text(nested);
                if (!text.isEmpty()) {
                    return text;
                }
            } else if (part.isMimeType("text/plain") && part.getFileName() == null) {
                return part.getContent().toString();
            }
        }
        return "";
    }

    /** The attachments of a mail: file name and bytes, in order. */
    public static java.util.Map<String, byte[]> attachments(MimeMessage mail) {
        java.util.Map<String, byte[]> files = new java.util.LinkedHashMap<>();
        try {
            if (mail.getContent() instanceof jakarta.mail.Multipart multipart) {
                collect(multipart, files);
            }
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
        return files;
    }

    private static void collect(jakarta.mail.Multipart multipart, java.util.Map<String, byte[]> files)
            throws MessagingException, IOException {
        for (int i = 0; i < multipart.getCount(); i++) {
            jakarta.mail.BodyPart part = multipart.getBodyPart(i);
            if (part.getContent() instanceof jakarta.mail.Multipart nested) {
                collect(nested, files);
            } else if (part.getFileName() != null) {
                files.put(part.getFileName(), part.getInputStream().readAllBytes());
            }
        }
    }

    @Override
    public void beforeTestMethod(TestContext testContext) throws Exception {
        // Every Spring context numbers its cases from BV-<year>-000001 again: mails of earlier tests would match.
        start().purgeEmailFromAllMailboxes();
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
