package io.carmint.car;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.carmint.multiformats.Cid;
import io.carmint.multiformats.Multibase;
import io.carmint.multiformats.Multicodec;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The CAR CID of whole files, compared with what {@code ipfs-car hash} printed ({@code testdata/cars/hash.json}). */
class CarHashTest {
  /** One line of hash.json: a file and what ipfs-car printed for it. */
  record Fact(String file, String cid, String multihash) {
    Path path() {
      if (file.startsWith("conformance:")) {
        String sub = file.substring("conformance:".length());
        return Fixtures.conformance(sub.substring(0, sub.indexOf('/'))).resolve(sub.substring(sub.indexOf('/') + 1));
      }
      return Fixtures.testdata().resolve(file.substring("testdata/".length()));
    }

    @Override
    public String toString() {
      return file;
    }
  }

  static List<Fact> facts() throws IOException {
    String json = Files.readString(Fixtures.testdata().resolve("cars/hash.json"));
    Matcher m = Pattern.compile("\\{\"file\": \"([^\"]+)\", \"size\": \\d+, \"cid\": \"([^\"]+)\", "
        + "\"multihash\": \"([^\"]+)\"}").matcher(json);
    List<Fact> out = new ArrayList<>();
    while (m.find()) {
      out.add(new Fact(m.group(1), m.group(2), m.group(3)));
    }
    return out;
  }

  @Test
  void theFactsCoverSeveralCars() throws IOException {
    assertEquals(16, facts().size());
  }

  @ParameterizedTest
  @MethodSource("facts")
  void givesIpfsCarsCidAndMultihash(Fact f) throws IOException {
    Cid cid = CarHash.of(f.path());
    assertEquals(f.cid(), cid.toString());
    assertEquals(f.multihash(), Multibase.BASE58_BTC.encode(cid.multihash().toBytes()));
    try (InputStream in = new OneByteInputStream(Files.newInputStream(f.path()))) {
      assertEquals(f.cid(), CarHash.ofCar(in, CarReadOptions.DEFAULTS).toString());
    }
  }

  @Test
  void javadocExample() throws IOException {
    Path car = Fixtures.testdata().resolve("cars/ipfs-car-x-c-hello-nowrap.car");
    // --- Javadoc example ---
    Cid carCid;
    try (InputStream in = Files.newInputStream(car)) {
      carCid = CarHash.ofCar(in, CarReadOptions.DEFAULTS); // bagbaiera…, the CAR's structure checked on the way
    }
    // --- end ---
    assertEquals("bagbaieraimzttmzohqqynttp4qdce7hgushjpilwzkdajcup2neqo2pneala", carCid.toString());
  }

  @Test
  void hashesAnyBytesButOfCarRefusesWhatIsNotACar() throws IOException {
    byte[] text = "not a CAR\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    // what `ipfs-car hash` (3.1.0) printed for a file holding these 10 bytes
    assertEquals("bagbaieralm72cehpeo4gjmwnbciogsiitlils235yvc54fd4qypbntkruwua",
        CarHash.of(new ByteArrayInputStream(text)).toString());
    // read as a CAR, its first byte 'n' declares a 110-byte header
    assertThrows(TruncatedCarException.class, () -> CarHash.ofCar(new ByteArrayInputStream(text),
        CarReadOptions.DEFAULTS));
  }

  @Test
  void ofCarRefusesATruncatedCar() throws IOException {
    byte[] car = Files.readAllBytes(Fixtures.goCar("sample-v1-tailing-corrupt-section.car"));
    assertThrows(TruncatedCarException.class, () -> CarHash.ofCar(new ByteArrayInputStream(car),
        CarReadOptions.DEFAULTS));
    // the plain hash takes any bytes, as ipfs-car's does
    assertEquals(Multicodec.CAR, CarHash.of(new ByteArrayInputStream(car)).codec());
  }
}
