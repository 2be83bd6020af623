package io.greenribbon.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.StreamSupport;

/**
 * Turns every failure into an {@code application/problem+json} answer. No stack trace leaves the
 * service: unexpected errors are logged with an id the answer carries, so support can find them. A database
 * that cannot be reached is not an internal error: it is a 503 the client may retry.
 */
public class ProblemMappers {

    /** How long a client should wait before trying again when the service is unavailable (every 503). */
    static final Duration RETRY_AFTER = Duration.ofSeconds(10);

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, HttpHeaders headers, UriInfo uri) {
        Locale locale = locale(headers);
        return render(new Problem(e.type().uri(), Messages.text(locale, e.type().titleKey()), e.type().status(),
                Messages.text(locale, e.detailKey(), e.detailArgs()), uri.getPath(), e.errors(locale), e.properties()));
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, HttpHeaders headers, UriInfo uri) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        ProblemException problem = new ProblemException(ProblemType.VALIDATION, "problem.validation.detail");
        errors.forEach(error -> problem.field(error.field(), error.message()));
        return problem(problem, headers, uri);
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e, HttpHeaders headers, UriInfo uri) {
        return problem(unreadable(e), headers, uri);
    }

    /** Quarkus maps this Jackson failure itself (plain JSON); it is bad input like any other. */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e, HttpHeaders headers, UriInfo uri) {
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

    /**
     * The framework's own answers. A parameter that could not be read arrives here as a bare 404 (or 400)
     * caused by the problem {@code http.Parameters} raised naming it, and a body Jackson could not read as a
     * 400 caused by Jackson's failure: those causes are the answer.
     */
    @ServerExceptionMapper
    public Response web(WebApplicationException e, HttpHeaders headers, UriInfo uri) {
        ProblemException cause = Failures.find(e.getCause(), ProblemException.class);
        if (cause != null) {
            return problem(cause, headers, uri);
        }
        JsonProcessingException json = Failures.find(e.getCause(), JsonProcessingException.class);
        if (json != null) {
            return unreadable(json, headers, uri);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, headers, uri);
        }
        ProblemType type = ProblemType.forStatus(status);
        Response response = problem(new ProblemException(type, type.id().equals("not-found")
                ? "problem.not-found.route" : null), headers, uri);
        return status == type.status() ? response : Response.fromResponse(response).status(status).build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, HttpHeaders headers, UriInfo uri) {
        if (Failures.isDatabaseUnavailable(e)) {
            LOG.warnf("The database is unavailable: %s answered 503 (%s)", uri.getPath(), e);
            return problem(new ProblemException(ProblemType.DATABASE_UNAVAILABLE, "problem.database-unavailable.detail"),
                    headers, uri);
        }
        if (Failures.isIntegrityViolation(e)) {
            LOG.debugf("integrity violation %s on %s", Failures.sqlState(e), Failures.constraint(e));
            return problem(ProblemException.conflict("problem.conflict.integrity"), headers, uri);
        }
        ProblemException wrapped = Failures.find(e, ProblemException.class);
        if (wrapped != null) {
            return problem(wrapped, headers, uri);
        }
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected failure %s on %s", errorId, uri.getPath());
        return problem(new ProblemException(ProblemType.INTERNAL, "problem.internal.detail", errorId)
                .with("errorId", errorId), headers, uri);
    }

    static Response render(Problem problem) {
        Response.ResponseBuilder response = Response.status(problem.getStatus()).type(Problem.MEDIA_TYPE).entity(problem);
        if (problem.getStatus() == Response.Status.SERVICE_UNAVAILABLE.getStatusCode()) {
            response.header(HttpHeaders.RETRY_AFTER, RETRY_AFTER.toSeconds());
        }
        return response.build();
    }

    static Locale locale(HttpHeaders headers) {
        return headers == null ? Messages.DEFAULT : Messages.pick(headers.getAcceptableLanguages());
    }

    /**
     * A body Jackson could not read: a value of the wrong type names its field and what it must be; JSON that
     * breaks off or goes wrong names the field it was in, where there is one.
     */
    private static ProblemException unreadable(JsonProcessingException e) {
        if (e instanceof JsonMappingException mapping && !JsonFields.of(mapping).isEmpty()) {
            InputCoercionException range = Failures.find(e, InputCoercionException.class);
            Class<?> target = range != null ? range.getTargetType()
                    : e instanceof MismatchedInputException mismatched ? mismatched.getTargetType() : null;
            return ExpectedValue.of(target).at(JsonFields.of(mapping));
        }
        ProblemException malformed = new ProblemException(ProblemType.MALFORMED_REQUEST, "problem.malformed-request.detail");
        if (e instanceof StreamReadException read && read.getProcessor() != null) {
            String field = JsonFields.at(read.getProcessor().getParsingContext());
            if (!field.isEmpty()) {
                malformed.fieldText(field, "problem.malformed-request.here");
            }
        }
        return malformed;
    }

    /**
     * Where a violation is: a field of a request body ({@code create.request.shifts[2].start} is
     * {@code shifts[2].start}), or a request parameter by the name the client sends it under
     * ({@code list.text} is the query parameter {@code q}).
     */
    private static String fieldOf(ConstraintViolation<?> violation) {
        List<Path.Node> nodes = StreamSupport.stream(violation.getPropertyPath().spliterator(), false).toList();
        if (nodes.size() >= 2 && nodes.get(0).getKind() == ElementKind.METHOD
                && nodes.get(1).getKind() == ElementKind.PARAMETER) {
            if (nodes.size() == 2) {
                String name = requestParameterName(violation.getRootBeanClass(), nodes.get(0).as(Path.MethodNode.class),
                        nodes.get(1).as(Path.ParameterNode.class));
                return name != null ? name : nodes.get(1).getName();
            }
            return pathOf(nodes.subList(2, nodes.size()));
        }
        return pathOf(nodes);
    }

    /** A node's index or key belongs to the container holding it, which is the node before it. */
    private static String pathOf(List<Path.Node> nodes) {
        StringBuilder path = new StringBuilder();
        for (Path.Node node : nodes) {
            if (node.getIndex() != null || node.getKey() != null) {
                path.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
            }
            String name = node.getName();
            if (node.getKind() != ElementKind.CONTAINER_ELEMENT && name != null && !name.isEmpty()) {
                path.append(path.isEmpty() ? "" : ".").append(name);
            }
        }
        return path.toString();
    }

    /** Searched up from the class validated, which may be a generated subclass whose overrides lack the annotations. */
    private static String requestParameterName(Class<?> resource, Path.MethodNode method, Path.ParameterNode parameter) {
        for (Class<?> type = resource; type != null && type != Object.class; type = type.getSuperclass()) {
            for (Method declared : type.getDeclaredMethods()) {
                if (declared.getName().equals(method.getName())
                        && Arrays.asList(declared.getParameterTypes()).equals(method.getParameterTypes())) {
                    String name = ParameterNames.of(declared.getParameterAnnotations()[parameter.getParameterIndex()]);
                    if (name != null) {
                        return name;
                    }
                }
            }
        }
        return null;
    }
}
