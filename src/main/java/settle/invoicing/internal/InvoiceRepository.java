package settle.invoicing.internal;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import settle.invoicing.InvoiceStatus;

public interface InvoiceRepository extends JpaRepository<Invoice, Long> {

  Optional<Invoice> findByOrderId(long orderId);

  Optional<Invoice> findByNumber(String number);

  @Query("select distinct i from Invoice i left join fetch i.lines where i.id in :ids")
  List<Invoice> withLines(java.util.Collection<Long> ids);

  @Query("select i.id from Invoice i where i.customerId = :customerId")
  List<Long> idsOf(long customerId);

  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select i from Invoice i where i.number = :number")
  Optional<Invoice> lockByNumber(String number);

  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select i from Invoice i where i.id = :id")
  Optional<Invoice> lockById(long id);

  @Query("""
      select i from Invoice i
      where (:customerId is null or i.customerId = :customerId) and (:status is null or i.status = :status)
      order by i.id desc""")
  List<Invoice> search(Long customerId, InvoiceStatus status);
}
