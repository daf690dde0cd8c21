package settle.customers.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface CustomerRepository extends JpaRepository<Customer, Long> {

  List<Customer> findByAccountOwnerEmailIgnoreCase(String accountOwnerEmail);

  /** The rating every table reads; not a person's edit of the record, so it neither bumps nor checks the version. */
  @org.springframework.data.jpa.repository.Modifying(flushAutomatically = true)
  @org.springframework.data.jpa.repository.Query("update Customer c set c.riskRating = :rating where c.id = :id and c.riskRating <> :rating")
  int rate(@org.springframework.data.repository.query.Param("id") long id, @org.springframework.data.repository.query.Param("rating") String rating);
}
