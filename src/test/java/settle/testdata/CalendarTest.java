package settle.testdata;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole application in embedded mode with the business calendar as shipped (weekends, public holidays, the
 * 09:00 send hour): a context of its own, shared by the classes that prove days and hours, whose clock they move
 * to the days they need.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"settle.demo-data=false",
    "settle.calendar.closing-days=2026-12-31"})
@ExtendWith(LedgerBalance.class)
public @interface CalendarTest {}
