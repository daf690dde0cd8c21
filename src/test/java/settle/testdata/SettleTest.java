package settle.testdata;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole application in embedded mode: the in-memory engine, PostgreSQL and the SMTP capture.
 * Every test class using it shares one context, so one engine and one clock; tests keep apart by
 * using their own customers and mail addresses. After every test the ledger must balance
 * ({@link LedgerBalance}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "settle.demo-data=false")
@ExtendWith(LedgerBalance.class)
public @interface SettleTest {}
