package settle.selfservice.internal;

import java.util.List;
import org.springframework.stereotype.Controller;
import settle.disputes.ReasonCode;

/** What the AP contact can do in the portal; each action is recorded with the contact as actor. */
@Controller
class PortalActions {

  /** The reasons a customer can give; a short payment is opened by cash application, not by the customer. */
  static final List<ReasonCode> CUSTOMER_REASONS = java.util.Arrays.stream(ReasonCode.values())
      .filter(r -> r != ReasonCode.SHORT_PAYMENT).toList();
}
