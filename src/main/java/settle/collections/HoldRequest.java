package settle.collections;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Hold an invoice's collection steps for some days, saying why. */
public record HoldRequest(@NotNull @Min(1) @Max(90) Integer days, @NotBlank @Size(max = 500) String reason) {}
