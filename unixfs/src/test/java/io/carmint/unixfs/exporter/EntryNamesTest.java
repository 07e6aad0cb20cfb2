package io.carmint.unixfs.exporter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.carmint.multiformats.Cid;
import io.carmint.unixfs.exporter.UnsafeNameException.Reason;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class EntryNamesTest {
  @ParameterizedTest(name = "[{index}] {0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "''|EMPTY", ".|DOT", "..|DOT_DOT", "/etc|ABSOLUTE", "\\\\server|ABSOLUTE", "C:|ABSOLUTE", "c:evil|ABSOLUTE",
      "z:\\\\x|ABSOLUTE", "a/b|SLASH", "../foo|SLASH", "..\\\\foo|BACKSLASH", "a\\\\b|BACKSLASH", "x/|SLASH"})
  void refused(String name, Reason reason) {
    assertEquals(Optional.of(reason), EntryNames.problem(name));
  }

  @Test
  void nulIsRefusedWherever() {
    assertEquals(Optional.of(Reason.NUL), EntryNames.problem("a\0b"));
    assertEquals(Optional.of(Reason.NUL), EntryNames.problem("\0"));
    assertEquals(Optional.of(Reason.NUL), EntryNames.problem("/\0"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"a", "...", ".hidden", "ab:c", "1:", "é:x", "Portugal%2C+España=Peninsula Ibérica.txt",
      "😀", " ", "a..b", "..a", "new\nline"})
  void accepted(String name) {
    assertEquals(Optional.empty(), EntryNames.problem(name));
  }

  @Test
  void quoteEscapesWhatCouldBreakOrDisguiseALine() {
    assertEquals("'a\\u000Ab'", EntryNames.quote("a\nb"));
    assertEquals("'\\u0000'", EntryNames.quote("\0"));
    assertEquals("'x\\u202Etxt.exe'", EntryNames.quote("x\u202Etxt.exe"));
    assertEquals("'\\uD800'", EntryNames.quote("\uD800"));
    assertEquals("'é 😀'", EntryNames.quote("é 😀"));
  }

  @Test
  void walkingRefusesWithTheEntryPathAndReason() {
    Dags dags = new Dags();
    Cid innerCid = dags.dir("C:x", dags.raw("x"));
    Cid outerCid = dags.dir("sub", innerCid);
    UnsafeNameException e = assertThrows(UnsafeNameException.class,
        () -> Exporter.of(dags.store).walk(outerCid, new ExporterTest.Collect()));
    assertEquals("sub/C:x", e.path());
    assertEquals(Reason.ABSOLUTE, e.reason());
    assertTrue(e.getMessage().contains("'sub/C:x' is absolute"), e.getMessage());
    assertTrue(e.getMessage().contains(innerCid.toString()), e.getMessage());
  }
}
