package settle.orders.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import settle.customers.AccountOwnership;
import settle.customers.CustomerDirectory;
import settle.orders.NewOrder;
import settle.orders.OrderView;
import settle.orders.Orders;
import settle.staff.StaffDirectory;

@RestController
@RequestMapping("/api/orders")
class OrderController {

  private final Orders orders;
  private final AccountOwnership ownership;
  private final CustomerDirectory customers;

  OrderController(Orders orders, AccountOwnership ownership, CustomerDirectory customers) {
    this.orders = orders;
    this.ownership = ownership;
    this.customers = customers;
  }

  record Release(@NotBlank String reason) {}

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  OrderView place(@RequestBody @Valid NewOrder request) {
    // an unknown customer is refused by Orders.place, naming the field
    customers.find(request.customerId()).ifPresent(ownership::mustActFor);
    return orders.place(request, StaffDirectory.currentUsername());
  }

  @GetMapping("/{id}")
  OrderView get(@PathVariable long id) {
    return orders.get(id);
  }

  @GetMapping
  List<OrderView> list(@RequestParam(required = false) Long customerId) {
    return orders.ofCustomer(customerId);
  }

  @PostMapping("/{id}/fulfilment")
  OrderView fulfil(@PathVariable long id) {
    ownership.mustActFor(orders.get(id).customerId());
    return orders.fulfil(id, StaffDirectory.currentUsername());
  }

  @PostMapping("/{id}/credit-release")
  OrderView release(@PathVariable long id, @RequestBody @Valid Release request) {
    ownership.mustActFor(orders.get(id).customerId());
    return orders.releaseCreditHold(id, request.reason(), StaffDirectory.currentUsername());
  }
}
