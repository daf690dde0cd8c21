package settle.customers.internal;

import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import settle.customers.AccountOwnership;
import settle.customers.ApContactChange;
import settle.customers.CustomerDirectory;
import settle.customers.CustomerView;
import settle.customers.NewCustomer;
import settle.staff.StaffDirectory;

@RestController
@RequestMapping("/api/customers")
class CustomerController {

  private final CustomerDirectory customers;
  private final AccountOwnership ownership;

  CustomerController(CustomerDirectory customers, AccountOwnership ownership) {
    this.customers = customers;
    this.ownership = ownership;
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  CustomerView open(@RequestBody @Valid NewCustomer request) {
    return customers.open(request, StaffDirectory.currentUsername());
  }

  @PostMapping("/{id}/ap-contact")
  CustomerView changeApContact(@PathVariable long id, @RequestBody @Valid ApContactChange change) {
    ownership.mustActFor(id);
    return customers.changeApContact(id, change, StaffDirectory.currentUsername());
  }

  @GetMapping("/{id}")
  CustomerView get(@PathVariable long id) {
    return customers.get(id);
  }

  @GetMapping
  List<CustomerView> all() {
    return customers.all();
  }
}
