package settle.payments.gateway;

import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where the provider sends its events. No sign-in: the signature is the authority, checked over the raw bytes before
 * anything is read from them. 2xx tells the provider to stop retrying, so a duplicate is acknowledged too; 400 means
 * the delivery is not believed and nothing was done.
 */
@RestController
class WebhookEndpoint {

  static final String PATH = "/webhooks/payment-gateway";

  private final GatewayPayments payments;

  WebhookEndpoint(GatewayPayments payments) {
    this.payments = payments;
  }

  @PostMapping(PATH)
  Map<String, java.util.List<String>> receive(@RequestHeader HttpHeaders headers, @RequestBody(required = false) byte[] body) {
    return Map.of("received", payments.receive(headers, body == null ? new byte[0] : body).stream()
        .map(o -> o.name().toLowerCase(java.util.Locale.ROOT)).toList());
  }

  @ExceptionHandler(InvalidWebhookException.class)
  ResponseEntity<ProblemDetail> refused(InvalidWebhookException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    problem.setTitle("Webhook refused");
    problem.setProperty("errors", java.util.List.of(Map.of("field", e.field(), "message", e.getMessage())));
    return ResponseEntity.badRequest().contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }
}
