package settle.risk.internal;

import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import settle.common.InvalidRequestException;
import settle.risk.RiskRatings;
import settle.staff.StaffDirectory;

/** The override form on the customer page; its role rule is the API's, in the security configuration. */
@Controller
class RiskPages {

  private final RiskRatings ratings;
  private final StaffDirectory staff;

  RiskPages(RiskRatings ratings, StaffDirectory staff) {
    this.ratings = ratings;
    this.staff = staff;
  }

  @PostMapping("/customers/{id}/risk-override")
  String override(@PathVariable long id, @RequestParam(required = false) String rating, @RequestParam(required = false) String reason,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validUntil,
                  RedirectAttributes flash) {
    try {
      RiskRatings.RiskView view = ratings.override(id, new RiskRatings.RatingOverride(rating, reason, validUntil), staff.signedIn());
      flash.addFlashAttribute("notice", "Rating overridden: " + words(view.rating()) + " until "
          + settle.common.Dates.day(validUntil) + ".");
    } catch (InvalidRequestException e) {
      flash.addFlashAttribute("riskOverrideError", e.getMessage());
    }
    return "redirect:/customers/" + id + "#risk";
  }

  private static String words(String rating) {
    return rating.charAt(0) + rating.substring(1).toLowerCase(java.util.Locale.ROOT) + " risk";
  }
}
