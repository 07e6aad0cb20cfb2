package io.carmint.testsupport;

import io.carmint.multiformats.Cid;
import io.carmint.multiformats.Varint;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A minimal CARv1 / CARv2-payload section splitter for tests of the multiformats module, which cannot depend on
 * the car module: header bytes plus (CID, block bytes) pairs. Trusts its input (well-formed fixture files).
 */
public final class CarSections {
  /** One block of a CAR. */
  public record Section(Cid cid, byte[] data) {}

  private final byte[] header;
  private final List<Section> sections;

  private CarSections(byte[] header, List<Section> sections) {
    this.header = header;
    this.sections = sections;
  }

  /** @return the DAG-CBOR header of the CARv1 (for a CARv2, of its inner CARv1 payload) */
  public byte[] header() {
    return header.clone();
  }

  /** @return the sections in file order */
  public List<Section> sections() {
    return sections;
  }

  /** Splits a CARv1, or the CARv1 payload of a CARv2 (pragma {@code 0a a1 67 "version" 02}). */
  public static CarSections read(byte[] car) {
    int off = 0;
    int end = car.length;
    if (car.length > 11 && car[0] == 0x0a && car[10] == 0x02 && car[1] == (byte) 0xa1) {
      ByteBuffer h = ByteBuffer.wrap(car, 11, 40).order(ByteOrder.LITTLE_ENDIAN);
      h.getLong();
      h.getLong();
      off = (int) h.getLong();
      end = off + (int) h.getLong();
    }
    ByteBuffer buf = ByteBuffer.wrap(car, off, end - off);
    int headerLength = (int) Varint.read(buf);
    byte[] header = Arrays.copyOfRange(car, buf.position(), buf.position() + headerLength);
    buf.position(buf.position() + headerLength);
    List<Section> sections = new ArrayList<>();
    while (buf.hasRemaining()) {
      int length = (int) Varint.read(buf);
      int start = buf.position();
      Cid cid = Cid.read(buf);
      sections.add(new Section(cid, Arrays.copyOfRange(car, buf.position(), start + length)));
      buf.position(start + length);
    }
    return new CarSections(header, List.copyOf(sections));
  }
}
