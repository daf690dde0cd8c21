package settle.risk;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;

/** Sales' question before a deal, and Settle's answer; asking creates nothing. */
public final class CreditCheck {

  private CreditCheck() {}

  /**
   * An existing customer ({@code customerId}) or a prospective one ({@code prospect}), exactly one of them; the deal's
   * amount in {@code currency} and its payment terms (NET30, 2/10 NET30).
   */
  public record Request(Long customerId, @Valid Prospect prospect,
                        @NotNull @Positive @Digits(integer = 15, fraction = 4) BigDecimal amount,
                        @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR") String currency,
                        @NotBlank @Size(max = 40) String paymentTerms) {}

  /**
   * What sales knows of a company that is not a customer yet: the credit limit it would be opened with, and how much it
   * expects to buy a month.
   */
  public record Prospect(@NotBlank @Size(max = 200) String name,
                         @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166 country code such as DE") String country,
                         @PositiveOrZero @Digits(integer = 15, fraction = 4) BigDecimal expectedMonthlyVolume,
                         @NotNull @PositiveOrZero @Digits(integer = 15, fraction = 4) BigDecimal creditLimit) {}

  /** One reason behind the rating, in words, with the points the scorecard gave it. */
  public record Driver(String feature, String band, BigDecimal points) {}

  /**
   * {@code decision} APPROVE, REVIEW or HOLD with its {@code reason} (dmn/credit-decision.dmn); {@code limitHeadroom}: the
   * credit limit less what the customer could already owe, before this deal; {@code rating}: the rating the decision read,
   * {@code computedRating} the scorecard's, with its drivers.
   */
  public record Answer(String customer, String decision, String reason, BigDecimal creditLimit, BigDecimal limitHeadroom,
                       String currency, BigDecimal exposureAfterDeal, String rating, String ratingSource,
                       String computedRating, BigDecimal score, List<Driver> drivers) {}
}
