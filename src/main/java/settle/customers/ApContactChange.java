package settle.customers;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The customer's accounts-payable address, corrected after a collector found it wrong. */
public record ApContactChange(@NotBlank @Email @Size(max = 320) String apEmail) {}
