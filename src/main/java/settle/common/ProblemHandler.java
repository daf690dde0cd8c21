package settle.common;

import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every 4xx of the API leaves as application/problem+json and names what was wrong. A person's browser asking for a
 * page gets the error page instead (the servlet container's error dispatch renders {@code templates/error.html}).
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

  /** The request attribute carrying a sentence written for people, shown on the error page. */
  public static final String PERSON_DETAIL = "settle.error.detail";

  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ProblemHandler.class);

  @ExceptionHandler(NotFoundException.class)
  ResponseEntity<Object> notFound(NotFoundException e, WebRequest request) throws java.io.IOException {
    return toErrorPage(request, HttpStatus.NOT_FOUND, null) ? null
        : ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage(), null));
  }

  @ExceptionHandler(InvalidRequestException.class)
  ProblemDetail invalid(InvalidRequestException e) {
    return problem(HttpStatus.UNPROCESSABLE_ENTITY, "Invalid request", e.getMessage(),
        List.of(Map.of("field", e.field(), "message", e.getMessage())));
  }

  @ExceptionHandler(ForbiddenException.class)
  ResponseEntity<Object> forbidden(ForbiddenException e, WebRequest request) throws java.io.IOException {
    return toErrorPage(request, HttpStatus.FORBIDDEN, e.getMessage()) ? null
        : ResponseEntity.status(HttpStatus.FORBIDDEN).body(problem(HttpStatus.FORBIDDEN, "Forbidden", e.getMessage(), null));
  }

  @ExceptionHandler(ConflictException.class)
  ProblemDetail conflict(ConflictException e) {
    return problem(HttpStatus.CONFLICT, "Conflict", e.getMessage(), null);
  }

  @ExceptionHandler(UnsupportedMediaException.class)
  ProblemDetail unsupported(UnsupportedMediaException e) {
    return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported attachment", e.getMessage(),
        List.of(Map.of("field", "attachments", "message", e.getMessage())));
  }

  @Override
  protected ResponseEntity<Object> handleMaxUploadSizeExceededException(
      org.springframework.web.multipart.MaxUploadSizeExceededException e, HttpHeaders headers, HttpStatusCode status,
      WebRequest request) {
    String field = uploadField(request);
    String message = "A file is larger than 10 MB, or the whole upload larger than 30 MB";
    return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(problem(HttpStatus.PAYLOAD_TOO_LARGE, "Upload too large",
        message, List.of(Map.of("field", field, "message", message))));
  }

  /** A multipart body that cannot be read (a NUL in a file name, a broken boundary): the client's to fix. */
  @ExceptionHandler(org.springframework.web.multipart.MultipartException.class)
  ProblemDetail unreadableUpload(org.springframework.web.multipart.MultipartException e, WebRequest request) {
    String message = "The upload cannot be read: " + (e.getMostSpecificCause().getMessage() == null ? "malformed multipart body"
        : e.getMostSpecificCause().getMessage().replace("\0", "\\0").replaceAll("\\p{Cntrl}", "?"));
    return problem(HttpStatus.BAD_REQUEST, "Unreadable upload", message, List.of(Map.of("field", uploadField(request), "message", message)));
  }

  /** The part that carries files: a bank statement's "file", a dispute's "attachments". */
  private static String uploadField(WebRequest request) {
    String uri = request instanceof org.springframework.web.context.request.ServletWebRequest web ? web.getRequest().getRequestURI() : "";
    return uri.startsWith("/api/bank-statements") ? "file" : "attachments";
  }

  /** Two requests raced for the same unique record (the same payment twice, say): the second is a conflict. */
  @ExceptionHandler(org.springframework.dao.DuplicateKeyException.class)
  ProblemDetail duplicate(org.springframework.dao.DuplicateKeyException e) {
    return problem(HttpStatus.CONFLICT, "Conflict", "The same record was submitted twice; the first one counts", null);
  }

  /**
   * The last line of defence for a value no check caught but the database refuses as data (too long, out
   * of range, not storable: SQL state class 22): the request is refused, its transaction rolled back.
   */
  @ExceptionHandler(org.springframework.dao.DataAccessException.class)
  ResponseEntity<ProblemDetail> unstorable(org.springframework.dao.DataAccessException e,
                                           org.springframework.web.method.HandlerMethod handler) throws Exception {
    Throwable cause = e.getMostSpecificCause();
    if (cause instanceof java.sql.SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("22")) {
      String message = String.valueOf(sql.getMessage()).lines().findFirst().orElse("").replaceFirst("^ERROR: ", "");
      return ResponseEntity.unprocessableEntity().body(problem(HttpStatus.UNPROCESSABLE_ENTITY, "Invalid request",
          "A value cannot be stored: " + message, null));
    }
    return internal(e, handler);
  }

  /**
   * Anything else on the API is our fault: logged with its stack, answered as problem+json without
   * internals. A page's failure goes on to the error page.
   */
  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> internal(Exception e, org.springframework.web.method.HandlerMethod handler) throws Exception {
    if (handler == null || !handler.getBeanType().isAnnotationPresent(org.springframework.web.bind.annotation.RestController.class)) {
      throw e;
    }
    log.error("Request failed", e);
    return ResponseEntity.internalServerError().body(problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
        "Settle could not complete this request; the error is logged", null));
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
    String message = "'" + e.getValue() + "' is not a valid " + e.getName();
    return problem(HttpStatus.BAD_REQUEST, "Invalid parameter", message,
        List.of(Map.of("field", e.getName(), "message", message)));
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
        .map(f -> Map.of("field", f.getField(), "message", String.valueOf(f.getDefaultMessage())))
        .toList();
    String detail = errors.stream().map(f -> f.get("field") + " " + f.get("message"))
        .sorted().collect(Collectors.joining("; "));
    return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "Invalid request", detail, errors));
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    String detail = "Malformed request body";
    List<Map<String, String>> errors = null;
    if (e.getMostSpecificCause() instanceof StreamReadException syntax && syntax.getLocation() != null) {
      detail = "Malformed JSON at line " + syntax.getLocation().getLineNr() + ", column "
          + syntax.getLocation().getColumnNr() + ": " + withoutSource(syntax.getOriginalMessage());
    } else if (e.getCause() instanceof JsonMappingException jme && !jme.getPath().isEmpty()) {
      String field = jme.getPath().stream()
          .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
          .collect(Collectors.joining(".")).replace(".[", "[");
      String message = withoutSource(jme.getOriginalMessage());
      detail = "Malformed value for " + field + ": " + message;
      errors = List.of(Map.of("field", field, "message", message));
    }
    return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "Malformed request", detail, errors));
  }

  /**
   * Every answer the base class builds (unknown paths, a {@code ResponseStatusException} of a page, wrong methods)
   * passes here: a page request goes to the error page, with the exception's reason when it was written for people.
   */
  @Override
  protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
                                                           HttpStatusCode status, WebRequest request) {
    String forPeople = e instanceof org.springframework.web.server.ResponseStatusException rse ? rse.getReason() : null;
    try {
      return toErrorPage(request, status, forPeople) ? null : super.handleExceptionInternal(e, body, headers, status, request);
    } catch (java.io.IOException io) {
      throw new java.io.UncheckedIOException(io);
    }
  }

  /**
   * For a browser asking for a page (not the API) sends the container's error page and answers true (the response
   * is complete); otherwise false, and the caller answers with problem+json.
   */
  private static boolean toErrorPage(WebRequest request, HttpStatusCode status, String forPeople) throws java.io.IOException {
    if (request instanceof org.springframework.web.context.request.ServletWebRequest web && web.getResponse() != null
        && isPage(web.getRequest())) {
      if (forPeople != null) {
        web.getRequest().setAttribute(PERSON_DETAIL, forPeople);
      }
      web.getResponse().sendError(status.value());
      return true;
    }
    return false;
  }

  /** A person's browser asking for a page: HTML accepted, and not one of the program interfaces. */
  static boolean isPage(jakarta.servlet.http.HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    String accept = request.getHeader("Accept");
    return accept != null && accept.contains("text/html")
        && !(path.startsWith("/api/") || path.startsWith("/v3/") || path.startsWith("/actuator"));
  }

  /** Jackson appends where in the source it was; the caller knows their own body. */
  private static String withoutSource(String message) {
    int at = message.indexOf(" (for ");
    int source = message.indexOf("\n at [Source");
    int cut = at >= 0 ? at : source;
    return cut >= 0 ? message.substring(0, cut) : message;
  }

  private static ProblemDetail problem(HttpStatus status, String title, String detail, List<Map<String, String>> errors) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
    p.setTitle(title);
    p.setType(URI.create("about:blank"));
    if (errors != null) {
      p.setProperty("errors", errors);
    }
    return p;
  }
}
