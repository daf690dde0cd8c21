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

/** What sales or finance enter to open an account. The risk rating defaults to MEDIUM. */
public record NewCustomer(
    @NotBlank @Size(max = 200) String name,
    @NotBlank @Email @Size(max = 320) String apEmail,
    @NotBlank @Size(max = 200) String accountOwnerName,
    @NotBlank @Email @Size(max = 320) String accountOwnerEmail,
    @NotNull @PositiveOrZero @Digits(integer = 15, fraction = 4) BigDecimal creditLimit,
    @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR") String currency,
    @Pattern(regexp = "LOW|MEDIUM|HIGH", message = "must be LOW, MEDIUM or HIGH") String riskRating,
    LocalDate customerSince) {}
