package settle.orders;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;

public record NewOrder(
    @NotNull Long customerId,
    @NotEmpty @Size(max = 500) List<@Valid @NotNull Line> lines,
    @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 4) BigDecimal discountPercent,
    @NotBlank String paymentTerms,
    @Size(max = 100) String poNumber) {

  public record Line(
      @NotBlank @Size(max = 500) String description,
      @NotNull @Positive @Digits(integer = 12, fraction = 4) BigDecimal quantity,
      @NotNull @PositiveOrZero @Digits(integer = 13, fraction = 4) BigDecimal unitPrice) {}
}
