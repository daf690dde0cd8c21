package settle.customers.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import settle.common.Money;
import settle.customers.CustomerView;

@Entity
public class Customer {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  private String name;
  private String apEmail;
  private String accountOwnerName;
  private String accountOwnerEmail;
  private BigDecimal creditLimit;
  private String currency;
  private String riskRating;
  private LocalDate customerSince;
  private String apContactName;
  private String apContactPhone;
  private String street;
  private String postcode;
  private String city;
  private String country;
  private String vatId;
  private String timeZone;
  private String apLanguage;
  private Instant createdAt;
  @Version
  private long version;

  protected Customer() {}

  public Customer(String name, String apEmail, String accountOwnerName, String accountOwnerEmail,
                  BigDecimal creditLimit, String currency, String riskRating, LocalDate customerSince,
                  Instant createdAt) {
    this(name, apEmail, accountOwnerName, accountOwnerEmail, creditLimit, currency, riskRating, customerSince, null, null,
        null, null, null, "DE", null, "Europe/Berlin", null, createdAt);
  }

  public Customer(String name, String apEmail, String accountOwnerName, String accountOwnerEmail,
                  BigDecimal creditLimit, String currency, String riskRating, LocalDate customerSince,
                  String apContactName, String apContactPhone, String street, String postcode, String city,
                  String country, String vatId, String timeZone, String apLanguage, Instant createdAt) {
    this.apContactName = apContactName;
    this.apContactPhone = apContactPhone;
    this.street = street;
    this.postcode = postcode;
    this.city = city;
    this.country = country;
    this.vatId = vatId;
    this.timeZone = timeZone;
    this.apLanguage = apLanguage;
    this.name = name;
    this.apEmail = apEmail;
    this.accountOwnerName = accountOwnerName;
    this.accountOwnerEmail = accountOwnerEmail;
    this.creditLimit = creditLimit;
    this.currency = currency;
    this.riskRating = riskRating;
    this.customerSince = customerSince;
    this.createdAt = createdAt;
  }

  public void changeCreditLimit(BigDecimal creditLimit) {
    this.creditLimit = creditLimit;
  }

  public void changeApEmail(String apEmail) {
    this.apEmail = apEmail;
  }

  public Long getId() {
    return id;
  }

  public CustomerView view() {
    return new CustomerView(id, name, apEmail, accountOwnerName, accountOwnerEmail,
        Money.of(creditLimit), currency, riskRating, customerSince, apContactName, apContactPhone, street, postcode,
        city, country, vatId, timeZone, apLanguage);
  }
}
