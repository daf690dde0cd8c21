package settle.collections;

import static org.assertj.core.api.Assertions.assertThat;
import static settle.testdata.CustomerBuilder.aCustomer;
import static settle.testdata.OrderBuilder.anOrderFor;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import settle.customers.CustomerView;
import settle.invoicing.InvoiceView;
import settle.tasks.TaskView;
import settle.testdata.CustomerBuilder;
import settle.testdata.Journeys;
import settle.testdata.SettleTest;
import settle.testdata.Staff;

/**
 * One invoice per segment, issued the same day, followed day by day for 90 days on the engine's clock:
 * which mails and tasks appear on which day (counted from the due date), to whom and from whom. Call
 * tasks are answered "no answer" and escalations "continue", as a collector and a manager would.
 */
@SettleTest
// a context of its own: it moves the clock for months, and in the shared context every other class's open invoices
// would be dunned along the way (it took 170 to 730 s there, 90 to 120 s alone)
@org.springframework.test.context.TestPropertySource(properties = "settle.test.context=collection-scenario")
class CollectionScenarioTest {

  @Autowired ApplicationContext context;

  @Test
  void eachSegmentFollowsItsOwnCadenceWithHeadsUpsADayAhead() {
    Journeys journeys = new Journeys(context);
    LocalDate today = journeys.today();
    Map<String, CustomerBuilder> builders = new LinkedHashMap<>();
    builders.put("STRATEGIC", aCustomer().rated("LOW").since(today.minusYears(3)));
    builders.put("STANDARD", aCustomer().rated("LOW"));
    builders.put("WATCH", aCustomer().rated("MEDIUM"));
    builders.put("HIGH_RISK", aCustomer().rated("HIGH"));
    Map<String, CustomerView> customers = new LinkedHashMap<>();
    Map<String, InvoiceView> invoices = new LinkedHashMap<>();
    Map<String, List<String>> timeline = new LinkedHashMap<>();
    builders.forEach((segment, builder) -> {
      CustomerView customer = journeys.customer(builder);
      customers.put(segment, customer);
      invoices.put(segment, journeys.invoiced(anOrderFor(customer.id()).worth("1000.00")));
      timeline.put(segment, new ArrayList<>());
    });
    LocalDate due = invoices.get("STANDARD").dueDate();
    Set<Object> seen = new HashSet<>();

    for (int day = 1; day <= 90; day++) {
      journeys.advanceDays(1);
      journeys.quiesce();
      long fromDue = ChronoUnit.DAYS.between(due, journeys.today());
      for (String segment : customers.keySet()) {
        CustomerView customer = customers.get(segment);
        for (MimeMessage mail : journeys.mailsTo(customer.apEmail())) {
          if (seen.add(mail)) {
            String subject = subject(mail);
            if (!subject.startsWith("Invoice ")) {
              timeline.get(segment).add(fromDue + " customer " + subject.split(":")[0] + " from " + sender(mail, customer));
            }
            if (subject.startsWith("Final notice")) {
              // the deadline in words, as the customer reads it, never "2027-03-14"
              assertThat(plainText(mail)).contains("(by " + settle.testdata.Mails.day(journeys.today().plusDays(7)) + ")")
                  .doesNotContain(journeys.today().plusDays(7).toString());
            }
          }
        }
        for (MimeMessage mail : journeys.mailsTo(customer.accountOwnerEmail())) {
          if (seen.add(mail)) {
            timeline.get(segment).add(fromDue + " owner " + subject(mail).split(":")[0]);
          }
        }
        for (TaskView task : journeys.inbox.find(null, "OPEN", "invoice:" + invoices.get(segment).id())) {
          timeline.get(segment).add(fromDue + " task " + task.taskType() + " for " + String.join(",", task.candidateGroups()));
          journeys.inbox.complete(task.id(), task.taskType().equals("escalation")
              ? Map.of("handoff", "CONTINUE", "notes", "Keep collecting") : Map.of("outcome", "NO_ANSWER"), Staff.anyone("collector"));
        }
      }
    }

    assertThat(timeline.get("STRATEGIC")).containsExactly(
        "-6 owner Heads-up", "-5 customer Upcoming from owner",
        "4 owner Heads-up", "5 customer Reminder from owner",
        "14 owner Heads-up", "15 task collector-call for collectors",
        "29 owner Heads-up", "30 customer Final notice from AR team",
        "44 owner Heads-up", "45 task escalation for collections-managers");
    assertThat(timeline.get("STANDARD")).containsExactly(
        "-1 owner Heads-up", "0 customer Due today from owner",
        "2 owner Heads-up", "3 customer Reminder from AR team",
        "14 customer Reminder from AR team",
        "20 owner Heads-up", "21 task collector-call for collectors",
        "29 owner Heads-up", "30 customer Final notice from AR team",
        "45 task escalation for collections-managers");
    assertThat(timeline.get("WATCH")).containsExactly(
        "-3 customer Upcoming from AR team",
        "0 owner Heads-up", "1 customer Reminder from AR team",
        "6 owner Heads-up", "7 task collector-call for collectors",
        "13 owner Heads-up", "14 customer Final notice from AR team",
        "21 task escalation for collections-managers");
    assertThat(timeline.get("HIGH_RISK")).containsExactly(
        "-7 customer Upcoming from AR team",
        "0 customer Due today from AR team", "0 owner Heads-up",
        "1 customer Reminder from AR team",
        "6 owner Heads-up", "7 customer Final notice from AR team",
        "10 task escalation for collections-managers");
  }

  private static String plainText(MimeMessage mail) {
    try {
      return settle.testdata.Mails.part(mail, "text/plain");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String subject(MimeMessage mail) {
    try {
      return mail.getSubject();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String sender(MimeMessage mail, CustomerView customer) {
    try {
      String personal = ((InternetAddress) mail.getFrom()[0]).getPersonal();
      return personal.equals(customer.accountOwnerName()) ? "owner" : personal.endsWith("Accounts Receivable") ? "AR team" : personal;
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
