package settle.matching;

import java.util.Objects;
import java.util.Set;

/** A known customer as a payer: its name and the accounts learned from earlier confirmed matches. */
public record Payer(long customerId, String name, Set<String> accounts) {

  public Payer {
    Objects.requireNonNull(name, "name");
    accounts = accounts == null ? Set.of() : Set.copyOf(accounts);
  }
}
