package settle.payments.internal;

import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import settle.payments.PaymentView;
import settle.payments.Payments;
import settle.payments.RecordPayment;
import settle.staff.StaffDirectory;

@RestController
@RequestMapping("/api/payments")
class PaymentController {

  private final Payments payments;

  PaymentController(Payments payments) {
    this.payments = payments;
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  PaymentView record(@RequestBody @Valid RecordPayment payment) {
    return payments.record(payment, StaffDirectory.currentUsername());
  }
}
