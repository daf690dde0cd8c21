package settle.customers;

import java.math.BigDecimal;
import java.time.LocalDate;

public record CustomerView(long id, String name, String apEmail, String accountOwnerName, String accountOwnerEmail,
                           BigDecimal creditLimit, String currency, String riskRating,
                           LocalDate customerSince) {}
