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
import io.carmint.multiformats.InvalidCidException;
import io.carmint.multiformats.LimitExceededException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Strict DAG-CBOR decoder over a byte range. Iterative (an explicit stack of open lists and maps), so hostile
 * nesting costs heap bounded by {@link DagCborDecodeOptions#maxDepth()}, never the thread's stack.
 *
 * <p>In links mode it builds no values: it validates the whole input as strictly, except that text need not be
 * valid UTF-8 (no text is built, and real DAGs hold such strings), and collects the CIDs of tag-42 links in
 * document order. One instance decodes one input; not thread-safe.
 */
final class DagCborDecoder {
  private static final int MAJOR_UINT = 0;
  private static final int MAJOR_NEGINT = 1;
  private static final int MAJOR_BYTES = 2;
  private static final int MAJOR_TEXT = 3;
  private static final int MAJOR_LIST = 4;
  private static final int MAJOR_MAP = 5;
  private static final int MAJOR_TAG = 6;
  private static final int MAJOR_SIMPLE = 7;
  private static final int CID_TAG = 42;
  private static final String[] MAJOR_NAMES = {"unsigned integer", "negative integer", "byte string",
      "text string", "list", "map", "tag", "simple value or float"};

  private final byte[] in;
  private final int base; // offset of the encoded value in `in`; reported offsets are relative to it
  private final int end;
  private final DagCborDecodeOptions options;
  private final List<Cid> links; // non-null in links mode
  private int pos;

  private DagCborDecoder(byte[] in, int off, int len, DagCborDecodeOptions options, List<Cid> links) {
    this.in = in;
    this.base = off;
    this.pos = off;
    this.end = off + len;
    this.options = options;
    this.links = links;
  }

  static DagCborValue decode(byte[] in, int off, int len, DagCborDecodeOptions options)
      throws DagCborFormatException, LimitExceededException {
    return new DagCborDecoder(in, off, len, options, null).run();
  }

  static List<Cid> links(byte[] in, int off, int len, DagCborDecodeOptions options)
      throws DagCborFormatException, LimitExceededException {
    List<Cid> out = new ArrayList<>();
    new DagCborDecoder(in, off, len, options, out).run();
    return out;
  }

  /** An open list or map. */
  private static final class Frame {
    final Frame parent;
    final boolean map;
    final int start; // offset of the list/map head
    long remaining; // items (list) or entries (map) still to read
    final List<DagCborValue> items; // build mode, list
    final LinkedHashMap<String, DagCborValue> entries; // build mode, map
    String pendingKey; // build mode, map: key whose value is being read
    int prevKeyOff = -1; // map: raw UTF-8 bytes of the previous key, for the order check
    int prevKeyLen;

    Frame(Frame parent, boolean map, int start, long count, boolean build) {
      this.parent = parent;
      this.map = map;
      this.start = start;
      this.remaining = count;
      int capacity = (int) Math.min(count, 16);
      this.items = build && !map ? new ArrayList<>(capacity) : null;
      this.entries = build && map ? new LinkedHashMap<>(capacity * 2) : null;
    }
  }

  private DagCborValue run() throws DagCborFormatException, LimitExceededException {
    boolean build = links == null;
    Frame top = null;
    int depth = 0;
    while (true) {
      if (top != null && top.map) {
        readKey(top, build);
      }
      int itemStart = pos;
      int initial = readByte("a value");
      int major = initial >>> 5;
      int info = initial & 0x1f;
      DagCborValue value = null;
      switch (major) {
        case MAJOR_UINT: {
          long n = readArgument(itemStart, major, info);
          value = build ? uint(n) : null;
          break;
        }
        case MAJOR_NEGINT: {
          long n = readArgument(itemStart, major, info);
          value = build ? negint(n) : null;
          break;
        }
        case MAJOR_BYTES: {
          int len = readLength(itemStart, major, info, 1);
          value = build ? BytesValue.wrap(Arrays.copyOfRange(in, pos, pos + len)) : null;
          pos += len;
          break;
        }
        case MAJOR_TEXT: {
          int len = readLength(itemStart, major, info, 1);
          if (build) {
            checkUtf8(pos, len);
          }
          value = build ? new TextValue(new String(in, pos, len, StandardCharsets.UTF_8)) : null;
          pos += len;
          break;
        }
        case MAJOR_LIST:
        case MAJOR_MAP: {
          boolean map = major == MAJOR_MAP;
          int count = readLength(itemStart, major, info, map ? 2 : 1);
          if (depth == options.maxDepth()) {
            throw new LimitExceededException("DAG-CBOR nesting depth at offset " + (itemStart - base) + " is "
                + (depth + 1), "DagCborDecodeOptions.maxDepth", options.maxDepth(), depth + 1L, itemStart - base);
          }
          if (count > 0) {
            top = new Frame(top, map, itemStart, count, build);
            depth++;
            continue;
          }
          if (build) {
            value = map ? MapValue.ofSorted(new LinkedHashMap<>()) : new ListValue(List.of());
          }
          break;
        }
        case MAJOR_TAG:
          value = readLink(itemStart, info, build);
          break;
        default: // MAJOR_SIMPLE
          value = readSimple(itemStart, info);
          break;
      }
      // A value is complete: hand it to the open container, closing every container it completes.
      while (true) {
        if (top == null) {
          if (pos != end) {
            throw error(pos, (end - pos) + " trailing byte(s) after the top-level value (which ends at offset "
                + (pos - base) + "); DAG-CBOR holds exactly one value");
          }
          return value;
        }
        if (build) {
          if (top.map) {
            top.entries.put(top.pendingKey, value);
          } else {
            top.items.add(value);
          }
        }
        if (--top.remaining > 0) {
          break;
        }
        if (build) {
          value = top.map ? MapValue.ofSorted(top.entries) : new ListValue(top.items);
        }
        top = top.parent;
        depth--;
      }
    }
  }

  /** Reads a map key: a definite, minimal text string, greater than the previous key in DAG-CBOR order. */
  private void readKey(Frame frame, boolean build) throws DagCborFormatException, LimitExceededException {
    int keyStart = pos;
    int initial = readByte("a map key");
    int major = initial >>> 5;
    if (major != MAJOR_TEXT) {
      throw error(keyStart, "map key is a " + MAJOR_NAMES[major] + " (0x" + hex(initial)
          + "); DAG-CBOR map keys must be text strings");
    }
    int len = readLength(keyStart, major, initial & 0x1f, 1);
    if (build) {
      checkUtf8(pos, len);
    }
    if (frame.prevKeyOff >= 0) {
      int cmp = frame.prevKeyLen != len ? Integer.compare(frame.prevKeyLen, len)
          : Arrays.compareUnsigned(in, frame.prevKeyOff, frame.prevKeyOff + len, in, pos, pos + len);
      if (cmp == 0) {
        throw error(keyStart, "duplicate map key \"" + utf8(pos, len) + "\" in the map at offset "
            + (frame.start - base));
      }
      if (cmp > 0) {
        throw error(keyStart, "map key \"" + utf8(pos, len) + "\" is out of order after \""
            + utf8(frame.prevKeyOff, frame.prevKeyLen)
            + "\"; DAG-CBOR sorts keys by encoded length, then bytewise");
      }
    }
    frame.prevKeyOff = pos;
    frame.prevKeyLen = len;
    if (build) {
      frame.pendingKey = new String(in, pos, len, StandardCharsets.UTF_8);
    }
    pos += len;
  }

  private DagCborValue readLink(int itemStart, int info, boolean build)
      throws DagCborFormatException, LimitExceededException {
    long tag = readArgument(itemStart, MAJOR_TAG, info);
    if (tag != CID_TAG) {
      throw error(itemStart, "tag " + Long.toUnsignedString(tag)
          + " is not allowed; DAG-CBOR allows only tag 42 (CID)");
    }
    int bytesStart = pos;
    int initial = readByte("the byte string of a CID (tag 42)");
    int major = initial >>> 5;
    if (major != MAJOR_BYTES) {
      throw error(bytesStart, "tag 42 must hold a byte string, found a " + MAJOR_NAMES[major]);
    }
    int len = readLength(bytesStart, major, initial & 0x1f, 1);
    if (len == 0 || in[pos] != 0) {
      throw error(bytesStart, "a CID in tag 42 must start with the identity multibase prefix 0x00, found "
          + (len == 0 ? "an empty byte string" : "0x" + hex(in[pos] & 0xff)));
    }
    Cid cid;
    try {
      cid = Cid.decode(Arrays.copyOfRange(in, pos + 1, pos + len));
    } catch (InvalidCidException e) {
      throw new DagCborFormatException(pos + 1 - base, "tag 42 holds an invalid CID: " + e.getMessage(), e);
    }
    pos += len;
    if (!build) {
      links.add(cid);
      return null;
    }
    return new LinkValue(cid);
  }

  private DagCborValue readSimple(int itemStart, int info) throws DagCborFormatException {
    switch (info) {
      case 20:
        return BoolValue.FALSE;
      case 21:
        return BoolValue.TRUE;
      case 22:
        return NullValue.INSTANCE;
      case 23:
        throw error(itemStart, "undefined (0xf7) is not in the IPLD data model");
      case 25:
      case 26:
        throw error(itemStart, (info == 25 ? "16" : "32") + "-bit float (0x" + hex(0xe0 | info)
            + "); DAG-CBOR encodes every float in 64 bits (0xfb)");
      case 27: {
        require(itemStart, 8, "a 64-bit float");
        double d = Double.longBitsToDouble(readBigEndian(8));
        if (!Double.isFinite(d)) {
          throw error(itemStart, d + " is not allowed; DAG-CBOR floats must be finite");
        }
        return build() ? new FloatValue(d) : null;
      }
      case 31:
        throw error(itemStart, "unexpected break (0xff); DAG-CBOR has no indefinite-length items");
      default:
        throw error(itemStart, "simple value 0x" + hex(0xe0 | info)
            + " is not allowed; only false, true, null and 64-bit floats are");
    }
  }

  private boolean build() {
    return links == null;
  }

  private static DagCborValue uint(long n) {
    return n >= 0 ? IntValue.of(n) : IntValue.of(new BigInteger(Long.toUnsignedString(n)));
  }

  private static DagCborValue negint(long n) {
    // value = -1 - n, with n an unsigned 64-bit integer
    return n >= 0 ? IntValue.of(-1 - n) : IntValue.of(new BigInteger(Long.toUnsignedString(n)).not());
  }

  /**
   * Reads the argument of a head whose initial byte was at {@code itemStart}: the value itself for info 0-23,
   * else the 1, 2, 4 or 8 bytes that follow, which must be the shortest form. Returns it as an unsigned long.
   */
  private long readArgument(int itemStart, int major, int info) throws DagCborFormatException {
    if (info < 24) {
      return info;
    }
    int size;
    long min;
    switch (info) {
      case 24:
        size = 1;
        min = 24;
        break;
      case 25:
        size = 2;
        min = 0x100;
        break;
      case 26:
        size = 4;
        min = 0x1_0000;
        break;
      case 27:
        size = 8;
        min = 0x1_0000_0000L;
        break;
      case 31:
        throw error(itemStart, "indefinite-length " + MAJOR_NAMES[major] + " (0x" + hex((major << 5) | info)
            + "); DAG-CBOR allows only definite lengths");
      default:
        throw error(itemStart, "reserved additional information " + info + " in 0x" + hex((major << 5) | info));
    }
    require(itemStart, size, "the argument of a " + MAJOR_NAMES[major]);
    long value = readBigEndian(size);
    if (Long.compareUnsigned(value, min) < 0) {
      throw error(itemStart, "non-minimal encoding: " + MAJOR_NAMES[major] + " argument "
          + Long.toUnsignedString(value) + " written in " + (size + 1) + " bytes; DAG-CBOR requires the shortest"
          + " form");
    }
    return value;
  }

  /**
   * Reads a length (strings: bytes; lists: items; maps: entries) and checks it against the bytes left, each
   * unit taking at least {@code minBytesPerUnit}, and against the configured limit, before anything is
   * allocated.
   */
  private int readLength(int itemStart, int major, int info, int minBytesPerUnit)
      throws DagCborFormatException, LimitExceededException {
    long n = readArgument(itemStart, major, info);
    long left = end - pos;
    String unit = major == MAJOR_BYTES || major == MAJOR_TEXT ? "bytes" : major == MAJOR_LIST ? "items"
        : "entries";
    if (Long.compareUnsigned(n, left / minBytesPerUnit) > 0) {
      throw error(itemStart, "truncated: " + MAJOR_NAMES[major] + " declares " + Long.toUnsignedString(n) + " "
          + unit + ", only " + left + " byte(s) left");
    }
    if (n > options.maxDeclaredLength()) {
      throw new LimitExceededException("DAG-CBOR " + MAJOR_NAMES[major] + " length at offset " + (itemStart - base)
          + " is " + n, "DagCborDecodeOptions.maxDeclaredLength", options.maxDeclaredLength(), n, itemStart - base);
    }
    return (int) n;
  }

  private int readByte(String what) throws DagCborFormatException {
    if (pos >= end) {
      throw error(pos, "truncated: expected " + what + ", input ended");
    }
    return in[pos++] & 0xff;
  }

  private void require(int itemStart, int n, String what) throws DagCborFormatException {
    if (end - pos < n) {
      throw error(itemStart, "truncated: " + what + " needs " + n + " byte(s), only " + (end - pos) + " left");
    }
  }

  private long readBigEndian(int size) {
    long v = 0;
    for (int i = 0; i < size; i++) {
      v = (v << 8) | (in[pos++] & 0xff);
    }
    return v;
  }

  /** Strict UTF-8: no overlong forms, no surrogates, nothing above U+10FFFF. */
  private void checkUtf8(int off, int len) throws DagCborFormatException {
    int i = off;
    int stop = off + len;
    while (i < stop) {
      int b = in[i] & 0xff;
      if (b < 0x80) {
        i++;
        continue;
      }
      int need;
      int min;
      int cp;
      if (b >= 0xc2 && b <= 0xdf) {
        need = 1;
        min = 0x80;
        cp = b & 0x1f;
      } else if (b >= 0xe0 && b <= 0xef) {
        need = 2;
        min = 0x800;
        cp = b & 0x0f;
      } else if (b >= 0xf0 && b <= 0xf4) {
        need = 3;
        min = 0x10000;
        cp = b & 0x07;
      } else {
        throw error(i, "invalid UTF-8 in a text string: byte 0x" + hex(b));
      }
      if (stop - i <= need) {
        throw error(i, "invalid UTF-8 in a text string: sequence cut short by the end of the string");
      }
      for (int k = 1; k <= need; k++) {
        int c = in[i + k] & 0xff;
        if ((c & 0xc0) != 0x80) {
          throw error(i + k, "invalid UTF-8 in a text string: byte 0x" + hex(c) + " is not a continuation byte");
        }
        cp = (cp << 6) | (c & 0x3f);
      }
      if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
        throw error(i, "invalid UTF-8 in a text string: " + (cp < min ? "overlong encoding"
            : "code point U+" + Integer.toHexString(cp).toUpperCase(java.util.Locale.ROOT)));
      }
      i += need + 1;
    }
  }

  private String utf8(int off, int len) {
    String s = new String(in, off, Math.min(len, 64), StandardCharsets.UTF_8);
    return len > 64 ? s + "…" : s;
  }

  private DagCborFormatException error(int at, String message) {
    return new DagCborFormatException(at - base, message);
  }

  private static String hex(int b) {
    return String.format("%02x", b);
  }
}
