package settle;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@EnableScheduling
public class SettleApplication {

  public static void main(String[] args) {
    SpringApplication.run(SettleApplication.class, args);
  }
}
