package io.greenribbon.rooms.client;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.greenribbon.access.AccessDecision;
import io.greenribbon.crypto.FieldCipher;
import io.greenribbon.divisions.DivisionRepository;
import io.greenribbon.problem.ProblemException;
import io.greenribbon.rooms.IdempotencyStore;
import io.greenribbon.rooms.RequestTexts;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Registers pseudonymous clients and opens their contact details for those who may reach them: the
 * accounts whose jurisdiction holds the division the client was registered in. Nothing but the code
 * ever appears in a list.
 */
@ApplicationScoped
public class ClientService {

    /** The minimum needed to reach a client; every part optional (some clients leave none). */
    public record Contact(@Size(max = 50) String name,
                          @Pattern(regexp = "^\\+?[0-9][0-9 -]{4,19}$") String phone,
                          @Size(max = 200) String note) {
        @JsonIgnore
        boolean isEmpty() {
            return blank(name) && blank(phone) && blank(note);
        }

        private static boolean blank(String s) {
            return s == null || s.isBlank();
        }
    }

    /** What a list or a lookup may show of a client. */
    public record Summary(Long id, String code, String division) {
        static Summary of(RoomClient c) {
            return new Summary(c.id, c.code, c.divisionCode);
        }
    }

    /** One client with their contact details, for those who may reach them. */
    public record Details(Long id, String code, String division, Contact contact, String registeredBy) {
    }

    private final ClientRepository clients;
    private final DivisionRepository divisions;
    private final FieldCipher cipher;
    private final AccessDecision access;
    private final ObjectMapper json;
    private final RequestTexts texts;
    private final IdempotencyStore idempotency;

    public ClientService(ClientRepository clients, DivisionRepository divisions, FieldCipher cipher,
                         AccessDecision access, ObjectMapper json, RequestTexts texts, IdempotencyStore idempotency) {
        this.idempotency = idempotency;
        this.clients = clients;
        this.divisions = divisions;
        this.cipher = cipher;
        this.access = access;
        this.json = json;
        this.texts = texts;
    }

    /** A client registered, or (the same key sent again) the one the first request registered. */
    public record Registered(Details client, boolean replayed) {
    }

    /**
     * Registers a client once per idempotency key (null: every time). The stored answer holds the code only,
     * never the contact details; a repeat reads the client again (and opens its details) instead.
     */
    public Uni<Registered> register(String division, Contact contact, String key) {
        access.requireGoverns(division);
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("division", division);
        request.put("contact", contact == null ? Map.of() : contact);
        Details[] made = new Details[1];
        return Panache.withTransaction(() -> idempotency.once(access.actor().username(), key, "client.register", request,
                        () -> register(division, contact).map(details -> {
                            made[0] = details;
                            return IdempotencyStore.Outcome.of(201, summaryJson(details), details.id());
                        })))
                .flatMap(outcome -> outcome.replayed()
                        ? get(outcome.resourceId()).map(details -> new Registered(details, true))
                        : Uni.createFrom().item(new Registered(made[0], false)));
    }

    @WithTransaction
    public Uni<Details> register(String division, Contact contact) {
        access.requireGoverns(division);
        return divisions.findById(division)
                .onItem().ifNull().failWith(() -> ProblemException.invalid("division",
                        texts.text("rooms.division-unknown", division)))
                .flatMap(d -> {
                    RoomClient client = new RoomClient();
                    client.code = ClientCodes.next();
                    client.divisionCode = division;
                    client.registeredBy = access.actor().username();
                    if (contact != null && !contact.isEmpty()) {
                        client.contactSealed = cipher.seal(serialize(contact), sealedPlace(client.code));
                    }
                    return clients.persist(client);
                })
                .map(c -> new Details(c.id, c.code, c.divisionCode, contact, c.registeredBy));
    }

    @WithSession
    public Uni<Details> get(long id) {
        return clients.findById(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("clients.not-found", id))
                .invoke(c -> access.requireGovernsOrHide(c.divisionCode, "clients.not-found", id))
                .map(c -> new Details(c.id, c.code, c.divisionCode, contactOf(c), c.registeredBy));
    }

    @WithSession
    public Uni<Summary> findByCode(String code) {
        return clients.findByCode(code)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("clients.code-not-found", code))
                .invoke(c -> access.requireGovernsOrHide(c.divisionCode, "clients.code-not-found", code))
                .map(Summary::of);
    }

    Contact contactOf(RoomClient c) {
        if (c.contactSealed == null) {
            return null;
        }
        String plain = cipher.open(c.contactSealed, sealedPlace(c.code));
        try {
            return json.readValue(plain, Contact.class);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Sealed contact of client " + c.id + " is not a contact", e);
        }
    }

    /** The associated data that binds a sealed contact to its column and its client. */
    static String sealedPlace(String clientCode) {
        return "room_client.contact_sealed:" + clientCode;
    }

    private String summaryJson(Details details) {
        try {
            return json.writeValueAsString(new Summary(details.id(), details.code(), details.division()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String serialize(Contact contact) {
        try {
            return json.writeValueAsString(contact);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
