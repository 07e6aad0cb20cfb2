package io.carmint.nft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** {@link JsNumber} against Node's own spelling of 5,954 doubles ({@code testdata/ecmascript}), and properties. */
class JsNumberTest {
  @Test
  void spellsEveryDoubleAsNodeDoes() throws IOException {
    String dir = System.getProperty("carmint.testdata");
    Path file = dir == null ? null : Path.of(dir, "ecmascript", "numbers.json");
    assumeTrue(file != null && Files.isRegularFile(file), "testdata/ecmascript/numbers.json not found");
    Map<String, Object> table = TestJson.object(TestJson.parse(Files.readString(file)));
    List<String> wrong = new ArrayList<>();
    List<Object> rows = TestJson.array(table.get("rows"));
    for (Object o : rows) {
      Map<String, Object> row = TestJson.object(o);
      double x = Double.longBitsToDouble(Long.parseUnsignedLong((String) row.get("bits"), 16));
      if (!JsNumber.toString(x).equals(row.get("string"))) {
        wrong.add(row.get("bits") + ": node " + row.get("string") + ", carmint " + JsNumber.toString(x));
      }
      String json = JsJson.stringify(new JsValue.Num(x), u -> u);
      if (!json.equals(row.get("json"))) {
        wrong.add(row.get("bits") + ": JSON node " + row.get("json") + ", carmint " + json);
      }
    }
    assertEquals(List.of(), wrong);
    assertEquals(5954, rows.size());
  }

  @Test
  void layout() {
    assertEquals("100", JsNumber.toString(100));
    assertEquals("1e+21", JsNumber.toString(1e21));
    assertEquals("100000000000000000000", JsNumber.toString(1e20));
    assertEquals("0.000001", JsNumber.toString(1e-6));
    assertEquals("1e-7", JsNumber.toString(1e-7));
    assertEquals("-1.5e+300", JsNumber.toString(-1.5e300));
    assertEquals("0", JsNumber.toString(-0.0));
    assertEquals("5e-324", JsNumber.toString(Double.MIN_VALUE));
    assertEquals("1e+23", JsNumber.toString(1e23)); // Java 17: 1.0E23
    assertEquals("2e-7", JsNumber.toString(2e-7));
    assertEquals("NaN", JsNumber.toString(Double.NaN));
    assertEquals("-Infinity", JsNumber.toString(Double.NEGATIVE_INFINITY));
  }

  /** Reads back as the same double, with no more digits than Java's own (round-trip) spelling. */
  @Property(tries = 3000)
  void shortestRoundTrip(@ForAll double x) {
    if (!Double.isFinite(x) || x == 0) {
      return;
    }
    String js = JsNumber.toString(x);
    assertEquals(x, Double.parseDouble(js), js);
    int ours = new BigDecimal(js).stripTrailingZeros().precision();
    int java = new BigDecimal(Double.toString(x)).stripTrailingZeros().precision();
    assertTrue(ours <= java, js + " vs " + Double.toString(x));
  }
}
