package settle.workspace.internal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import settle.collections.CollectionActions;
import settle.collections.HoldRequest;
import settle.common.ForbiddenException;
import settle.common.InvalidRequestException;
import settle.staff.StaffDirectory;
import settle.staff.StaffMember;

@Controller
class ChasingPage {

  private final Chasing chasing;
  private final CollectionActions collections;
  private final StaffDirectory staff;

  ChasingPage(Chasing chasing, CollectionActions collections, StaffDirectory staff) {
    this.chasing = chasing;
    this.collections = collections;
    this.staff = staff;
  }

  @GetMapping("/chasing")
  String page(Model model) {
    model.addAttribute("steps", chasing.nextWeekFor(staff.signedIn()));
    return "pages/chasing";
  }

  /** One click: hold the invoice's reminders; only for an invoice the user may see on this page. */
  @PostMapping("/chasing/hold")
  String hold(@RequestParam long invoiceId, @RequestParam(defaultValue = "7") int days,
              @RequestParam(defaultValue = "") String reason, RedirectAttributes flash) {
    StaffMember me = staff.signedIn();
    if (days != 7 && days != 14 && days != 30) {
      throw new InvalidRequestException("days", "days must be 7, 14 or 30");
    }
    if (reason.length() > 500) {
      throw new InvalidRequestException("reason", "reason must be at most 500 characters");
    }
    if (!chasing.isChasedForNextWeek(me, invoiceId)) {
      throw new ForbiddenException("Invoice " + invoiceId + " has no upcoming step of a customer of yours");
    }
    String why = reason.isBlank() ? "Held by " + me.displayName() + " from the chasing page" : reason;
    var hold = collections.hold(invoiceId, new HoldRequest(days, why), me.username());
    flash.addFlashAttribute("notice", "Held until " + settle.common.Dates.day(hold.heldUntil()) + ": nothing goes to the customer about it before then.");
    return "redirect:/chasing";
  }

}
