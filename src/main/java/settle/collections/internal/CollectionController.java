package settle.collections.internal;

import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import settle.collections.CollectionActions;
import settle.collections.HoldRequest;
import settle.collections.PaymentPlanRequest;
import settle.collections.PromiseRequest;
import settle.customers.AccountOwnership;
import settle.invoicing.Invoices;
import settle.staff.StaffDirectory;

@RestController
@RequestMapping("/api/invoices/{invoiceId}")
class CollectionController {

  private final CollectionActions actions;
  private final CollectionSteps steps;
  private final Invoices invoices;
  private final AccountOwnership ownership;

  CollectionController(CollectionActions actions, CollectionSteps steps, Invoices invoices, AccountOwnership ownership) {
    this.actions = actions;
    this.steps = steps;
    this.invoices = invoices;
    this.ownership = ownership;
  }

  /** A salesperson works the collection of their own customers only; collectors and managers all. */
  private void mustWork(long invoiceId) {
    ownership.mustActFor(invoices.get(invoiceId).customerId());
  }

  @PostMapping("/holds")
  @ResponseStatus(HttpStatus.CREATED)
  CollectionActions.HoldView hold(@PathVariable long invoiceId, @RequestBody @Valid HoldRequest request) {
    mustWork(invoiceId);
    return actions.hold(invoiceId, request, StaffDirectory.currentUsername());
  }

  @PostMapping("/promises")
  @ResponseStatus(HttpStatus.CREATED)
  CollectionActions.PromiseView promise(@PathVariable long invoiceId, @RequestBody @Valid PromiseRequest request) {
    mustWork(invoiceId);
    return actions.promise(invoiceId, request, StaffDirectory.currentUsername(), "api:" + java.util.UUID.randomUUID());
  }

  @PostMapping("/payment-plans")
  @ResponseStatus(HttpStatus.CREATED)
  CollectionActions.PaymentPlanView plan(@PathVariable long invoiceId, @RequestBody @Valid PaymentPlanRequest request) {
    mustWork(invoiceId);
    return actions.agreePaymentPlan(invoiceId, request, StaffDirectory.currentUsername());
  }

  /** The invoice's collection so far: each step with its day and outcome, and the promises made. */
  @GetMapping("/collection")
  Map<String, Object> collection(@PathVariable long invoiceId) {
    mustWork(invoiceId);
    List<Step> taken = steps.steps(invoiceId);
    return Map.of("steps", taken, "promises", actions.promises(invoiceId));
  }
}
