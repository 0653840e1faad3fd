package nl.wijkzaken.mail;

/**
 * The text of a mail as the resident got it, for the case history. The personal status link is left out:
 * the token must exist nowhere but in the resident's mailbox.
 */
public record SentMail(String subject, String body) {

    static final String LINK_PLACEHOLDER = "[persoonlijke link]";
}
