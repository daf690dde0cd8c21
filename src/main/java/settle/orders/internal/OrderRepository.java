package settle.orders.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface OrderRepository extends JpaRepository<SalesOrder, Long> {

  List<SalesOrder> findByCustomerIdOrderByIdDesc(long customerId);

  List<SalesOrder> findAllByOrderByIdDesc();

  @org.springframework.data.jpa.repository.Query("select o.id from SalesOrder o where o.customerId = :customerId")
  List<Long> idsOf(long customerId);
}
