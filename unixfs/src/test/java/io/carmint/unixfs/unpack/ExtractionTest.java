package io.carmint.unixfs.unpack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The rules the unpacker applies beyond the exporter's name check: symlink targets, Windows device names. */
class ExtractionTest {
  @ParameterizedTest(name = "[{index}] {0} at depth {1}")
  @CsvSource(delimiter = '|', value = {"x|0", ".|0", "./x/./y|0", "x//y|0", "../x|1", "../../x|2", "..|1",
      "../..|2", "..\\\\x|1", "a/b/c|0", "../a/b|3", "...|0", "..a|0", "x/|0"})
  void targetsThatStayInside(String target, int depth) {
    assertEquals(Optional.empty(), SymlinkTargets.escapeReason(target, depth));
  }

  @ParameterizedTest(name = "[{index}] {0} at depth {1}")
  @CsvSource(delimiter = '|', value = {"''|0|empty", "/etc|5|absolute", "\\\\x|5|absolute", "C:x|5|absolute",
      "c:/x|5|absolute", "..|0|climbs 1", "../x|0|climbs 1", "../../x|1|climbs 2", "..\\\\..\\\\x|1|climbs 2",
      "a/../b|3|after a name", "a/..|3|after a name", "x/../../y|3|after a name", "./../x|0|climbs 1"})
  void targetsThatCouldEscape(String target, int depth, String reason) {
    Optional<String> r = SymlinkTargets.escapeReason(target, depth);
    assertTrue(r.isPresent() && r.get().contains(reason), target + ": " + r);
  }

  @ParameterizedTest
  @ValueSource(strings = {"CON", "con", "Con.txt", "NUL", "nul.tar.gz", "AUX", "PRN", "COM1", "lpt9", "COM\u00B9",
      "CON ", "con .txt"})
  void windowsDeviceNames(String name) {
    assertTrue(Extraction.windowsDeviceName(name), name);
  }

  @ParameterizedTest
  @ValueSource(strings = {"CONSOLE", "xCON", "COM", "COM10", "LPT", "NULL.txt", "a", ".con", "icon.png"})
  void notWindowsDeviceNames(String name) {
    assertFalse(Extraction.windowsDeviceName(name), name);
  }
}
