package settle.selfservice.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.api.response.EvaluateDecisionResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import settle.audit.AuditLog;
import settle.collections.CollectionActions;
import settle.collections.PaymentPlanRequest;
import settle.collections.PromiseRequest;
import settle.common.ConflictException;
import settle.common.InvalidRequestException;
import settle.common.Money;
import settle.common.UnsupportedMediaException;
import settle.communication.MailOutbox;
import settle.communication.OutgoingMail;
import settle.customers.CustomerDirectory;
import settle.customers.CustomerView;
import settle.disputes.DisputeView;
import settle.disputes.Disputes;
import settle.disputes.Evidence;
import settle.disputes.RaiseDispute;
import settle.disputes.ReasonCode;
import settle.engine.EngineCommands;
import settle.history.DecisionLineage;
import settle.invoicing.InvoiceView;
import settle.invoicing.Invoices;
import settle.payments.ShortPayQueries;
import settle.portal.PortalAccess;
import settle.portal.PortalContact;

/**
 * What the AP contact can do in the portal: dispute an invoice, promise a date, propose a plan. Each goes through the
 * same service as a collector's action — so the running collection hears of it at once — with the contact as actor,
 * and the account owner is told by mail. A refused request changes nothing and says why on the invoice page.
 */
@Controller
class PortalActions {

  /** The reasons a customer can give; a short payment is opened by cash application, not by the customer. */
  static final List<ReasonCode> CUSTOMER_REASONS = java.util.Arrays.stream(ReasonCode.values())
      .filter(r -> r != ReasonCode.SHORT_PAYMENT).toList();

  static final String PAYMENT_PLAN_POLICY = "payment-plan-policy";

  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private final PortalAccess access;
  private final CustomerDirectory customers;
  private final Invoices invoices;
  private final Disputes disputes;
  private final CollectionActions collections;
  private final EngineCommands engine;
  private final DecisionLineage lineage;
  private final AuditLog audit;
  private final MailOutbox mail;
  private final JdbcTemplate jdbc;
  private final ObjectMapper json;
  private final TransactionTemplate transaction;
  private final MessageSource messages;
  private final Clock clock;
  private final String publicUrl;
  private final settle.invoicing.InvoiceReissue reissue;
  private final ShortPayQueries shortPays;

  PortalActions(PortalAccess access, CustomerDirectory customers, Invoices invoices, Disputes disputes,
                CollectionActions collections, EngineCommands engine, DecisionLineage lineage, AuditLog audit, MailOutbox mail,
                JdbcTemplate jdbc, ObjectMapper json, TransactionTemplate transaction, MessageSource messages, Clock clock,
                @Value("${settle.public-url}") String publicUrl, settle.invoicing.InvoiceReissue reissue, ShortPayQueries shortPays) {
    this.reissue = reissue;
    this.shortPays = shortPays;
    this.access = access;
    this.customers = customers;
    this.invoices = invoices;
    this.disputes = disputes;
    this.collections = collections;
    this.engine = engine;
    this.lineage = lineage;
    this.audit = audit;
    this.mail = mail;
    this.jdbc = jdbc;
    this.json = json;
    this.transaction = transaction;
    this.messages = messages;
    this.clock = clock;
    this.publicUrl = publicUrl;
  }

  @PostMapping("/portal/{token}/invoices/{invoiceId}/disputes")
  String dispute(@PathVariable String token, @PathVariable long invoiceId, @RequestParam(defaultValue = "") String reasonCode,
                 @RequestParam(defaultValue = "") String amount, @RequestParam(defaultValue = "") String description,
                 @RequestParam(name = "files", required = false) List<MultipartFile> files, Locale locale, RedirectAttributes flash) {
    PortalContact contact = PortalPages.contactOf(access, token);
    InvoiceView invoice = invoiceOf(contact, invoiceId);
    return act(token, invoiceId, locale, flash, () -> {
      ReasonCode reason = CUSTOMER_REASONS.stream().filter(r -> r.name().equals(reasonCode)).findFirst()
          .orElseThrow(() -> new InvalidRequestException("reasonCode", "Choose a reason"));
      if (description.isBlank()) {
        throw new InvalidRequestException("description", "Say what is wrong");
      }
      List<Evidence> evidence = new ArrayList<>();
      for (MultipartFile file : files == null ? List.<MultipartFile>of() : files) {
        if (!file.isEmpty()) {
          evidence.add(new Evidence(file.getOriginalFilename(), bytes(file)));
        }
      }
      RaiseDispute request = new RaiseDispute(reason, amount(amount, "amount"), description.strip(), contact.email(),
          contact.customerId());
      Disputes.Routing routing = disputes.route(invoice.id(), request);
      DisputeView raised = transaction.execute(s -> {
        DisputeView d = disputes.raise(invoice.id(), request, evidence, contact.actor(), routing);
        tellOwner(contact, invoice, "dispute:" + d.id(), "disputed " + Money.format(d.amount(), d.currency()) + " ("
            + reason.name().replace('_', ' ').toLowerCase(Locale.ROOT) + "): " + d.description());
        return d;
      });
      return text("action.disputed", locale, invoice.number());
    });
  }

  @PostMapping("/portal/{token}/invoices/{invoiceId}/promise")
  String promise(@PathVariable String token, @PathVariable long invoiceId, @RequestParam(defaultValue = "") String date,
                 @RequestParam(defaultValue = "") String amount, Locale locale, RedirectAttributes flash) {
    PortalContact contact = PortalPages.contactOf(access, token);
    InvoiceView invoice = invoiceOf(contact, invoiceId);
    return act(token, invoiceId, locale, flash, () -> {
      LocalDate day = date(date, "date");
      BigDecimal promised = amount(amount, "amount");
      transaction.executeWithoutResult(s -> {
        // the same promise sent twice on a day (a double click, a reload) is recorded once
        CollectionActions.PromiseView p = collections.promise(invoice.id(), new PromiseRequest(day, promised, contact.email(), "PORTAL"),
            contact.actor(), "portal:" + invoice.id() + ":" + day + ":" + promised + ":" + LocalDate.now(clock));
        tellOwner(contact, invoice, "promise:" + p.id(), "promised to pay " + Money.format(promised, invoice.currency()) + " by " + day);
      });
      return text("action.promised", locale, invoice.number());
    });
  }

  /** The plan is decided by dmn/payment-plan-policy.dmn: agreed at once, sent to a collector, or refused with the table's reason. */
  @PostMapping("/portal/{token}/invoices/{invoiceId}/plan")
  String plan(@PathVariable String token, @PathVariable long invoiceId, @RequestParam(name = "date", required = false) List<String> dates,
              @RequestParam(name = "amount", required = false) List<String> amounts, Locale locale, RedirectAttributes flash) {
    PortalContact contact = PortalPages.contactOf(access, token);
    InvoiceView invoice = invoiceOf(contact, invoiceId);
    return act(token, invoiceId, locale, flash, () -> {
      List<PaymentPlanRequest.Instalment> instalments = instalments(dates, amounts);
      CustomerView customer = customers.get(contact.customerId());
      LocalDate today = LocalDate.now(clock);
      long longestGap = 0;
      LocalDate previous = today;
      BigDecimal total = BigDecimal.ZERO;
      for (PaymentPlanRequest.Instalment i : instalments) {
        if (i.date().isBefore(previous)) {
          throw new InvalidRequestException("instalments", "Instalment dates must be today or later and in order");
        }
        longestGap = Math.max(longestGap, ChronoUnit.DAYS.between(previous, i.date()));
        previous = i.date();
        total = total.add(i.amount());
      }
      if (Money.of(total).compareTo(invoice.openAmount()) != 0) {
        throw new InvalidRequestException("instalments", "The instalments add up to " + Money.format(total, invoice.currency())
            + " but " + Money.format(invoice.openAmount(), invoice.currency()) + " is open");
      }
      Map<String, Object> segmentation = decide("customer-segmentation", disputes.segmentationInputs(customer).asVariables(), null);
      Map<String, Object> inputs = new LinkedHashMap<>();
      inputs.put("segment", segmentation.get("segment"));
      inputs.put("amount", Money.of(total));
      inputs.put("instalments", instalments.size());
      inputs.put("longestGapDays", longestGap);
      String subject = "invoice:" + invoice.id();
      Map<String, Object> answer = decide(PAYMENT_PLAN_POLICY, inputs, subject);
      String decision = String.valueOf(answer.get("decision"));
      String reason = String.valueOf(answer.get("reason"));
      BigDecimal planned = Money.of(total);
      transaction.executeWithoutResult(s -> {
        Long planId = null;
        if (decision.equals("ACCEPT")) {
          // the same checks as a collector's plan: dates in order from today, adding up to what is open
          planId = collections.agreePaymentPlan(invoice.id(), new PaymentPlanRequest(instalments, contact.email()), contact.actor()).id();
        }
        List<Map<String, Object>> rows = instalments.stream().map(i -> Map.<String, Object>of("date", i.date().toString(),
            "amount", Money.of(i.amount()))).toList();
        Long id = jdbc.queryForObject("""
                insert into portal_plan_proposal(invoice_id, customer_id, contact_email, instalments, decision, reason, plan_id, created_at)
                values (?, ?, ?, cast(? as jsonb), ?, ?, ?, ?) returning id""", Long.class, invoice.id(), customer.id(), contact.email(),
            write(rows), decision, reason, planId, Timestamp.from(clock.instant()));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("proposalId", id);
        details.put("decision", decision);
        details.put("reason", reason);
        details.put("instalments", rows);
        audit.record(contact.actor(), "collections.payment-plan-proposed", subject, details);
        tellOwner(contact, invoice, "plan-proposal:" + id, "proposed a payment plan of " + instalments.size() + " instalments"
            + " (" + Money.format(planned, invoice.currency()) + "); the policy says: " + reason
            + (decision.equals("COLLECTOR") ? ". A collector decides it: agree it through the payment-plan API if it works for us." : "."));
      });
      return text("action.plan." + decision, locale, reason);
    });
  }

  /** The invoice is re-issued with the PO the contact gives: same number, next revision, the new PDF mailed to them. */
  @PostMapping("/portal/{token}/invoices/{invoiceId}/po")
  String correctPo(@PathVariable String token, @PathVariable long invoiceId, @RequestParam(defaultValue = "") String poNumber,
                   Locale locale, RedirectAttributes flash) {
    PortalContact contact = PortalPages.contactOf(access, token);
    InvoiceView invoice = invoiceOf(contact, invoiceId);
    return act(token, invoiceId, locale, flash, () -> {
      InvoiceView reissued = reissue.correctPo(invoice.id(), poNumber, contact.actor());
      return text("action.reissued", locale, reissued.printedNumber(), reissued.poNumber(), contact.email());
    });
  }

  /** The contact's answer to a short-pay query: the difference is owed (it stays open), or explained (a deduction dispute). */
  @PostMapping("/portal/{token}/short-pays/{lineId}")
  String answerShortPay(@PathVariable String token, @PathVariable long lineId, @RequestParam(defaultValue = "") String answer,
                        @RequestParam(defaultValue = "") String explanation, Locale locale, RedirectAttributes flash) {
    PortalContact contact = PortalPages.contactOf(access, token);
    ShortPayQueries.Query query = shortPays.of(contact.customerId(), lineId).orElseThrow(PortalLinkProblems.InvalidLink::new);
    InvoiceView invoice = invoiceOf(contact, query.invoiceId());
    String difference = new PortalFormat(PortalFormat.supported(locale), java.time.ZoneOffset.UTC).money(query.difference(), query.currency());
    return act(token, invoice.id(), locale, flash, () -> {
      if (answer.equals("accept")) {
        transaction.executeWithoutResult(s -> {
          shortPays.accept(contact.customerId(), lineId, contact.email(), contact.actor());
          tellOwner(contact, invoice, "short-pay:" + lineId, "accepted that " + Money.format(query.difference(), query.currency())
              + " of a short payment is still owed; it stays open and the reminders ask for it.");
        });
        return text("action.shortPay.accepted", locale, difference, invoice.number());
      }
      if (answer.equals("explain")) {
        Disputes.Routing routing = shortPays.route(contact.customerId(), lineId, explanation, contact.email());
        transaction.executeWithoutResult(s -> {
          DisputeView d = shortPays.explain(contact.customerId(), lineId, explanation, contact.email(), contact.actor(), routing);
          tellOwner(contact, invoice, "dispute:" + d.id(), "explained a short payment of " + Money.format(d.amount(), d.currency())
              + ": " + d.description());
        });
        return text("action.shortPay.explained", locale, difference, invoice.number());
      }
      throw new InvalidRequestException("answer", text("shortPay.choose", locale));
    });
  }

  private interface Action {
    String run();
  }

  /** Runs the action; what is refused goes back to the invoice page in words, nothing stored. */
  private String act(String token, long invoiceId, Locale locale, RedirectAttributes flash, Action action) {
    try {
      flash.addFlashAttribute("notice", action.run());
    } catch (InvalidRequestException | ConflictException | UnsupportedMediaException e) {
      flash.addFlashAttribute("problem", text("action.refused", locale, e.getMessage()));
    }
    return "redirect:/portal/" + token + "/invoices/" + invoiceId;
  }

  private InvoiceView invoiceOf(PortalContact contact, long invoiceId) {
    return invoices.get(List.of(invoiceId)).values().stream().filter(i -> i.customerId() == contact.customerId()).findFirst()
        .orElseThrow(PortalLinkProblems.InvalidLink::new);
  }

  private void tellOwner(PortalContact contact, InvoiceView invoice, String what, String sentence) {
    CustomerView customer = customers.get(contact.customerId());
    mail.enqueue(new OutgoingMail("portal-action:" + what, mail.arTeamName(), customer.accountOwnerEmail(),
        customer.name() + " " + sentence.substring(0, sentence.indexOf(' ')) + " on invoice " + invoice.number() + " in the portal",
        "portal-action", Map.of("ownerName", customer.accountOwnerName(), "customerName", customer.name(), "contact", contact.email(),
            "invoiceNumber", invoice.number(), "sentence", sentence, "customerUrl", publicUrl + "/customers/" + customer.id()),
        List.of(), "invoice:" + invoice.id()));
  }

  private Map<String, Object> decide(String decisionId, Map<String, Object> inputs, String subject) {
    EvaluateDecisionResponse response = engine.evaluateDecision(decisionId, inputs);
    try {
      Map<String, Object> output = json.readValue(response.getDecisionOutput(), MAP);
      if (output == null) {
        throw new IllegalStateException("No row of " + decisionId + " matched");
      }
      if (subject != null) {
        audit.record("system:" + decisionId, "decision." + decisionId, subject, Map.of("decision", lineage.of(response).asDetails(),
            "inputs", inputs, "output", output));
      }
      return output;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<PaymentPlanRequest.Instalment> instalments(List<String> dates, List<String> amounts) {
    List<PaymentPlanRequest.Instalment> found = new ArrayList<>();
    int rows = Math.max(dates == null ? 0 : dates.size(), amounts == null ? 0 : amounts.size());
    for (int i = 0; i < rows; i++) {
      String date = dates != null && i < dates.size() ? dates.get(i) : "";
      String amount = amounts != null && i < amounts.size() ? amounts.get(i) : "";
      if (date.isBlank() && amount.isBlank()) {
        continue; // an unused row of the form
      }
      found.add(new PaymentPlanRequest.Instalment(date(date, "instalments[" + i + "].date"), amount(amount, "instalments[" + i + "].amount")));
    }
    if (found.isEmpty()) {
      throw new InvalidRequestException("instalments", "Give at least one instalment with a date and an amount");
    }
    return found;
  }

  /** An amount as people type it: "1200", "1,200.50" or "1.200,50". */
  static BigDecimal amount(String text, String field) {
    String t = text.strip().replace(" ", "");
    int comma = t.lastIndexOf(','), dot = t.lastIndexOf('.');
    String plain = comma > dot ? t.replace(".", "").replace(',', '.') : t.replace(",", "");
    try {
      BigDecimal value = new BigDecimal(plain);
      if (value.signum() <= 0 || value.scale() > 2) {
        throw new InvalidRequestException(field, "'" + text + "' is not an amount more than 0 with at most two decimals");
      }
      return Money.of(value);
    } catch (NumberFormatException e) {
      throw new InvalidRequestException(field, "'" + text + "' is not an amount");
    }
  }

  private static LocalDate date(String text, String field) {
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw new InvalidRequestException(field, "'" + text + "' is not a date");
    }
  }

  private static byte[] bytes(MultipartFile file) {
    try {
      return file.getBytes();
    } catch (IOException e) {
      throw new InvalidRequestException("files", "The file " + file.getOriginalFilename() + " could not be read");
    }
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private String text(String key, Locale locale, Object... args) {
    return messages.getMessage(key, args, PortalFormat.supported(locale));
  }
}
