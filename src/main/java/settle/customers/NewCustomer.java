package settle.customers;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What sales or finance enter to open an account. The risk rating defaults to MEDIUM, the country to DE and the
 * time zone to Europe/Berlin; the rest of the address, the VAT id and the AP contact's name and phone are optional.
 */
public record NewCustomer(
    @NotBlank @Size(max = 200) String name,
    @NotBlank @Email @Size(max = 320) String apEmail,
    @NotBlank @Size(max = 200) String accountOwnerName,
    @NotBlank @Email @Size(max = 320) String accountOwnerEmail,
    @NotNull @PositiveOrZero @Digits(integer = 15, fraction = 4) BigDecimal creditLimit,
    @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR") String currency,
    @Pattern(regexp = "LOW|MEDIUM|HIGH", message = "must be LOW, MEDIUM or HIGH") String riskRating,
    LocalDate customerSince,
    @Size(max = 200) String apContactName,
    @Size(max = 40) @Pattern(regexp = "\\+?[0-9 ()/.-]{4,40}", message = "must be a phone number such as +49 30 1234567") String apContactPhone,
    @Size(max = 200) String street,
    @Size(max = 20) String postcode,
    @Size(max = 100) String city,
    @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166 country code such as DE") String country,
    @Size(max = 20) @Pattern(regexp = "[A-Z]{2}[0-9A-Za-z+*.]{2,18}", message = "must be a VAT id such as DE123456789") String vatId,
    @Size(max = 60) String timeZone,
    @Pattern(regexp = "en|de", message = "must be en or de") String apLanguage) {

  /** An account with no address or contact details beyond the AP mailbox. */
  public NewCustomer(String name, String apEmail, String accountOwnerName, String accountOwnerEmail, BigDecimal creditLimit,
                     String currency, String riskRating, LocalDate customerSince) {
    this(name, apEmail, accountOwnerName, accountOwnerEmail, creditLimit, currency, riskRating, customerSince,
        null, null, null, null, null, null, null, null, null);
  }
}
