package io.carmint.testkit;

import io.carmint.multiformats.Cid;
import io.carmint.pack.CarPacker;
import io.carmint.unixfs.importer.ImportEntry;
import io.carmint.unixfs.importer.ImportProfile;
import io.carmint.unixfs.importer.Importer;
import io.carmint.unixfs.importer.InvalidEntryNameException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Packs what a client sent as a blob or as multipart files into a CAR, as NFT.Storage did with ipfs-car's
 * {@code packToBlob}: UnixFS with the nft.storage settings ({@link ImportProfile#NFT_STORAGE}: CIDv1, raw leaves,
 * 256 KiB chunks, 174 links per node), a blob as one file without a directory, multipart files in one directory
 * (the JS client's {@code storeDirectory} packs the same files to the same root). The packing itself is
 * {@link CarPacker}'s; the importer runs on the request's thread (no pool per request).
 */
final class Packer {
  private static final ImportProfile PROFILE = ImportProfile.NFT_STORAGE;
  private final CarPacker packer = CarPacker.builder()
      .importer(Importer.builder().profile(PROFILE).parallelism(1).build())
      .build();

  /** @return the root of the packed blob */
  Cid packFile(Path file, Path car) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return packer.pack(in, null, car).root();
    }
  }

  /**
   * @return the root of the directory holding the files
   * @throws HttpError 400 if a file name cannot be a UnixFS path, or two files' paths clash
   */
  Cid packDirectory(List<Multipart.Part> files, Path car) throws IOException, HttpError {
    checkClashes(files);
    List<ImportEntry> entries = new ArrayList<>();
    for (Multipart.Part p : files) {
      entries.add(ImportEntry.file(p.filename(), () -> Files.newInputStream(p.file())));
    }
    try {
      return packer.pack(entries, car).root();
    } catch (InvalidEntryNameException e) {
      throw invalidName(e);
    }
  }

  private static HttpError invalidName(InvalidEntryNameException e) {
    return HttpError.badRequest("invalid file name in multipart upload: " + e.getMessage());
  }

  /**
   * Refuses files whose paths, as the profile's {@link io.carmint.unixfs.importer.PathRules} make them, clash: the
   * same path twice, or a file's path used as a directory by another. The importer, following the nft.storage
   * client, would keep only the later file and drop the other without a word. Hidden files, which the profile
   * leaves out, clash with nothing.
   *
   * @throws HttpError 400 naming the two files and the path they share
   */
  static void checkClashes(List<Multipart.Part> files) throws HttpError {
    Map<List<String>, String> filePaths = new HashMap<>();
    Map<List<String>, String> directories = new HashMap<>();
    for (Multipart.Part p : files) {
      List<String> names;
      try {
        names = PROFILE.pathRules().split(p.filename());
      } catch (InvalidEntryNameException e) {
        throw invalidName(e);
      }
      if (!PROFILE.includeHidden() && names.stream().anyMatch(n -> n.startsWith("."))) {
        continue;
      }
      for (int i = 1; i < names.size(); i++) {
        List<String> dir = names.subList(0, i);
        String file = filePaths.get(dir);
        if (file != null) {
          throw clash(file, p.filename(), dir, "a file, and a directory of the second");
        }
        directories.putIfAbsent(List.copyOf(dir), p.filename());
      }
      String same = filePaths.get(names);
      if (same != null) {
        throw clash(same, p.filename(), names, "both files");
      }
      String below = directories.get(names);
      if (below != null) {
        throw clash(below, p.filename(), names, "a directory of the first, and a file");
      }
      filePaths.put(names, p.filename());
    }
  }

  private static HttpError clash(String first, String second, List<String> path, String what) {
    return HttpError.badRequest("multipart files clash: '" + first + "' and '" + second + "' both need '"
        + String.join("/", path) + "' (" + what + "); send each path once");
  }
}
