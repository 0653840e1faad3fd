package nl.wijkzaken.residents.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import nl.wijkzaken.intake.Category;
import nl.wijkzaken.refusal.Refusal;
import nl.wijkzaken.supplement.Attachment;
import nl.wijkzaken.intake.ConsentSource;
import nl.wijkzaken.intake.DecisionChannel;
import nl.wijkzaken.intake.ResidentRequest;
import nl.wijkzaken.intake.CarriedOutBy;
import nl.wijkzaken.intake.Urgency;
import nl.wijkzaken.letters.Letters;
import nl.wijkzaken.neighbourhood.Neighbourhoods;
import nl.wijkzaken.penalty.Penalties;
import nl.wijkzaken.refusal.Refusal;
import nl.wijkzaken.shared.EngineClock;

/** The residents' pages: the request form, the confirmation, the status page and its supplement form. */
@Controller
class PublicPagesController {

    /** The form's maxlength per field: the same as ResidentRequest's @Size (and so the columns). */
    static final Map<String, Integer> MAX_LENGTHS = Map.ofEntries(Map.entry("applicantName", 200),
            Map.entry("applicantEmail", 254), Map.entry("applicantPhone", 20), Map.entry("onBehalfOfGroup", 200),
            Map.entry("title", 150), Map.entry("description", ResidentRequest.MAX_DESCRIPTION), Map.entry("location", 300),
            Map.entry("amountRequested", 20), Map.entry("postalStreet", 200), Map.entry("postalHouseNumber", 20),
            Map.entry("postalCode", 7), Map.entry("postalPlace", 100));

    private final Neighbourhoods neighbourhoods;
    private final RequestValidator validator;
    private final ResidentCases cases;
    private final StatusViews statusViews;
    private final Supplements supplements;
    private final Penalties penalties;
    private final Letters letters;
    private final EmailConsents consents;

    PublicPagesController(Neighbourhoods neighbourhoods, RequestValidator validator, ResidentCases cases,
                          StatusViews statusViews, Supplements supplements, Penalties penalties, Letters letters,
                          EmailConsents consents) {
        this.consents = consents;
        this.neighbourhoods = neighbourhoods;
        this.validator = validator;
        this.cases = cases;
        this.statusViews = statusViews;
        this.supplements = supplements;
        this.penalties = penalties;
        this.letters = letters;
    }

    @GetMapping("/")
    String form(Model model) {
        RequestForm form = new RequestForm();
        form.setSubmissionKey(UUID.randomUUID().toString());
        return showForm(model, form, Map.of());
    }

    @PostMapping("/")
    String submit(@ModelAttribute("form") RequestForm form, Model model, HttpServletResponse response) {
        RequestForm.Converted converted = form.toRequest();
        List<FieldError> errors = validator.validate(converted.request(), converted.errors());
        if (!errors.isEmpty()) {
            Map<String, String> byField = new LinkedHashMap<>();
            errors.forEach(error -> byField.put(error.field(), error.message()));
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return showForm(model, form, byField);
        }
        String key = form.getSubmissionKey() == null || form.getSubmissionKey().isBlank()
                || form.getSubmissionKey().length() > 200 ? null : "form:" + form.getSubmissionKey();
        Submission submission = cases.submit(converted.request(), key, ConsentSource.ONLINE_FORM);
        model.addAttribute("caseNumber", submission.caseNumber());
        model.addAttribute("statusPath", "/status/" + submission.token());
        model.addAttribute("statusUrl", cases.statusUrl(submission.token()));
        model.addAttribute("email", converted.request().applicantEmail());
        model.addAttribute("decisionChannel", converted.request().decisionChannel().words());
        return "residents/confirmation";
    }

    @GetMapping("/status/{token}")
    String status(@PathVariable String token, Model model, HttpServletResponse response) {
        return cases.findByToken(token)
                .map(found -> showStatus(found, token, model))
                .orElseGet(() -> notFound(response));
    }

    /** The supplement form on the status page; answers with the status page (a redirect to it when accepted). */
    @PostMapping("/status/{token}/aanvulling")
    String supplement(@PathVariable String token, @RequestParam(name = "supplementText", required = false) String text,
                      @RequestParam(name = "bijlagen", required = false) List<MultipartFile> files,
                      Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Optional<ResidentCase> found = cases.findByToken(token);
        if (found.isEmpty()) {
            return notFound(response);
        }
        String problem = Supplements.problem(text);
        if (problem != null) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("supplementError", problem);
            model.addAttribute("supplementText", text);
            return showStatus(found.get(), token, model);
        }
        try {
            supplements.send(found.get(), text, attachments(files));
        } catch (Refusal refusal) {
            if (refusal.kind() == Refusal.Kind.CONFLICT) {
                response.setStatus(HttpServletResponse.SC_CONFLICT);
                model.addAttribute("supplementNotExpected", true);
                return showStatus(found.get(), token, model);
            }
            // An attachment that is not a PDF, JPEG or PNG, or too large: nothing was stored.
            response.setStatus(refusal.kind() == Refusal.Kind.TOO_LARGE ? 413 : HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("supplementError", refusal.getMessage());
            model.addAttribute("supplementText", text);
            return showStatus(found.get(), token, model);
        } catch (Supplements.NotWaitingException | MismatchingMessageCorrelationException | OptimisticLockingException e) {
            // Not waiting (any more), or the repair term lapsed at this very moment: nothing was changed.
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            model.addAttribute("supplementNotExpected", true);
            return showStatus(found.get(), token, model);
        }
        redirect.addFlashAttribute("supplementReceived", true);
        return "redirect:/status/" + token;
    }

    /**
     * The resident's notice of default (Awb 4:17 lid 1 and 4: electronically, since the application could be made
     * electronically), received today; answers with the status page (a redirect to it when accepted).
     */
    @PostMapping("/status/{token}/ingebrekestelling")
    String noticeOfDefault(@PathVariable String token, Model model, HttpServletResponse response,
                           RedirectAttributes redirect) {
        Optional<ResidentCase> found = cases.findByToken(token);
        if (found.isEmpty()) {
            return notFound(response);
        }
        try {
            penalties.noticeFromResident(found.get().caseNumber());
        } catch (RuntimeException e) {
            Refusal refusal = Refusal.in(e).orElseThrow(() -> e);
            response.setStatus(refusal.kind().status());
            model.addAttribute("noticeError", refusal.getMessage());
            return showStatus(found.get(), token, model);
        }
        redirect.addFlashAttribute("noticeReceived", true);
        return "redirect:/status/" + token;
    }

    /** The files the resident chose (an empty file input sends one empty part without a name: no attachment). */
    private static List<Attachment> attachments(List<MultipartFile> files) {
        List<Attachment> attachments = new java.util.ArrayList<>();
        for (MultipartFile file : files == null ? List.<MultipartFile>of() : files) {
            if (file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isBlank())) {
                continue;
            }
            try {
                attachments.add(new Attachment(file.getOriginalFilename(), file.getContentType(), file.getBytes()));
            } catch (java.io.IOException e) {
                throw Refusal.invalid("Uw bijlage kon niet worden gelezen. Probeer het opnieuw.");
            }
        }
        return attachments;
    }

    /** The letter of the case's decision, once it was sent; the token is the credential, as for the status page. */
    @GetMapping("/status/{token}/brief/{id}")
    ResponseEntity<byte[]> letter(@PathVariable String token, @PathVariable long id) {
        return cases.findByToken(token)
                .flatMap(found -> letters.find(id)
                        .filter(letter -> letter.caseNumber().equals(found.caseNumber()) && letter.sent())
                        .flatMap(letter -> letters.pdf(found.caseNumber(), id).map(pdf -> ResponseEntity.ok()
                                .contentType(MediaType.APPLICATION_PDF)
                                .header(HttpHeaders.CONTENT_DISPOSITION,
                                        ContentDisposition.attachment().filename(letter.fileName()).build().toString())
                                .body(pdf))))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_PLAIN)
                        .body("Deze brief bestaat niet.".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }


    /** Awb 2:8: the resident withdraws the consent for decisions by e-mail; from then on they go by post. */
    @PostMapping("/status/{token}/toestemming-intrekken")
    String withdrawConsent(@PathVariable String token, HttpServletResponse response, RedirectAttributes redirect) {
        Optional<ResidentCase> found = cases.findByToken(token);
        if (found.isEmpty()) {
            return notFound(response);
        }
        consents.withdraw(found.get());
        redirect.addFlashAttribute("consentWithdrawn", true);
        return "redirect:/status/" + token;
    }

    @GetMapping({"/status", "/status/"})
    String statusWithoutToken(HttpServletResponse response) {
        return notFound(response);
    }

    private String showStatus(ResidentCase found, String token, Model model) {
        model.addAttribute("status", statusViews.of(found));
        model.addAttribute("token", token);
        model.addAttribute("supplementMaxLength", Supplements.MAX_LENGTH);
        // Penalty for late decisions (Awb 4:17): the notice of default and the penalty so far, in words.
        model.addAttribute("noticePossible", penalties.noticePossible(found.caseNumber()));
        model.addAttribute("penaltyApplies", penalties.applies(found.caseNumber()));
        model.addAttribute("route", statusViews.route(found.caseNumber()).orElse(null));
        penalties.of(found.caseNumber()).ifPresent(penalty ->
                model.addAttribute("penaltyText", penalty.inWords(EngineClock.today())));
        return "residents/status";
    }

    private static String notFound(HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        return "residents/not-found";
    }

    private String showForm(Model model, RequestForm form, Map<String, String> errors) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("neighbourhoods", neighbourhoods.all());
        model.addAttribute("categories", Category.values());
        model.addAttribute("urgencies", Urgency.values());
        model.addAttribute("carriedOutByChoices", CarriedOutBy.values());
        model.addAttribute("decisionChannels", DecisionChannel.values());
        model.addAttribute("maxLengths", MAX_LENGTHS);
        return "residents/form";
    }
}
