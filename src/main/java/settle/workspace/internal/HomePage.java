package settle.workspace.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import settle.collections.CollectionActions;
import settle.disputes.Disputes;
import settle.invoicing.Invoices;
import settle.invoicing.Invoices.AgingBucket;
import settle.payments.CustomerCredit;
import settle.tasks.Inbox;

/** The dashboard: receivables and their age, the work waiting, open disputes and this week's promises. */
@Controller
class HomePage {

  private final Clock clock;
  private final Invoices invoices;
  private final Inbox inbox;
  private final Disputes disputes;
  private final CollectionActions collections;
  private final ObjectMapper json;
  private final CustomerCredit credit;

  HomePage(Clock clock, Invoices invoices, Inbox inbox, Disputes disputes, CollectionActions collections, ObjectMapper json,
           CustomerCredit credit) {
    this.credit = credit;
    this.clock = clock;
    this.invoices = invoices;
    this.inbox = inbox;
    this.disputes = disputes;
    this.collections = collections;
    this.json = json;
  }

  @GetMapping("/")
  String dashboard(@RequestParam(required = false) String currency, Model model) throws JsonProcessingException {
    LocalDate today = LocalDate.now(clock);
    // amounts in different currencies are never added up: one currency at a time, the most used first
    List<String> currencies = invoices.openCurrencies();
    String shown = currency != null && currencies.contains(currency) ? currency : currencies.isEmpty() ? "EUR" : currencies.getFirst();
    model.addAttribute("currency", shown);
    model.addAttribute("currencies", currencies);
    List<AgingBucket> aging = invoices.aging(today, shown);
    BigDecimal open = aging.stream().map(AgingBucket::openAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal overdue = aging.stream().skip(1).map(AgingBucket::openAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
    var waiting = inbox.waitingByGroup();
    model.addAttribute("openAr", open);
    model.addAttribute("overdueAr", overdue);
    model.addAttribute("creditHeld", credit.totals().stream().filter(b -> b.currency().equals(shown)).map(CustomerCredit.Balance::amount)
        .findFirst().orElse(BigDecimal.ZERO.setScale(2)));
    model.addAttribute("aging", aging);
    model.addAttribute("waiting", waiting);
    model.addAttribute("disputes", disputes.openByTeam());
    model.addAttribute("promises", collections.promisesDue(today, today.plusDays(7)));
    model.addAttribute("agingChart", json.writeValueAsString(Map.of(
        "labels", aging.stream().map(AgingBucket::bucket).toList(),
        "values", aging.stream().map(AgingBucket::openAmount).toList())));
    model.addAttribute("waitingChart", json.writeValueAsString(Map.of(
        "labels", waiting.stream().map(Inbox.Waiting::group).toList(),
        "fresh", waiting.stream().map(Inbox.Waiting::underADay).toList(),
        "mid", waiting.stream().map(Inbox.Waiting::oneToThreeDays).toList(),
        "old", waiting.stream().map(Inbox.Waiting::overThreeDays).toList())));
    return "pages/home";
  }
}
