package settle.orders;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import settle.audit.AuditLog;
import settle.common.ConflictException;
import settle.common.ForbiddenException;
import settle.common.InvalidRequestException;
import settle.common.Money;
import settle.common.NotFoundException;
import settle.customers.CustomerDirectory;
import settle.customers.CustomerView;
import settle.engine.EngineOutbox;
import settle.orders.internal.OrderLine;
import settle.orders.internal.OrderRepository;
import settle.orders.internal.SalesOrder;

@Service
public class Orders {

  private final OrderRepository orders;
  private final CustomerDirectory customers;
  private final EngineOutbox engine;
  private final AuditLog audit;
  private final Clock clock;

  private final org.springframework.context.ApplicationEventPublisher events;

  Orders(OrderRepository orders, CustomerDirectory customers, EngineOutbox engine, AuditLog audit, Clock clock,
         org.springframework.context.ApplicationEventPublisher events) {
    this.events = events;
    this.orders = orders;
    this.customers = customers;
    this.engine = engine;
    this.audit = audit;
    this.clock = clock;
  }

  /** Records the order and starts its order-to-cash process in the same transaction. */
  @Transactional
  public OrderView place(NewOrder request, String actor) {
    CustomerView customer = customers.find(request.customerId())
        .orElseThrow(() -> new InvalidRequestException("customerId", "Customer " + request.customerId() + " does not exist"));
    PaymentTerms terms = PaymentTerms.parse(request.paymentTerms())
        .orElseThrow(() -> new InvalidRequestException("paymentTerms",
            "'" + request.paymentTerms() + "' is not a payment term such as NET30 or 2/10 NET30"));
    BigDecimal discount = request.discountPercent() == null ? BigDecimal.ZERO : request.discountPercent();
    SalesOrder order = new SalesOrder(customer.id(), customer.currency(), discount, terms.toString(),
        request.poNumber() == null || request.poNumber().isBlank() ? null : request.poNumber().strip(), clock.instant(), actor);
    int lineNo = 1;
    for (NewOrder.Line line : request.lines()) {
      order.addLine(new OrderLine(lineNo++, line.description().strip(), line.quantity(), line.unitPrice(),
          Money.of(line.quantity().multiply(line.unitPrice()))));
    }
    BigDecimal subtotal = order.getLines().stream().map(OrderLine::getAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal total = Money.of(subtotal.subtract(subtotal.multiply(discount).divide(BigDecimal.valueOf(100), 4, RoundingMode.HALF_EVEN)));
    order.price(Money.of(subtotal), total);
    orders.save(order);

    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put("orderId", order.getId());
    vars.put("customerId", customer.id());
    vars.put("orderAmount", total);
    vars.put("currency", customer.currency());
    engine.publishMessage(OrderToCash.ORDER_RECEIVED, String.valueOf(order.getId()), vars);
    OrderView view = order.view();
    audit.record(actor, "order.placed", "order:" + order.getId(), Map.of("order", view));
    events.publishEvent(new OrderPlaced(customer.id(), order.getId()));
    return view;
  }

  @Transactional(readOnly = true)
  public OrderView get(long id) {
    return orders.findById(id).map(SalesOrder::view).orElseThrow(() -> new NotFoundException("Order", id));
  }

  @Transactional(readOnly = true)
  public List<OrderView> ofCustomer(Long customerId) {
    List<SalesOrder> found = customerId == null ? orders.findAllByOrderByIdDesc() : orders.findByCustomerIdOrderByIdDesc(customerId);
    return found.stream().map(SalesOrder::view).toList();
  }

  /** What the customer's orders in these statuses and this currency add up to; one sum, no order read whole. */
  public BigDecimal total(long customerId, String currency, Set<OrderStatus> statuses) {
    return orders.totalOf(customerId, currency, statuses).setScale(2, RoundingMode.HALF_EVEN);
  }

  public List<Long> idsOf(long customerId) {
    return orders.idsOf(customerId);
  }

  /** Operations confirms delivery; the process may now invoice. */
  @Transactional
  public OrderView fulfil(long id, String actor) {
    SalesOrder order = orders.findById(id).orElseThrow(() -> new NotFoundException("Order", id));
    if (order.getStatus() != OrderStatus.APPROVED) {
      throw new ConflictException("Order " + OrderView.number(id) + " is " + order.getStatus().label().toLowerCase()
          + "; only an approved order can be marked as shipped");
    }
    order.changeStatus(OrderStatus.FULFILLED, null);
    engine.publishMessage(OrderToCash.ORDER_FULFILLED, String.valueOf(id), Map.of());
    audit.record(actor, "order.fulfilled", "order:" + id, Map.of());
    return order.view();
  }

  /** Credit releases an order held by the credit decision; never the person who placed it (four eyes). */
  @Transactional
  public OrderView releaseCreditHold(long id, String reason, String actor) {
    SalesOrder order = orders.findById(id).orElseThrow(() -> new NotFoundException("Order", id));
    if (order.getStatus() != OrderStatus.ON_HOLD) {
      throw new ConflictException("Order " + OrderView.number(id) + " is " + order.getStatus().label().toLowerCase()
          + "; only an order on credit hold can be released");
    }
    if (actor.equals(order.getPlacedBy())) {
      throw new ForbiddenException("You placed order " + OrderView.number(id)
          + ", so a colleague in credit must release its hold (four eyes)");
    }
    engine.publishMessage(OrderToCash.CREDIT_HOLD_RELEASED, String.valueOf(id), Map.of("releaseReason", reason));
    audit.record(actor, "order.credit-hold-released", "order:" + id, Map.of("reason", reason));
    return order.view();
  }

  /**
   * Puts an approved order that has not shipped on credit hold, because the customer's limit was lowered and the
   * credit decision no longer lets it through. The one step back an order may take; its process waits for credit to
   * release it, as for a hold at the credit check. Returns false, changing nothing, when the order is no longer
   * approved (shipped meanwhile, or already held): a repeated call holds once.
   */
  @Transactional
  public boolean holdForCredit(long id, String reason, String actor) {
    SalesOrder order = orders.findById(id).orElseThrow(() -> new NotFoundException("Order", id));
    if (order.getStatus() != OrderStatus.APPROVED) {
      return false;
    }
    order.changeStatus(OrderStatus.ON_HOLD, reason);
    engine.publishMessage(OrderToCash.CREDIT_HOLD_PLACED, String.valueOf(id), Map.of("statusReason", reason));
    audit.record(actor, "order.status-changed", "order:" + id, Map.of("from", OrderStatus.APPROVED, "to", OrderStatus.ON_HOLD,
        "reason", reason));
    return true;
  }

  /** Moves the order forward as its process moves; a repeated or late call changes nothing. */
  @Transactional
  public void changeStatus(long id, OrderStatus status, String reason, Long invoiceId, String actor) {
    SalesOrder order = orders.findById(id).orElseThrow(() -> new NotFoundException("Order", id));
    if (status.ordinal() <= order.getStatus().ordinal()) {
      return; // a redelivered job must not move the order back
    }
    OrderStatus from = order.getStatus();
    order.changeStatus(status, reason);
    if (invoiceId != null) {
      order.invoiced(invoiceId);
    }
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("from", from);
    details.put("to", status);
    if (reason != null) {
      details.put("reason", reason);
    }
    if (invoiceId != null) {
      details.put("invoiceId", invoiceId);
    }
    audit.record(actor, "order.status-changed", "order:" + id, details);
  }
}
