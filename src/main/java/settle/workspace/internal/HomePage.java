package settle.workspace.internal;

import java.time.Clock;
import java.time.LocalDate;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import settle.customers.CustomerDirectory;
import settle.engine.DemoClock;
import settle.invoicing.Invoices;
import settle.orders.Orders;
import settle.tasks.Inbox;

@Controller
class HomePage {

  private final Clock clock;
  private final CustomerDirectory customers;
  private final Orders orders;
  private final Invoices invoices;
  private final Inbox inbox;

  HomePage(Clock clock, CustomerDirectory customers, Orders orders, Invoices invoices, Inbox inbox) {
    this.clock = clock;
    this.customers = customers;
    this.orders = orders;
    this.invoices = invoices;
    this.inbox = inbox;
  }

  @GetMapping("/")
  String home(Model model) {
    model.addAttribute("today", LocalDate.now(clock));
    model.addAttribute("demo", clock instanceof DemoClock);
    var all = customers.all();
    model.addAttribute("customers", all);
    model.addAttribute("names", all.stream().collect(java.util.stream.Collectors.toMap(c -> c.id(), c -> c.name())));
    model.addAttribute("orders", orders.ofCustomer(null));
    model.addAttribute("invoices", invoices.find(null, null));
    model.addAttribute("tasks", inbox.find(null, "OPEN", null));
    return "pages/home";
  }
}
