package io.greenribbon.hotline.console;

import io.greenribbon.access.Permission;
import io.greenribbon.access.Requires;
import io.greenribbon.hotline.contacts.ContactService;
import io.greenribbon.hotline.contacts.ProblemCategory;
import io.greenribbon.risk.RiskLevel;
import io.greenribbon.risk.RiskScreening;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.greenribbon.web.FormErrors;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The counsellor's contacts: the list of their own (last seven days), and the contact form of one: the
 * 12356 record, the C-SSRS screener whose level the server computes as it is answered, the imminent flag,
 * a level request, the safety plan. Saving ends the wrap-up.
 */
@io.smallrye.common.annotation.NonBlocking
@Path(ContactPage.PATH)
@Produces(MediaType.TEXT_HTML)
public class ContactPage {

    public static final String PATH = "/console/contacts";

    private final ContactService contacts;
    private final ContactFormService forms;
    private final Template list;
    private final Template page;
    private final Template form;
    private final Template screener;
    private final Template saved;

    public ContactPage(ContactService contacts, ContactFormService forms, @Location("hotline/contacts.html") Template list,
                       @Location("hotline/contact.html") Template page, @Location("hotline/form.html") Template form,
                       @Location("hotline/screener.html") Template screener,
                       @Location("hotline/saved.html") Template saved) {
        this.contacts = contacts;
        this.forms = forms;
        this.list = list;
        this.page = page;
        this.form = form;
        this.screener = screener;
        this.saved = saved;
    }

    @GET
    @Operation(hidden = true)
    @Requires(Permission.HOTLINE_CONTACTS_READ)
    public Uni<TemplateInstance> list() {
        return contacts.list(null, null).map(found -> list.data("contacts", found));
    }

    @GET
    @Path("/{id}")
    @Operation(hidden = true)
    @Requires(Permission.HOTLINE_CONTACTS_READ)
    public Uni<TemplateInstance> show(@PathParam("id") long id) {
        return opened(id, page);
    }

    /** The form alone (the desk loads it under the screen-pop). */
    @GET
    @Path("/{id}/form")
    @Operation(hidden = true)
    @Requires(Permission.HOTLINE_CONTACTS_WRITE)
    public Uni<TemplateInstance> form(@PathParam("id") long id) {
        return opened(id, form);
    }

    /** {@code template} with the contact and a form opened now (a new key; the repeat-caller flag preset). */
    private Uni<TemplateInstance> opened(long id, Template template) {
        return contacts.get(id).chain(contact -> contacts.caller(id).map(caller -> choices(template
                .data("contact", contact).data("contactId", id).data("caller", caller)
                .data("form", ContactForm.opened(caller.repeatCaller())).data("errors", new FormErrors()))));
    }

    /** Saves the form (once per form key); answers the saved record, or the form with its errors (422). */
    @POST
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    @Requires(Permission.HOTLINE_CONTACTS_WRITE)
    public Uni<Response> save(@PathParam("id") long id, MultivaluedMap<String, String> fields) {
        ContactForm submitted = ContactForm.of(fields);
        return forms.save(id, submitted)
                .map(result -> Response.ok(saved.data("result", result).data("form", submitted))
                        .header("HX-Trigger", "presence-changed").build())
                .onFailure(FormErrors.class).recoverWithUni(failure -> contacts.get(id).map(contact ->
                        Response.status(422).entity(choices(form.data("contact", contact).data("contactId", id).data("form", submitted)
                                .data("errors", failure))).build()));
    }

    /**
     * The screener as answered so far, back from the server: the questions it asks now (3 to 5 after a yes to
     * question 2) and the level the server's rule gives. The page sends it on every answer.
     */
    @POST
    @Path("/{id}/screener")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    @Requires(Permission.RISK_SCREEN)
    public TemplateInstance screener(@PathParam("id") long id, MultivaluedMap<String, String> fields) {
        return choices(screener.data("contactId", id).data("form", ContactForm.of(fields)).data("errors", new FormErrors()));
    }

    static TemplateInstance choices(TemplateInstance template) {
        return template.data("categories", ProblemCategory.values()).data("levels", RiskLevel.values())
                .data("bases", RiskScreening.ImminentBasis.values()).data("questions", ContactForm.QUESTIONS)
                .data("sections", ContactForm.PLAN);
    }
}
