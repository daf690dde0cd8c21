package settle.testdata;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole application in embedded mode: the in-memory engine, PostgreSQL and the SMTP capture.
 * Every test class using it shares one context, so one engine and one clock; tests keep apart by
 * using their own customers and mail addresses.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "settle.demo-data=false")
public @interface SettleTest {}
