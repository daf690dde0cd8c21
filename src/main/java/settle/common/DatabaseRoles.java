package settle.common;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The two database roles Settle needs: an owner that runs the Flyway migrations and owns every table, and the
 * application's role, which owns nothing (so it cannot alter a table or switch off the audit trail's triggers) and
 * may only read and insert the audit tables (V25 grants it so). On a cluster the DBA creates them; in embedded mode and
 * in tests this creates them, with a database the owner owns, on a server where we are superuser.
 */
public final class DatabaseRoles {

  public static final String OWNER = "settle_owner";
  public static final String APP = "settle_app";
  private static final String DATABASE = "settle";

  private DatabaseRoles() {}

  /**
   * Creates both roles (fresh passwords) and the database; returns the properties that point Flyway at the owner and
   * the application at its role.
   */
  public static Map<String, Object> create(DataSource superuser, String host, int port) {
    String ownerPassword = password();
    String appPassword = password();
    try (Connection c = superuser.getConnection(); Statement s = c.createStatement()) {
      s.execute("create role " + OWNER + " login password '" + ownerPassword + "'");
      s.execute("create role " + APP + " login password '" + appPassword + "'");
      s.execute("create database " + DATABASE + " owner " + OWNER);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not create Settle's database roles", e);
    }
    Map<String, Object> props = new LinkedHashMap<>();
    props.put("spring.datasource.url", "jdbc:postgresql://" + host + ":" + port + "/" + DATABASE);
    props.put("spring.datasource.username", APP);
    props.put("spring.datasource.password", appPassword);
    props.put("spring.flyway.user", OWNER);
    props.put("spring.flyway.password", ownerPassword);
    return props;
  }

  private static String password() {
    byte[] bytes = new byte[24];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
