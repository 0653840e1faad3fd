package nl.wijkzaken.supplement.internal;

import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import nl.wijkzaken.refusal.Refusal;
import nl.wijkzaken.security.Roles;
import nl.wijkzaken.supplement.Attachment;
import nl.wijkzaken.supplement.RegisteredSupplement;
import nl.wijkzaken.supplement.SupplementRegistrations;
import nl.wijkzaken.supplement.SupplementRegistrations.Registration;

/**
 * Staff register a supplement received by post, at the desk or by e-mail; list a case's supplements and download
 * their attachments. HTTP Basic like the rest of the staff API; who may is {@link SupplementRegistrations}' rule,
 * errors are problem+json in Dutch.
 */
@RestController
@RequestMapping("/api/cases/{caseNumber}/supplements")
class SupplementController {

    private final SupplementRegistrations registrations;
    private final Roles roles;

    SupplementController(SupplementRegistrations registrations, Roles roles) {
        this.registrations = registrations;
        this.roles = roles;
    }

    /** Multipart: {@code receivedOn} (yyyy-mm-dd), {@code channel} (post, balie, e-mail), {@code text}, files {@code attachments}. */
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<RegisteredSupplement> registerWithFiles(@PathVariable String caseNumber,
            @RequestParam(required = false) String receivedOn, @RequestParam(required = false) String channel,
            @RequestParam(required = false) String text,
            @RequestParam(name = "attachments", required = false) List<MultipartFile> files, Authentication user) {
        List<Attachment> attachments = new ArrayList<>();
        for (MultipartFile file : files == null ? List.<MultipartFile>of() : files) {
            try {
                attachments.add(new Attachment(file.getOriginalFilename(), file.getContentType(), file.getBytes()));
            } catch (IOException e) {
                throw Refusal.invalid("De bijlage " + file.getOriginalFilename() + " kon niet worden gelezen.");
            }
        }
        return register(caseNumber, receivedOn, channel, text, attachments, user);
    }

    /** JSON without files: {@code {"receivedOn", "channel", "text"}}. */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<RegisteredSupplement> register(@PathVariable String caseNumber, @RequestBody Map<String, String> body,
            Authentication user) {
        return register(caseNumber, body.get("receivedOn"), body.get("channel"), body.get("text"), List.of(), user);
    }

    @GetMapping
    List<RegisteredSupplement> list(@PathVariable String caseNumber) {
        return registrations.ofCase(caseNumber, roles.groupsOfCurrentUser());
    }

    @GetMapping("/attachments/{id}")
    ResponseEntity<byte[]> download(@PathVariable String caseNumber, @PathVariable long id) {
        SupplementStore.Download file = registrations.attachment(caseNumber, id, roles.groupsOfCurrentUser());
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .body(file.content());
    }

    private ResponseEntity<RegisteredSupplement> register(String caseNumber, String receivedOn, String channel, String text,
            List<Attachment> attachments, Authentication user) {
        // Who may comes first: a refused person learns nothing about the case or the rules of its fields.
        registrations.checkMayRegister(caseNumber, user.getName(), roles.groupsOfCurrentUser());
        LocalDate day = null;
        if (receivedOn != null && !receivedOn.isBlank()) {
            try {
                day = LocalDate.parse(receivedOn.strip());
            } catch (DateTimeParseException e) {
                throw Refusal.invalid("De datum van ontvangst is geen datum (jjjj-mm-dd).")
                        .with("errors", Map.of("receivedOn", "Geen datum (jjjj-mm-dd)."));
            }
        }
        RegisteredSupplement registered = registrations.register(new Registration(caseNumber, day, channel, text, attachments),
                user.getName(), roles.groupsOfCurrentUser());
        return ResponseEntity.created(URI.create("/api/cases/" + caseNumber + "/supplements")).body(registered);
    }
}
