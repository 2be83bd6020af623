package io.greenribbon.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * Turns every failure into an {@code application/problem+json} answer. No stack trace leaves the
 * service: unexpected errors are logged with an id the answer carries, so support can find them.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, HttpHeaders headers, UriInfo uri) {
        Locale locale = locale(headers);
        return render(new Problem(e.type().uri(), Messages.text(locale, e.type().titleKey()), e.type().status(),
                Messages.text(locale, e.detailKey(), e.detailArgs()), uri.getPath(), e.errors(), e.properties()));
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, HttpHeaders headers, UriInfo uri) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(fieldOf(v), v.getMessage()))
                .sorted(java.util.Comparator.comparing(FieldError::field))
                .toList();
        return problem(withErrors(new ProblemException(ProblemType.VALIDATION, "problem.validation.detail"), errors),
                headers, uri);
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e, HttpHeaders headers, UriInfo uri) {
        ProblemException problem = new ProblemException(ProblemType.MALFORMED_REQUEST, "problem.malformed-request.detail");
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            problem = new ProblemException(ProblemType.VALIDATION, "problem.validation.detail")
                    .field(pathOf(mapping), Messages.text(locale(headers), "problem.validation.unreadable-value"));
        }
        return problem(problem, headers, uri);
    }

    /** Quarkus maps this Jackson failure itself (plain JSON); it is bad input like any other. */
    @ServerExceptionMapper
    public Response mismatched(com.fasterxml.jackson.databind.exc.MismatchedInputException e, HttpHeaders headers,
                               UriInfo uri) {
        return unreadable(e, headers, uri);
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class,
            AuthenticationCompletionException.class})
    public Response unauthenticated(HttpHeaders headers, UriInfo uri) {
        Response response = problem(new ProblemException(ProblemType.UNAUTHENTICATED,
                "problem.unauthenticated.detail"), headers, uri);
        return Response.fromResponse(response).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, HttpHeaders headers, UriInfo uri) {
        return problem(ProblemException.forbidden("problem.forbidden.detail"), headers, uri);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, HttpHeaders headers, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return internal(e, headers, uri);
        }
        ProblemType type = ProblemType.forStatus(status);
        Response response = problem(new ProblemException(type, type.id().equals("not-found")
                ? "problem.not-found.route" : null), headers, uri);
        return status == type.status() ? response : Response.fromResponse(response).status(status).build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, HttpHeaders headers, UriInfo uri) {
        if (Failures.isIntegrityViolation(e)) {
            LOG.debugf("integrity violation %s on %s", Failures.sqlState(e), Failures.constraint(e));
            return problem(ProblemException.conflict("problem.conflict.integrity"), headers, uri);
        }
        ProblemException wrapped = Failures.find(e, ProblemException.class);
        if (wrapped != null) {
            return problem(wrapped, headers, uri);
        }
        return internal(e, headers, uri);
    }

    private Response internal(Throwable e, HttpHeaders headers, UriInfo uri) {
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected failure %s on %s", errorId, uri.getPath());
        return problem(new ProblemException(ProblemType.INTERNAL, "problem.internal.detail", errorId)
                .with("errorId", errorId), headers, uri);
    }

    static Response render(Problem problem) {
        return Response.status(problem.getStatus()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    static Locale locale(HttpHeaders headers) {
        return headers == null ? Messages.DEFAULT : Messages.pick(headers.getAcceptableLanguages());
    }

    private static ProblemException withErrors(ProblemException problem, List<FieldError> errors) {
        errors.forEach(error -> problem.field(error.field(), error.message()));
        return problem;
    }

    /**
     * A violation's path starts with the method and parameter ({@code get.code} or
     * {@code create.request.name}); clients know the field by the part after the method's parameter.
     */
    private static String fieldOf(ConstraintViolation<?> violation) {
        List<String> nodes = StreamSupport.stream(violation.getPropertyPath().spliterator(), false)
                .map(node -> node.getIndex() != null ? node.getName() + "[" + node.getIndex() + "]" : node.getName())
                .filter(name -> name != null && !name.isEmpty())
                .toList();
        if (nodes.size() <= 2) {
            return nodes.isEmpty() ? "" : nodes.get(nodes.size() - 1);
        }
        return String.join(".", nodes.subList(2, nodes.size()));
    }

    private static String pathOf(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

}
