package settle.disputes;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** A dispute as the customer, a collector or sales raises it; {@code customerId}, when given, must own the invoice. */
public record RaiseDispute(@NotNull ReasonCode reasonCode, @NotNull @Positive @Digits(integer = 15, fraction = 2) BigDecimal amount,
                           @NotBlank @Size(max = 4000) String description, @NotBlank @Size(max = 200) String raisedBy,
                           Long customerId) {}
