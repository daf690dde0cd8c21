package settle.orders.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface OrderRepository extends JpaRepository<SalesOrder, Long> {

  List<SalesOrder> findByCustomerIdOrderByIdDesc(long customerId);

  List<SalesOrder> findAllByOrderByIdDesc();

  @org.springframework.data.jpa.repository.Query("select o.id from SalesOrder o where o.customerId = :customerId")
  List<Long> idsOf(long customerId);

  @org.springframework.data.jpa.repository.Query("""
      select coalesce(sum(o.total), 0) from SalesOrder o
      where o.customerId = :customerId and o.currency = :currency and o.status in :statuses""")
  java.math.BigDecimal totalOf(long customerId, String currency, java.util.Collection<settle.orders.OrderStatus> statuses);
}
