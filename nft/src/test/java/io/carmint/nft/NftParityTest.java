package io.carmint.nft;

import static io.carmint.nft.Vectors.list;
import static io.carmint.nft.Vectors.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.carmint.block.BlockSink;
import io.carmint.car.BlockLocation;
import io.carmint.car.CarFile;
import io.carmint.multiformats.Cid;
import io.carmint.unixfs.importer.Importer;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@code encodeNFT} case of {@code testdata/nft} (produced by nft.storage 7.2.0 itself): the same input gives
 * the same {@code ipnft}, {@code url}, {@code metadata.json} bytes and CID, gateway JSON, root block bytes, file
 * URLs and directories, and a CAR with the same root and the same blocks, in the client's put order, byte for byte.
 * Inputs the client rejects are rejected; inputs it encodes wrongly are refused (see {@link #REFUSED}).
 */
class NftParityTest {
  /**
   * Cases carmint refuses although the client encodes them, because the client's result is broken: the reason
   * the refusal must give. Their files are still compared one by one where the name is usable
   * ({@link #filesOfRefusedCases}).
   */
  static final Map<String, String> REFUSED = Map.of(
      "file-names-special", "not a valid escape",              // "pct%41%zz%.png": %41 would be read as 'A'
      "file-names-dots", "cannot be stored",                    // ".": the file is lost; "..": the URL drops it
      "file-names-whitespace", "but store it as",               // " lead.png" is linked as %20lead.png
      "file-names-paths", "cannot be stored",                   // "a\/b.png": a name holding '/'
      "dotted-key-file-existing-parent", "contains '.'");       // the link lands in properties.a.b

  static Stream<String> ids() throws IOException {
    return list(Vectors.read("cases.json"), "nft").stream().map(c -> (String) TestJson.object(c).get("id"));
  }

  @ParameterizedTest
  @MethodSource("ids")
  void sameTokenAsTheClient(String id, @TempDir Path dir) throws IOException {
    Map<String, Object> e = Vectors.find("expected.json", "nft", id);
    Input input = new Input(dir, e);
    Map<String, Object> fields = input.fields(Vectors.find("cases.json", "nft", id));
    if (e.containsKey("error")) {
      InvalidNftException x = assertThrows(InvalidNftException.class, () -> build(fields), id);
      assertTrue(x.getMessage().length() > 10, x.getMessage());
      return;
    }
    if (REFUSED.containsKey(id)) {
      InvalidNftException x = assertThrows(InvalidNftException.class, () -> build(fields), id);
      assertTrue(x.getMessage().contains(REFUSED.get(id)), x.getMessage());
      return;
    }
    Path car = dir.resolve("token.car");
    NftToken token = build(fields).encode(car);

    assertEquals(e.get("ipnft"), token.ipnft().toString(), "ipnft");
    assertEquals(e.get("url"), token.url(), "url");
    assertEquals(e.get("metadataJson"), token.metadataJson(), "metadata.json");
    assertEquals(e.get("metadataJsonSha256"), Vectors.sha256(token.metadataJsonBytes()));
    assertEquals(e.get("metadataJsonCid"), token.metadataJsonCid().toString(), "metadata.json CID");
    assertEquals(e.get("embedJson"), token.gatewayMetadataJson(), "token.embed()");
    Map<String, NftToken.AssetLink> byPath = new HashMap<>();
    token.assets().forEach(a -> byPath.put(a.path(), a));
    assertEquals(list(e, "files").size(), byPath.size(), "files");
    for (Object o : list(e, "files")) {
      Map<String, Object> f = TestJson.object(o);
      NftToken.AssetLink a = byPath.get(dotted(list(f, "metadataPath")));
      assertEquals(f.get("url"), a.url(), "url of " + a.path());
      assertEquals(f.get("gatewayUrl"), a.gatewayUrl(), "gateway URL of " + a.path());
      assertEquals(f.get("wrapperCid"), a.directoryCid().toString(), "directory of " + a.path());
    }

    Map<String, Object> cars = obj(e, "car");
    try (CarFile file = CarFile.open(car)) {
      assertEquals(List.of(token.ipnft()), file.roots());
      assertEquals(obj(e, "rootBlock").get("hex"),
          HexFormat.of().formatHex(file.get(token.ipnft()).orElseThrow().toBytes()), "root block");
      List<String> blocks = new ArrayList<>();
      for (BlockLocation l : file.locations()) {
        blocks.add(l.cid().toString());
      }
      assertEquals(new HashSet<>(list(obj(cars, "carBlocksOrder"), "blocks")), new HashSet<>(blocks), "blocks");
      assertEquals(new HashSet<>(blocks).size(), blocks.size(), "each block once");
      assertEquals(list(obj(cars, "putOrder"), "blocks"), new ArrayList<Object>(blocks), "block order");
      assertEquals(obj(cars, "putOrder").get("sha256"), Vectors.sha256(Files.readAllBytes(car)), "CAR bytes");
    }
  }

  /** The files of the refused cases whose names are usable: same directory and URL as the client's. */
  @ParameterizedTest
  @MethodSource("refusedIds")
  void filesOfRefusedCases(String id, @TempDir Path dir) throws IOException {
    Map<String, Object> e = Vectors.find("expected.json", "nft", id);
    Input input = new Input(dir, e);
    input.fields(Vectors.find("cases.json", "nft", id));
    int compared = 0;
    for (Object o : list(e, "files")) {
      Map<String, Object> f = TestJson.object(o);
      NftAsset asset = input.byPath.get(dotted(list(f, "metadataPath")));
      Cid expectedDir = Cid.parse((String) f.get("wrapperCid"));
      assertEquals(f.get("url"), IpfsUrl.href(expectedDir, asset.name()), "URL of " + asset);
      String entry;
      try {
        entry = TokenEncoder.entryPath(asset.name(), "x");
      } catch (InvalidNftException refused) {
        continue;
      }
      Cid ours = Importer.of(TokenEncoder.PROFILE).importEntries(List.of(asset.entry(entry)), BlockSink.discard())
          .root();
      assertEquals(expectedDir, ours, "directory of " + asset);
      compared++;
    }
    assertTrue(compared > 0 || id.equals("file-names-dots") || id.equals("file-names-whitespace"), id);
  }

  static Stream<String> refusedIds() {
    return REFUSED.keySet().stream().sorted();
  }

  private static NftMetadata build(Map<String, Object> fields) {
    NftMetadata.Builder b = NftMetadata.builder();
    fields.forEach(b::field);
    return b.build();
  }

  private static String dotted(List<Object> path) {
    List<String> parts = new ArrayList<>();
    for (Object p : path) {
      parts.add(p instanceof Double d ? Long.toString(d.longValue()) : p.toString());
    }
    return String.join(".", parts);
  }

  /**
   * A case's input as the client received it: JSON numbers as doubles, {@code $file} as a file written from its
   * seed (checked against the SHA-256 the generator recorded), {@code $js} values as Java's nearest equivalents
   * ({@code undefined} is left out of objects and {@code null} in arrays, as the client's JSON round trip makes it).
   */
  static final class Input {
    private static final Object UNDEFINED = new Object();
    private final Path dir;
    private final Map<String, Object> sha256BySeed = new HashMap<>();
    private final Map<String, NftAsset> refs = new HashMap<>();
    final Map<String, NftAsset> byPath = new HashMap<>();
    private int files;

    Input(Path dir, Map<String, Object> expected) {
      this.dir = dir;
      for (Object o : list(expected, "inputFiles")) {
        Map<String, Object> f = TestJson.object(o);
        sha256BySeed.put(f.get("seed") + "/" + f.get("size"), f.get("sha256"));
      }
    }

    Map<String, Object> fields(Map<String, Object> c) throws IOException {
      Object input = c.containsKey("inputJsonText") ? TestJson.parse((String) c.get("inputJsonText")) : c.get("input");
      return TestJson.object(convert(input, new ArrayList<>()));
    }

    private Object convert(Object n, List<String> path) throws IOException {
      if (n instanceof Map<?, ?> raw) {
        Map<String, Object> m = TestJson.object(raw);
        if (m.containsKey("$file")) {
          return file(obj(m, "$file"), path);
        }
        if (m.containsKey("$fileRef")) {
          NftAsset a = refs.get((String) m.get("$fileRef"));
          byPath.put(String.join(".", path), a);
          return a;
        }
        if (m.containsKey("$js")) {
          String js = (String) m.get("$js");
          return switch (js) {
            case "NaN" -> Double.NaN;
            case "Infinity" -> Double.POSITIVE_INFINITY;
            case "-Infinity" -> Double.NEGATIVE_INFINITY;
            case "undefined" -> UNDEFINED;
            default -> new BigInteger(js.substring("bigint:".length()));
          };
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> f : m.entrySet()) {
          path.add(f.getKey());
          Object v = convert(f.getValue(), path);
          path.remove(path.size() - 1);
          if (v != UNDEFINED) {
            out.put(f.getKey(), v);
          }
        }
        return out;
      }
      if (n instanceof List<?> l) {
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < l.size(); i++) {
          path.add(Integer.toString(i));
          Object v = convert(l.get(i), path);
          path.remove(path.size() - 1);
          out.add(v == UNDEFINED ? null : v);
        }
        return out;
      }
      return n; // strings, booleans, null, and numbers as JSON.parse reads them: doubles
    }

    private NftAsset file(Map<String, Object> f, List<String> path) throws IOException {
      String seed = (String) f.get("seed");
      long size = ((Double) f.get("size")).longValue();
      Path p = dir.resolve("in-" + files++);
      assertEquals(sha256BySeed.get(seed + "/" + f.get("size")), Vectors.write(p, seed, size), "bytes of " + seed);
      NftAsset a = NftAsset.of(p, (String) f.get("name"));
      if (f.containsKey("ref")) {
        refs.put((String) f.get("ref"), a);
      }
      byPath.put(String.join(".", path), a);
      return a;
    }
  }
}
