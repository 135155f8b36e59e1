package org.earlyhelp.hub.app.intake;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import org.earlyhelp.hub.app.logging.SafeThrowables;
import org.earlyhelp.hub.connector.api.FieldError;
import org.earlyhelp.hub.connector.api.RequestRejected;
import org.earlyhelp.hub.matching.index.IndexException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The hub's one answer to every refused request, in one shape: {@code {"errors":[{"field":..,"reason":..}]}} with
 * the status saying the kind. No reason quotes a value sent: Spring's and Jackson's own messages do ({@code Cannot
 * deserialize ... from String "Zephyrine"}), so none is ever used, and nothing is logged for what the sender got wrong.
 * Handling these here also keeps Spring's {@code DefaultHandlerExceptionResolver} from logging them.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class HubErrorAdvice {

    private static final Logger log = LoggerFactory.getLogger(HubErrorAdvice.class);

    @ExceptionHandler(RequestRejected.class)
    ResponseEntity<ErrorBody> rejected(RequestRejected e) {
        return ResponseEntity.status(e.status()).body(new ErrorBody(e.errors()));
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ErrorBody> invalid(MethodArgumentNotValidException e) {
        List<FieldError> errors = new ArrayList<>();
        e.getBindingResult().getFieldErrors().forEach(f -> errors.add(new FieldError(f.getField(), message(f))));
        e.getBindingResult().getGlobalErrors().forEach(g -> errors.add(new FieldError(null, message(g))));
        return ResponseEntity.badRequest().body(new ErrorBody(errors));
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<ErrorBody> invalidParameters(HandlerMethodValidationException e) {
        List<FieldError> errors = new ArrayList<>();
        e.getParameterValidationResults().forEach(r -> r.getResolvableErrors()
                .forEach(err -> errors.add(new FieldError(
                        r.getMethodParameter().getParameterName(),
                        err.getDefaultMessage() == null ? "is invalid" : err.getDefaultMessage()))));
        return ResponseEntity.badRequest().body(new ErrorBody(errors));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ErrorBody> unreadable(HttpMessageNotReadableException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RequestRejected r) {
                return rejected(r);
            }
        }
        return ResponseEntity.badRequest().body(ErrorBody.of("$", "body is missing or is not a JSON object"));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ErrorBody> mediaType(HttpMediaTypeNotSupportedException e) {
        return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
                .body(ErrorBody.of("send the body as Content-Type: application/json"));
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ErrorBody> notAcceptable(HttpMediaTypeNotAcceptableException e) {
        return ResponseEntity.status(HttpStatus.NOT_ACCEPTABLE).body(ErrorBody.of("the hub answers in JSON"));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ErrorBody> method(HttpRequestMethodNotSupportedException e) {
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED);
        if (e.getSupportedHttpMethods() != null) {
            answer.allow(e.getSupportedHttpMethods().toArray(org.springframework.http.HttpMethod[]::new));
        }
        return answer.body(ErrorBody.of("this endpoint does not take that method"));
    }

    @ExceptionHandler({NoResourceFoundException.class, NoHandlerFoundException.class})
    ResponseEntity<ErrorBody> noSuchEndpoint(Exception e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(ErrorBody.of("no such endpoint"));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ErrorBody> missingParameter(MissingServletRequestParameterException e) {
        return ResponseEntity.badRequest().body(ErrorBody.of(e.getParameterName(), "is required"));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ErrorBody> typeMismatch(MethodArgumentTypeMismatchException e) {
        Class<?> type = e.getRequiredType();
        String what = type == null ? "of the documented type" : "a " + type.getSimpleName();
        return ResponseEntity.badRequest().body(ErrorBody.of(e.getName(), "is not " + what));
    }

    @ExceptionHandler(ServletRequestBindingException.class)
    ResponseEntity<ErrorBody> binding(ServletRequestBindingException e) {
        return ResponseEntity.badRequest().body(ErrorBody.of("a required part of the request is missing"));
    }

    /** Thrown by the hub's own code with a reason it wrote (no values). */
    @ExceptionHandler(ResponseStatusException.class)
    ResponseEntity<ErrorBody> status(ResponseStatusException e) {
        String reason = e.getReason() == null ? words(e.getStatusCode()) : e.getReason();
        return ResponseEntity.status(e.getStatusCode()).body(ErrorBody.of(reason));
    }

    /** A refused change names ids and states only; a failure underneath (the database) is worth a retry. */
    @ExceptionHandler(IndexException.class)
    ResponseEntity<ErrorBody> index(IndexException e) {
        if (e.getCause() != null) {
            log.warn(
                    "person index unavailable: cause={}",
                    e.getCause().getClass().getName());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .body(ErrorBody.of("the person index is unavailable: try again"));
        }
        return ResponseEntity.status(HttpStatus.CONFLICT).body(ErrorBody.of(e.getMessage()));
    }

    /**
     * Any other framework refusal is answered with its status, in that status's words; anything else is a fault of
     * the hub's: logged by type and endpoint pattern only (a message may quote data), and answered 500.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ErrorBody> unexpected(Exception e, HttpServletRequest request) {
        if (e instanceof ErrorResponse refusal && refusal.getStatusCode().is4xxClientError()) {
            HttpStatusCode status = refusal.getStatusCode();
            return ResponseEntity.status(status).body(ErrorBody.of(words(status)));
        }
        log.error(
                "request failed: endpoint={} type={} at={}",
                request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE),
                SafeThrowables.types(e),
                SafeThrowables.origin(e));
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
                .body(ErrorBody.of("the hub failed to handle this request; nothing was changed"));
    }

    private static String message(org.springframework.validation.ObjectError error) {
        return error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage();
    }

    private static String words(HttpStatusCode code) {
        HttpStatus status = HttpStatus.resolve(code.value());
        return status == null ? "request refused" : status.getReasonPhrase().toLowerCase(java.util.Locale.ROOT);
    }
}
