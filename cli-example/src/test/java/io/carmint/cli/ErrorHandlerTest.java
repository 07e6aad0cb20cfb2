package io.carmint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.carmint.car.UnverifiableBlockException;
import io.carmint.multiformats.Cid;
import io.carmint.multiformats.LimitExceededException;
import io.carmint.multiformats.UnsupportedHashException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one-line messages: library settings replaced by the options of the command that ran. */
class ErrorHandlerTest {
  private static final Cid CID = Cid.parse("bafkreifzjut3te2nhyekklss27nh3k72ysco7y32koao5eei66wof36n5e");

  @Test
  void aLimitNamesTheCommandsOption() {
    LimitExceededException e = new LimitExceededException("Unpacking stopped at 'a': 4 block reads",
        "Unpacker.Builder.maxBlocks", 3, 4, -1);
    assertEquals("Unpacking stopped at 'a': 4 block reads, above the limit of 3; if the input is genuine, raise "
        + "--max-blocks", ErrorHandler.oneLine(e, ErrorHandler.OPTIONS.get("unpack")));
  }

  @Test
  void aPolicyNamesTheCommandsOption() {
    UnverifiableBlockException e = new UnverifiableBlockException(12, CID, new UnsupportedHashException("no BLAKE2b"));
    assertEquals("Cannot verify block " + CID + " at offset 12: no BLAKE2b; read with --no-verify only if the file "
        + "is trusted", ErrorHandler.oneLine(e, ErrorHandler.OPTIONS.get("blocks")));
  }

  @Test
  void aCommandWithoutSuchAnOptionKeepsTheLibrarysWords() {
    LimitExceededException e = new LimitExceededException("CAR section at offset 0 declares 9 bytes",
        "CarReadOptions.maxSectionSize", 8, 9, 0);
    assertEquals(e.getMessage(), ErrorHandler.oneLine(e, Map.of()));
    assertEquals(e.getMessage(), ErrorHandler.oneLine(e, ErrorHandler.OPTIONS.get("unpack")));
  }
}
