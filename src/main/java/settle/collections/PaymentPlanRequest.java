package settle.collections;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Instalments that together pay what is open, in date order. */
public record PaymentPlanRequest(@NotEmpty @Size(max = 36) List<@Valid @NotNull Instalment> instalments,
                                 @NotBlank @Size(max = 200) String agreedBy) {

  public record Instalment(@NotNull LocalDate date, @NotNull @Positive @Digits(integer = 15, fraction = 2) BigDecimal amount) {}
}
