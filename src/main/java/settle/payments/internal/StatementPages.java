package settle.payments.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import settle.common.ConflictException;
import settle.common.InvalidRequestException;
import settle.payments.BankStatements;
import settle.payments.LineStatus;
import settle.payments.StatementImport;
import settle.payments.StatementView;
import settle.payments.statements.StatementFormatException;
import settle.staff.Role;
import settle.staff.StaffDirectory;

/**
 * The cash applier's statements: every imported statement with its match rate and the flag for balances that do not
 * add up, one statement's lines, the upload form and the confirm button. The role rules for the two actions are the
 * API's, in the security configuration.
 */
@Controller
class StatementPages {

  private final BankStatements statements;
  private final StaffDirectory staff;
  private final Duration matchPatience;

  StatementPages(BankStatements statements, StaffDirectory staff,
                 @Value("${settle.cash-application.await-match:20s}") Duration matchPatience) {
    this.statements = statements;
    this.staff = staff;
    this.matchPatience = matchPatience;
  }

  @GetMapping("/statements")
  String list(Model model) {
    model.addAttribute("statements", statements.list());
    model.addAttribute("mayApplyCash", mayApplyCash());
    return "pages/statements";
  }

  @GetMapping("/statements/{id}")
  String statement(@PathVariable long id, Model model) {
    StatementView statement = statements.get(id);
    model.addAttribute("s", statement);
    model.addAttribute("title", title(statement.date(), statement.accountId()));
    model.addAttribute("mayConfirm", mayApplyCash() && !statement.reconciled() && statement.balances().confirmedBy() == null);
    return "pages/statement";
  }

  @PostMapping("/statements")
  String upload(@RequestParam("file") MultipartFile file, RedirectAttributes flash) throws IOException {
    try {
      StatementImport imported = statements.importStatement(file.getBytes(), file.getOriginalFilename(), null, null,
          staff.signedIn().username());
      StatementImport matched = statements.awaitMatched(imported, matchPatience);
      flash.addFlashAttribute("notice", said(matched));
      return matched.statements().size() == 1 ? "redirect:/statements/" + matched.id() : "redirect:/statements";
    } catch (StatementFormatException | InvalidRequestException e) {
      flash.addFlashAttribute("error", "The file was not imported, nothing was stored: " + e.getMessage());
      return "redirect:/statements";
    }
  }

  @PostMapping("/statements/{id}/confirm")
  String confirm(@PathVariable long id, RedirectAttributes flash) {
    try {
      statements.confirm(id, staff.signedIn().username());
      StatementImport matched = statements.awaitMatched(id, true, matchPatience);
      String posted = matched.matched() < matched.lines()
          ? matched.matched() + " of " + matched.lines() + " credit lines posted automatically; the others wait on the worklist."
          : matched.lines() == 1 ? "Its credit line was posted automatically."
          : "All " + matched.lines() + " credit lines posted automatically.";
      flash.addFlashAttribute("notice", "Statement confirmed. " + posted);
    } catch (ConflictException e) {
      flash.addFlashAttribute("error", e.getMessage());
    }
    return "redirect:/statements/" + id;
  }

  static String title(java.time.LocalDate date, String account) {
    return BankStatements.title(date, account);
  }

  /** What the import did, in a sentence per statement. */
  private String said(StatementImport imported) {
    String each = imported.statements().stream().map(s -> {
      StatementView view = statements.get(s.id());
      String name = title(view.date(), view.accountId());
      if (s.alreadyImported()) {
        return name + " was imported before; nothing was posted again.";
      }
      String posted = name + ": " + s.lines() + " credit line" + (s.lines() == 1 ? "" : "s") + ", " + s.matched()
          + " posted automatically (" + percent(s.matchRate()) + ").";
      return view.reconciled() ? posted
          : posted + " Its balances do not add up: nothing on it is posted until a cash applier confirms it.";
    }).collect(Collectors.joining(" "));
    int count = imported.statements().size();
    return "Imported " + count + " statement" + (count == 1 ? "" : "s") + ". " + each;
  }

  static String percent(BigDecimal rate) {
    return rate.movePointRight(2).setScale(0, java.math.RoundingMode.HALF_EVEN).toPlainString() + " %";
  }

  /** A line's status as a cash applier says it. */
  static String status(LineStatus status, boolean awaitingConfirmation) {
    return switch (status) {
      case PENDING -> awaitingConfirmation ? "Waiting for the statement to be confirmed" : "Being matched";
      case AUTO_MATCHED -> "Posted automatically";
      case SUGGESTED -> "Suggested, waiting for a cash applier";
      case UNMATCHED -> "Not matched, waiting for a cash applier";
      case MANUAL -> "Handled by a cash applier";
      case WRITTEN_OFF -> "Posted, short payment written off";
      case DEDUCTION -> "Posted, short payment opened as a deduction";
      case DUPLICATE -> "Delivered before; not posted again";
      case PAYMENT_RETURNED -> "Returned payment; its posting was reversed";
    };
  }

  /** A statement's status as a cash applier says it. */
  static String statementStatus(String status) {
    return switch (status) {
      case "MATCHED" -> "Matched; lines left wait for a cash applier";
      case "CLOSED" -> "Done: every line settled";
      case "AWAITING_CONFIRMATION" -> "Waiting for confirmation";
      default -> "Being matched";
    };
  }

  /** A matching rule in words: REFERENCE_DISCOUNT → "Reference, discount". */
  static String rule(String rule) {
    if (rule == null) {
      return "";
    }
    String words = rule.toLowerCase(Locale.ROOT).replace('_', ' ').replace(" rf", " RF");
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  private boolean mayApplyCash() {
    return staff.current().map(me -> me.has(Role.CASH_APPLIER) || me.has(Role.FINANCE_MANAGER) || me.has(Role.ADMIN))
        .orElse(false);
  }

  /** For the templates: the words above, by name. */
  @org.springframework.stereotype.Component("statementWords")
  static class Words {
    public String title(java.time.LocalDate date, String account) {
      return StatementPages.title(date, account);
    }

    public String status(LineStatus status, String statementStatus) {
      return StatementPages.status(status, "AWAITING_CONFIRMATION".equals(statementStatus));
    }

    public String statementStatus(String status) {
      return StatementPages.statementStatus(status);
    }

    public String rule(String rule) {
      return StatementPages.rule(rule);
    }

    public String percent(BigDecimal rate) {
      return rate == null ? "" : StatementPages.percent(rate);
    }

    public String money(BigDecimal amount, String currency) {
      if (amount == null) {
        return "";
      }
      return currency == null ? settle.common.Money.number(amount) : settle.common.Money.format(amount, currency);
    }
  }
}
