package settle.payments;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;

public record RecordPayment(
    @NotBlank @Size(max = 40) String invoiceNumber,
    @NotNull @Positive @Digits(integer = 15, fraction = 2) BigDecimal amount,
    @NotNull LocalDate valueDate,
    @NotBlank @Size(max = 200) String reference,
    @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR") String currency) {}
