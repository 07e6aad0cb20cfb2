package io.carmint.nft;

import io.carmint.block.Block;
import io.carmint.block.BlockSink;
import io.carmint.car.CarWriteOptions;
import io.carmint.car.CarWriter;
import io.carmint.dagcbor.DagCbor;
import io.carmint.dagcbor.DagCborValue;
import io.carmint.multiformats.Cid;
import io.carmint.multiformats.HashFunction;
import io.carmint.multiformats.Multicodec;
import io.carmint.unixfs.importer.ImportProfile;
import io.carmint.unixfs.importer.Importer;
import io.carmint.unixfs.importer.InvalidEntryNameException;
import io.carmint.unixfs.importer.PathRules;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code Token.encode} of the nft.storage client 7.2.0 ({@code src/token.js}), step by step:
 * <ol>
 *   <li>each file, in the order found, is packed on its own into a directory that holds it, with the settings of
 *       the client's ipfs-car 0.6.2 ({@link #PROFILE}), and its URL is {@code new URL('ipfs://' + dir + '/' +
 *       name)};
 *   <li>the metadata goes through a JSON round trip (a file-valued key drops out of its object, a file in an array
 *       becomes {@code null}, NaN and ±Infinity become {@code null}, −0 becomes 0), then each file's place is set
 *       again: the URL in {@code metadata.json}, the directory's CID in the root, so file keys end up last;
 *   <li>{@code metadata.json} = {@code JSON.stringify} of that, packed as a single file (no directory);
 *   <li>the root is the dag-cbor block of the metadata with links, plus {@code metadata.json} (a link) and
 *       {@code type: "nft"}; integers up to 2<sup>53</sup>−1 are CBOR integers, other numbers float64, and lone
 *       surrogates in strings and keys become U+FFFD, as cborg writes them.
 * </ol>
 * The blocks go to the sink in that order, each file's leaves then its nodes then its directory (each block once
 * when the sink de-duplicates): the order in which the client puts them into its block store, which its in-memory
 * store (the browser build) gives back.
 */
final class TokenEncoder {
  /**
   * ipfs-car 0.6.2's settings as the nft.storage client uses them: {@link ImportProfile#NFT_STORAGE}, and names that
   * start with a dot kept (the client packs the file it is given, whatever its name).
   */
  static final ImportProfile PROFILE = ImportProfile.NFT_STORAGE.toBuilder().includeHidden(true).build();

  private static final double MAX_SAFE_INTEGER = 9_007_199_254_740_991d;

  private TokenEncoder() {}

  static NftToken encode(NftMetadata m, Path car) throws IOException {
    Path dir = car.toAbsolutePath().getParent();
    Path tmp = Files.createTempFile(dir, "." + car.getFileName() + ".", ".part");
    try {
      NftToken token;
      Cid placeholder = CarWriter.placeholder(1, Multicodec.DAG_CBOR, HashFunction.SHA2_256);
      try (CarWriter w = CarWriter.createFile(tmp, placeholder, CarWriteOptions.DEFAULTS)) {
        token = write(m, Importer.of(PROFILE), w);
        w.finish(token.ipnft());
      }
      Files.move(tmp, car, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return token;
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** Packs every file, {@code metadata.json} and the root into {@code sink}. */
  static NftToken write(NftMetadata m, Importer importer, BlockSink sink) throws IOException {
    List<NftToken.AssetLink> links = new ArrayList<>();
    for (NftMetadata.Located l : m.located()) {
      String name = l.asset().name();
      String entry = entryPath(name, l.dotted());
      Cid dir = importer.importEntries(List.of(l.asset().entry(entry)), sink).root();
      links.add(new NftToken.AssetLink(l.dotted(), name, dir, IpfsUrl.href(dir, name)));
    }
    Iterator<NftToken.AssetLink> next = links.iterator();
    JsValue.Obj tree = (JsValue.Obj) withLinks(m.root(), next);
    String json = JsJson.stringify(tree, url -> url);
    byte[] jsonBytes = json.getBytes(StandardCharsets.UTF_8);
    Cid metadataCid = importer.importStream(new ByteArrayInputStream(jsonBytes), sink).root();

    DagCborValue.MapValue.Builder root = DagCborValue.MapValue.builder();
    for (Map.Entry<String, JsValue> e : tree.entries().entrySet()) {
      if (!e.getKey().equals("metadata.json") && !e.getKey().equals("type")) {
        root.put(IpfsUrl.usv(e.getKey()), cbor(e.getValue()));
      }
    }
    root.put("metadata.json", DagCborValue.LinkValue.of(metadataCid));
    root.put("type", DagCborValue.TextValue.of("nft"));
    Block block = Block.create(Multicodec.DAG_CBOR, HashFunction.SHA2_256, DagCbor.encode(root.build()));
    sink.put(block);
    return new NftToken(block.cid(), metadataCid, json, JsJson.stringify(tree, IpfsUrl::gateway), links);
  }

  /**
   * The client's {@code JSON.parse(JSON.stringify(meta))} followed by {@code setIn} for every file, in one pass:
   * the files come from {@code links} in the order they were found, which is this walk's order.
   */
  private static JsValue withLinks(JsValue v, Iterator<NftToken.AssetLink> links) {
    if (v instanceof JsValue.Num n) {
      double d = n.value();
      return !Double.isFinite(d) ? JsValue.Null.INSTANCE : d == 0 ? new JsValue.Num(0) : n;
    }
    if (v instanceof JsValue.Arr a) {
      List<JsValue> items = new ArrayList<>(a.items().size());
      for (JsValue item : a.items()) {
        items.add(item instanceof JsValue.File ? link(links.next()) : withLinks(item, links));
      }
      return new JsValue.Arr(items);
    }
    if (v instanceof JsValue.Obj o) {
      LinkedHashMap<String, JsValue> entries = new LinkedHashMap<>();
      LinkedHashMap<String, JsValue> files = new LinkedHashMap<>();
      for (String k : o.keys()) {
        JsValue item = o.entries().get(k);
        if (item instanceof JsValue.File) {
          files.put(k, link(links.next())); // dropped by the round trip, set again afterwards
        } else {
          entries.put(k, withLinks(item, links));
        }
      }
      entries.putAll(files);
      return new JsValue.Obj(entries);
    }
    return v;
  }

  private static JsValue link(NftToken.AssetLink l) {
    return new JsValue.Link(l.directoryCid(), l.url());
  }

  private static DagCborValue cbor(JsValue v) {
    if (v instanceof JsValue.Str s) {
      return DagCborValue.TextValue.of(IpfsUrl.usv(s.value()));
    }
    if (v instanceof JsValue.Num n) {
      double d = n.value();
      if (d == Math.rint(d) && Math.abs(d) <= MAX_SAFE_INTEGER) {
        return DagCborValue.IntValue.of((long) d);
      }
      return DagCborValue.FloatValue.of(d);
    }
    if (v instanceof JsValue.Bool b) {
      return DagCborValue.BoolValue.of(b.value());
    }
    if (v instanceof JsValue.Link l) {
      return DagCborValue.LinkValue.of(l.cid());
    }
    if (v instanceof JsValue.Arr a) {
      List<DagCborValue> items = new ArrayList<>(a.items().size());
      for (JsValue item : a.items()) {
        items.add(cbor(item));
      }
      return new DagCborValue.ListValue(items);
    }
    if (v instanceof JsValue.Obj o) {
      DagCborValue.MapValue.Builder b = DagCborValue.MapValue.builder();
      for (Map.Entry<String, JsValue> e : o.entries().entrySet()) {
        b.put(IpfsUrl.usv(e.getKey()), cbor(e.getValue()));
      }
      return b.build();
    }
    return DagCborValue.NullValue.INSTANCE;
  }

  /**
   * The path the client's importer stores a file named {@code name} under inside its directory (ipfs-unixfs-importer
   * 9 drops empty and {@code .} segments, then trims and splits on {@code /} and {@code \}), checked against the
   * URL the client writes for it.
   *
   * @param where the file's place in the metadata, for messages
   * @throws InvalidNftException if the importer cannot store the name, or the URL would not name the stored file
   */
  static String entryPath(String name, String where) {
    StringBuilder path = new StringBuilder();
    for (String part : name.split("/", -1)) {
      if (!part.isEmpty() && !part.equals(".")) {
        path.append(path.length() == 0 ? "" : "/").append(part);
      }
    }
    String prefix = where + ": file name \"" + printable(name) + "\"";
    List<String> stored;
    try {
      stored = PathRules.NFT_STORAGE_CLIENT.split(path.toString());
    } catch (InvalidEntryNameException e) {
      throw new InvalidNftException(prefix + " cannot be stored as the nft.storage client stores it (" + e.getMessage()
          + "); rename the file");
    }
    String url = IpfsUrl.afterHost(name);
    if (url.indexOf('?') >= 0 || url.indexOf('#') >= 0) {
      throw new InvalidNftException(prefix + ": the nft.storage client's URL would read '" + (url.indexOf('?') >= 0
          ? "?' as the start of a query" : "#' as the start of a fragment") + ", so it would not name the file; "
          + "rename the file");
    }
    List<String> linked = new ArrayList<>();
    for (String part : url.split("[/\\\\]")) {
      String decoded = IpfsUrl.decode(part);
      if (decoded == null) {
        throw new InvalidNftException(prefix + ": the nft.storage client's URL would keep the '%' of \""
            + printable(part) + "\", which is not a valid escape, so it would not name the file; rename the file");
      }
      if (!decoded.isEmpty()) {
        linked.add(decoded);
      }
    }
    if (!linked.equals(stored)) {
      throw new InvalidNftException(prefix + ": the nft.storage client would link it as ipfs://<cid>" + printable(url)
          + ", which names \"" + printable(String.join("/", linked)) + "\", but store it as \""
          + printable(String.join("/", stored)) + "\"; rename the file");
    }
    return path.toString();
  }

  /** @return {@code s} with control characters shown as Java escapes, for one-line messages */
  private static String printable(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c == 0x7F) {
        b.append(String.format("\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }
}
