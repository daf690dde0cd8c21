package settle.testdata;

import java.math.BigDecimal;
import java.util.UUID;
import settle.customers.NewCustomer;

public final class CustomerBuilder {

  private final String tag = UUID.randomUUID().toString().substring(0, 8);
  private String name = "Customer " + tag;
  private String apEmail = "ap-" + tag + "@customer.example";
  private String ownerName = "Owner " + tag;
  private String ownerEmail = "owner-" + tag + "@northwind.example";
  private BigDecimal creditLimit = new BigDecimal("100000");
  private String currency = "EUR";
  private String riskRating = "LOW";
  private java.time.LocalDate customerSince;
  private String apContactName;
  private String apContactPhone;
  private String country;
  private String timeZone;
  private String language;

  public static CustomerBuilder aCustomer() {
    return new CustomerBuilder();
  }

  public CustomerBuilder inCurrency(String currency) {
    this.currency = currency;
    return this;
  }

  public CustomerBuilder rated(String riskRating) {
    this.riskRating = riskRating;
    return this;
  }

  public CustomerBuilder withCreditLimit(String limit) {
    this.creditLimit = new BigDecimal(limit);
    return this;
  }

  public CustomerBuilder ownedBy(String ownerName) {
    this.ownerName = ownerName;
    return this;
  }

  public CustomerBuilder ownedBy(String ownerName, String ownerEmail) {
    this.ownerName = ownerName;
    this.ownerEmail = ownerEmail;
    return this;
  }

  public CustomerBuilder since(java.time.LocalDate date) {
    this.customerSince = date;
    return this;
  }

  /** A name a person would recognise on a page; the tag keeps it unique among the tests' customers. */
  public CustomerBuilder named(String name) {
    this.name = name + " " + tag;
    return this;
  }

  /** The AP contact a collector calls, and the zone their local time is shown in. */
  public CustomerBuilder apContact(String name, String phone, String timeZone) {
    this.apContactName = name;
    this.apContactPhone = phone;
    this.timeZone = timeZone;
    return this;
  }

  /** Where the AP contact sits: ISO country code and IANA time zone (DE and Europe/Berlin unless said). */
  /** The language the AP contact reads: "de" or "en". */
  public CustomerBuilder speaking(String language) {
    this.language = language;
    return this;
  }

  public CustomerBuilder in(String country, String timeZone) {
    this.country = country;
    this.timeZone = timeZone;
    return this;
  }

  public NewCustomer build() {
    return new NewCustomer(name, apEmail, ownerName, ownerEmail, creditLimit, currency, riskRating, customerSince,
        apContactName, apContactPhone, null, null, null, country, null, timeZone, language);
  }
}
