package io.carmint.dagcbor;

import io.carmint.dagcbor.DagCborValue.BoolValue;
import io.carmint.dagcbor.DagCborValue.BytesValue;
import io.carmint.dagcbor.DagCborValue.FloatValue;
import io.carmint.dagcbor.DagCborValue.IntValue;
import io.carmint.dagcbor.DagCborValue.LinkValue;
import io.carmint.dagcbor.DagCborValue.ListValue;
import io.carmint.dagcbor.DagCborValue.MapValue;
import io.carmint.dagcbor.DagCborValue.NullValue;
import io.carmint.dagcbor.DagCborValue.TextValue;
import io.carmint.multiformats.Cid;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;

/**
 * Canonical DAG-CBOR encoder: shortest heads, 64-bit floats, map keys in the order {@link MapValue} already
 * keeps them, links as {@code d8 2a} + byte string {@code 00 <cid>}. One instance encodes one value; not
 * thread-safe.
 */
final class DagCborEncoder {
  private byte[] buf;
  private int len;

  DagCborEncoder(int initialCapacity) {
    buf = new byte[Math.max(16, initialCapacity)];
  }

  static byte[] encode(DagCborValue value) {
    DagCborEncoder e = new DagCborEncoder(64);
    e.write(value);
    return e.toByteArray();
  }

  byte[] toByteArray() {
    return Arrays.copyOf(buf, len);
  }

  /** Writes {@code root}; iterative (an explicit stack of open lists and maps), so any depth fits the stack. */
  void write(DagCborValue root) {
    ArrayDeque<Iterator<?>> open = new ArrayDeque<>();
    DagCborValue next = Objects.requireNonNull(root, "value");
    while (true) {
      if (next instanceof ListValue) {
        ListValue list = (ListValue) next;
        writeHead(4, list.size());
        if (list.size() > 0) {
          open.push(list.items().iterator());
        }
      } else if (next instanceof MapValue) {
        Map<String, DagCborValue> entries = ((MapValue) next).entries();
        writeHead(5, entries.size());
        if (!entries.isEmpty()) {
          open.push(entries.entrySet().iterator());
        }
      } else {
        writeScalar(next);
      }
      next = null;
      while (next == null && !open.isEmpty()) {
        Iterator<?> it = open.peek();
        if (!it.hasNext()) {
          open.pop();
          continue;
        }
        Object o = it.next();
        if (o instanceof Map.Entry) {
          Map.Entry<?, ?> e = (Map.Entry<?, ?>) o;
          writeText((String) e.getKey());
          next = (DagCborValue) e.getValue();
        } else {
          next = (DagCborValue) o;
        }
      }
      if (next == null) {
        return;
      }
    }
  }

  private void writeScalar(DagCborValue value) {
    if (value instanceof NullValue) {
      writeByte(0xf6);
    } else if (value instanceof BoolValue) {
      writeByte(((BoolValue) value).value() ? 0xf5 : 0xf4);
    } else if (value instanceof IntValue) {
      writeInt((IntValue) value);
    } else if (value instanceof FloatValue) {
      writeByte(0xfb);
      long bits = Double.doubleToRawLongBits(((FloatValue) value).value());
      ensure(8);
      for (int shift = 56; shift >= 0; shift -= 8) {
        buf[len++] = (byte) (bits >>> shift);
      }
    } else if (value instanceof TextValue) {
      writeText(((TextValue) value).value());
    } else if (value instanceof BytesValue) {
      byte[] b = ((BytesValue) value).bytesNoCopy();
      writeHead(2, b.length);
      writeBytes(b, 0, b.length);
    } else {
      writeLink(((LinkValue) value).cid());
    }
  }

  void writeLink(Cid cid) {
    writeByte(0xd8);
    writeByte(42);
    writeHead(2, cid.byteLength() + 1L);
    writeByte(0x00);
    ensure(cid.byteLength());
    len += cid.writeTo(buf, len);
  }

  void writeText(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    writeHead(3, b.length);
    writeBytes(b, 0, b.length);
  }

  private void writeInt(IntValue v) {
    if (v.fitsLong()) {
      long n = v.longValueExact();
      if (n >= 0) {
        writeHead(0, n);
      } else {
        writeHead(1, -1 - n); // in [0, 2^63-1]
      }
    } else {
      java.math.BigInteger big = v.bigIntegerValue();
      if (big.signum() > 0) {
        writeHead(0, big.longValue()); // low 64 bits: an unsigned value in [2^63, 2^64-1]
      } else {
        writeHead(1, big.not().longValue()); // -1 - v, in [2^63, 2^64-1]
      }
    }
  }

  /** Writes a head with the shortest argument form; {@code arg} is unsigned. */
  void writeHead(int major, long arg) {
    int m = major << 5;
    ensure(9);
    if (arg >= 0 && arg < 24) {
      buf[len++] = (byte) (m | (int) arg);
    } else if (arg >= 0 && arg <= 0xff) {
      buf[len++] = (byte) (m | 24);
      buf[len++] = (byte) arg;
    } else if (arg >= 0 && arg <= 0xffff) {
      buf[len++] = (byte) (m | 25);
      buf[len++] = (byte) (arg >>> 8);
      buf[len++] = (byte) arg;
    } else if (arg >= 0 && arg <= 0xffff_ffffL) {
      buf[len++] = (byte) (m | 26);
      for (int shift = 24; shift >= 0; shift -= 8) {
        buf[len++] = (byte) (arg >>> shift);
      }
    } else {
      buf[len++] = (byte) (m | 27);
      for (int shift = 56; shift >= 0; shift -= 8) {
        buf[len++] = (byte) (arg >>> shift);
      }
    }
  }

  void writeByte(int b) {
    ensure(1);
    buf[len++] = (byte) b;
  }

  private void writeBytes(byte[] b, int off, int n) {
    ensure(n);
    System.arraycopy(b, off, buf, len, n);
    len += n;
  }

  private void ensure(int n) {
    if (len + n > buf.length) {
      long want = Math.max((long) buf.length * 2, (long) len + n);
      if (want > Integer.MAX_VALUE - 8) {
        if ((long) len + n > Integer.MAX_VALUE - 8) {
          throw new IllegalArgumentException("Encoded DAG-CBOR would exceed 2 GiB");
        }
        want = Integer.MAX_VALUE - 8;
      }
      buf = Arrays.copyOf(buf, (int) want);
    }
  }
}
