package settle.payments.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import settle.payments.CustomerCredit;
import settle.staff.StaffDirectory;

/** A customer's credit balance: read it, apply it to their open invoices, refund it. */
@RestController
@RequestMapping("/api/customers/{customerId}/credit")
class CustomerCreditController {

  private final CustomerCredit credit;

  CustomerCreditController(CustomerCredit credit) {
    this.credit = credit;
  }

  record NewRefund(@NotNull @Positive @Digits(integer = 15, fraction = 2) BigDecimal amount,
                   @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR") String currency,
                   @NotBlank @Size(max = 150) String reference) {}

  @GetMapping
  List<CustomerCredit.Balance> balances(@PathVariable long customerId) {
    return credit.balances(customerId);
  }

  @PostMapping("/apply")
  CustomerCredit.Applied apply(@PathVariable long customerId) {
    return credit.apply(customerId, StaffDirectory.currentUsername());
  }

  @PostMapping("/refunds")
  CustomerCredit.Refund refund(@PathVariable long customerId, @RequestBody @Valid NewRefund refund) {
    return credit.refund(customerId, refund.amount(), refund.currency(), refund.reference().strip(),
        StaffDirectory.currentUsername());
  }
}
