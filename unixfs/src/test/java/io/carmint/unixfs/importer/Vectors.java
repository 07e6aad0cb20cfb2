package io.carmint.unixfs.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Test helper: the reference vectors in testdata/vectors and the profile each of their result keys means. */
final class Vectors {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private Vectors() {}

  static Path dir() {
    return Path.of(System.getProperty("carmint.testdata", "testdata"), "vectors");
  }

  /** One input of corpus.json / extra-corpus.json. */
  record Case(String id, JsonNode input) {
    boolean isFile() {
      return input.get("kind").asText().equals("file");
    }

    long size() {
      return input.get("size").asLong();
    }

    String seed() {
      return input.get("seed").asText();
    }

    /** The directory entries as importer entries, in corpus order, contents generated lazily. */
    List<ImportEntry> entries() {
      List<ImportEntry> out = new ArrayList<>();
      for (JsonNode e : input.get("entries")) {
        String path = e.get("path").asText();
        String kind = e.has("kind") ? e.get("kind").asText() : "file";
        switch (kind) {
          case "emptydir" -> out.add(ImportEntry.directory(path));
          case "symlink" -> out.add(ImportEntry.symlink(path, e.get("target").asText()));
          default -> {
            String seed = e.get("seed").asText();
            long size = e.get("size").asLong();
            out.add(ImportEntry.file(path, () -> Keystream.open(seed, size)));
          }
        }
      }
      return out;
    }
  }

  /** A result to match: case, result key, expected fields. */
  record Expectation(Case input, String key, JsonNode expected) {}

  /** The expectations of one corpus/expected pair, in file order; empty if the files are absent. */
  static List<Expectation> load(String corpusFile, String expectedFile) throws IOException {
    Path corpus = dir().resolve(corpusFile);
    Path expected = dir().resolve(expectedFile);
    List<Expectation> out = new ArrayList<>();
    if (!Files.exists(corpus) || !Files.exists(expected)) {
      return out;
    }
    Map<String, Case> cases = new LinkedHashMap<>();
    for (JsonNode c : MAPPER.readTree(corpus.toFile())) {
      cases.put(c.get("id").asText(), new Case(c.get("id").asText(), c));
    }
    for (JsonNode r : MAPPER.readTree(expected.toFile())) {
      Case c = cases.get(r.get("id").asText());
      for (var it = r.get("results").fields(); it.hasNext(); ) {
        var e = it.next();
        out.add(new Expectation(c, e.getKey(), e.getValue()));
      }
    }
    return out;
  }

  /**
   * The profile that reproduces how the reference tool behind {@code key} was driven. The JS importer and the
   * nft.storage client were handed every entry (no hidden-file filter), so those get {@code includeHidden};
   * ipfs-car packed a directory on disk with its defaults.
   */
  static ImportProfile profile(String key) {
    return switch (key) {
      case "ipfs-car" -> ImportProfile.IPFS_CAR;
      case "nft.storage" -> ImportProfile.NFT_STORAGE.toBuilder().includeHidden(true).build();
      case "unixfs-v1-2025" -> ImportProfile.UNIXFS_V1_2025.toBuilder().includeHidden(true).build();
      case "unixfs-v0-2015", "rust-ipfs-cid" -> ImportProfile.KUBO.toBuilder().includeHidden(true).build();
      case "kubo-v1" -> ImportProfile.KUBO_V1.toBuilder().includeHidden(true).build();
      case "kubo-trickle" -> ImportProfile.KUBO_TRICKLE.toBuilder().includeHidden(true).build();
      default -> throw new IllegalArgumentException("unknown result key " + key);
    };
  }
}
