package settle.customers;

import org.springframework.stereotype.Component;
import settle.common.ForbiddenException;
import settle.staff.StaffDirectory;
import settle.staff.StaffMember;

/**
 * The one ownership rule for every action on a customer's record, pages and API alike: a salesperson
 * acts only for the customers they own (see {@link StaffMember#mayActFor}); what a role may do at all is
 * the security configuration's business.
 */
@Component
public class AccountOwnership {

  private final CustomerDirectory customers;
  private final StaffDirectory staff;

  AccountOwnership(CustomerDirectory customers, StaffDirectory staff) {
    this.customers = customers;
    this.staff = staff;
  }

  /** Refuses (403) when the signed-in user may not act for this customer; an unknown customer is a 404. */
  public CustomerView mustActFor(long customerId) {
    return mustActFor(customers.get(customerId));
  }

  public CustomerView mustActFor(CustomerView customer) {
    StaffMember me = staff.signedIn();
    if (!me.mayActFor(customer.accountOwnerEmail())) {
      throw new ForbiddenException(customer.name() + " is " + customer.accountOwnerName() + "'s customer; "
          + me.displayName() + " may act only for their own customers");
    }
    return customer;
  }
}
