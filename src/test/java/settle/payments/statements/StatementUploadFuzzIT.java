package settle.payments.statements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import settle.testdata.Api;
import settle.testdata.SettleTest;

/**
 * The real files of ../shared/statements-corpus/, truncated, with bytes flipped, tags and records duplicated (the
 * mutations of {@link StatementParsersFuzzTest}, seeded), uploaded over HTTP: each is imported or refused with a 4xx
 * problem naming what is wrong; none gets a 5xx. The parser fuzz proves the reading; this the storing behind it.
 */
@SettleTest
class StatementUploadFuzzIT {

  private static final long SEED = 20261130L;
  private static final int MUTATIONS_PER_FILE = 3;

  @LocalServerPort int port;

  @Test
  void mutatedRealFilesUploadedOverHttpAreImportedOrRefusedWithAProblemNeverA5xx() {
    assumeTrue(StatementCorpus.present(), "../shared/statements-corpus is not here");
    Api api = new Api(port).as("cara");
    Random random = new Random(SEED);
    List<String> failures = new ArrayList<>();
    int imported = 0;
    int refused = 0;
    for (StatementCorpus.Expectation file : StatementCorpus.expectations()) {
      byte[] original = StatementCorpus.bytes(file);
      for (int i = 0; i < MUTATIONS_PER_FILE; i++) {
        byte[] mutated = StatementParsersFuzzTest.mutate(original, random);
        Api.Response answer = api.postMultipart("/api/bank-statements",
            List.of(new Api.Part("file", file.name(), "application/octet-stream", mutated)));
        if (answer.status() >= 500) {
          failures.add(file.name() + " mutation " + (i + 1) + ": " + answer.status() + " " + new String(answer.bytes()));
        } else if (answer.status() >= 400) {
          refused++;
          assertThat(answer.contentType()).as(file.name()).contains("problem+json");
          assertThat(answer.body().get("detail").asText()).as(file.name()).isNotBlank();
        } else {
          imported++;
        }
      }
    }
    System.out.printf("upload fuzz (seed %d): %d imported, %d refused, %d 5xx%n", SEED, imported, refused, failures.size());
    assertThat(failures).isEmpty();
    // the mutations must both break files and leave some readable, or the test proves little
    assertThat(refused).isPositive();
    assertThat(imported).isPositive();
  }

  @Test
  void aNulByteInsideTheTextOfARealFileIsNeverA5xx() {
    assumeTrue(StatementCorpus.present(), "../shared/statements-corpus is not here");
    Api api = new Api(port).as("cara");
    // a NUL is valid UTF-8 but PostgreSQL stores no text with one in it
    for (String name : List.of("moj__data__nwb_example.bai2", "jejik__document__sparkasse2.txt")) {
      StatementCorpus.Expectation file = StatementCorpus.expectations().stream().filter(e -> e.name().equals(name)).findFirst()
          .orElseThrow();
      String text = new String(StatementCorpus.bytes(file), StandardCharsets.ISO_8859_1);
      int at = text.indexOf(name.endsWith(".bai2") ? "TFR" : "?20") + 2;
      byte[] withNul = (text.substring(0, at) + "\u0000" + text.substring(at)).getBytes(StandardCharsets.ISO_8859_1);
      Api.Response answer = api.postMultipart("/api/bank-statements",
          List.of(new Api.Part("file", "nul-" + name, "application/octet-stream", withNul)));
      assertThat(answer.status()).as(name + ": " + new String(answer.bytes(), StandardCharsets.UTF_8)).isLessThan(500);
    }
  }
}
