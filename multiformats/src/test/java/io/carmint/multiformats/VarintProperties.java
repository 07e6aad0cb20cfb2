package io.carmint.multiformats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.carmint.testsupport.OneByteAtATimeInputStream;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

class VarintProperties {
  @Property
  void roundTrip(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long value) throws IOException {
    byte[] bytes = Varint.encode(value);
    assertEquals(Varint.encodedLength(value), bytes.length);
    assertEquals(value, Varint.decode(bytes));
    InputStream in = new OneByteAtATimeInputStream(new ByteArrayInputStream(bytes));
    assertEquals(value, Varint.read(in, 0));
    assertEquals(-1, in.read());
  }

  /** Whatever decodes re-encodes to the same bytes: the decoder accepts only minimal encodings. */
  @Property
  void arbitraryBytesDecodeOnlyCanonicallyOrThrowInvalidVarint(@ForAll @Size(max = 12) byte[] bytes) {
    long value;
    try {
      value = Varint.decode(bytes);
    } catch (InvalidVarintException expected) {
      return;
    }
    assertArrayEquals(bytes, Varint.encode(value));
  }

  @Property
  void arbitraryStreamsThrowOnlyDeclaredExceptions(@ForAll @Size(max = 12) byte[] bytes) throws IOException {
    InputStream in = new OneByteAtATimeInputStream(new ByteArrayInputStream(bytes));
    try {
      long value = Varint.readOrEof(in, 0);
      if (value >= 0) {
        assertEquals(Varint.encodedLength(value), bytes.length - remaining(in), "bytes consumed");
      } else {
        assertEquals(0, bytes.length);
      }
    } catch (VarintFormatException | EOFException expected) {
      // the declared failures
    }
  }

  private static int remaining(InputStream in) throws IOException {
    int n = 0;
    while (in.read() >= 0) {
      n++;
    }
    return n;
  }
}
