package settle.orders.internal;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import settle.orders.OrderStatus;

public interface OrderRepository extends JpaRepository<SalesOrder, Long> {

  List<SalesOrder> findByCustomerIdOrderByIdDesc(long customerId);

  List<SalesOrder> findAllByOrderByIdDesc();

  @Query("select o.id from SalesOrder o where o.customerId = :customerId")
  List<Long> idsOf(long customerId);

  @Query("""
      select coalesce(sum(o.total), 0) from SalesOrder o
      where o.customerId = :customerId and o.currency = :currency and o.status in :statuses""")
  BigDecimal totalOf(long customerId, String currency, Collection<OrderStatus> statuses);
}
