package settle.collections;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;

/** The customer promised to pay {@code amount} by {@code date}; {@code channel} is how (PHONE, EMAIL, PORTAL…). */
public record PromiseRequest(@NotNull LocalDate date, @NotNull @Positive @Digits(integer = 15, fraction = 2) BigDecimal amount,
                             @NotBlank @Size(max = 200) String takenBy, @NotBlank @Size(max = 40) String channel) {}
