package settle.selfservice.internal;

import java.io.IOException;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import settle.common.InvalidRequestException;
import settle.common.UnsupportedMediaException;
import settle.customers.CustomerView;
import settle.payments.RemittanceAdvices;
import settle.portal.PortalAccess;
import settle.portal.PortalContact;

/** The AP contact says beforehand which invoices a payment covers; cash application then matches the payment by it. */
@Controller
class PortalRemittances {

  private final PortalAccess access;
  private final PortalPages pages;
  private final RemittanceAdvices advices;
  private final MessageSource messages;

  PortalRemittances(PortalAccess access, PortalPages pages, RemittanceAdvices advices, MessageSource messages) {
    this.access = access;
    this.pages = pages;
    this.advices = advices;
    this.messages = messages;
  }

  @GetMapping("/portal/{token}/remittances")
  String list(@PathVariable String token, Locale locale, Model model) {
    CustomerView customer = pages.page(token, locale, model, "remittances");
    model.addAttribute("advices", advices.of(customer.id()));
    return "pages/portal-remittances";
  }

  @PostMapping("/portal/{token}/remittances")
  String upload(@PathVariable String token, @RequestParam(name = "file", required = false) MultipartFile file, Locale locale,
                RedirectAttributes flash) {
    PortalContact contact = PortalPages.contactOf(access, token);
    Locale language = PortalFormat.supported(locale);
    try {
      byte[] bytes = file == null ? new byte[0] : file.getBytes();
      RemittanceAdvices.AdviceView advice = advices.upload(contact.customerId(), contact.email(), contact.actor(),
          file == null ? null : file.getOriginalFilename(), bytes);
      flash.addFlashAttribute("notice", messages.getMessage("remittance.uploaded",
          new Object[] {advice.lines().size(), new PortalFormat(language, java.time.ZoneOffset.UTC).money(advice.total(), advice.currency())}, language));
    } catch (InvalidRequestException | UnsupportedMediaException e) {
      flash.addFlashAttribute("problem", messages.getMessage("action.refused", new Object[] {e.getMessage()}, language));
    } catch (IOException e) {
      flash.addFlashAttribute("problem", messages.getMessage("action.refused", new Object[] {"the file could not be read"}, language));
    }
    return "redirect:/portal/" + token + "/remittances";
  }
}
