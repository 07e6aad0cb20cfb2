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
import java.util.List;

/**
 * Packs what a client sent as a blob or as multipart files into a CAR, as NFT.Storage did with ipfs-car's
 * {@code packToBlob}: UnixFS with the nft.storage settings ({@link ImportProfile#NFT_STORAGE}: CIDv1, raw leaves,
 * 256 KiB chunks, 174 links per node), a blob as one file without a directory, multipart files in one directory
 * (the JS client's {@code storeDirectory} packs the same files to the same root). The packing itself is
 * {@link CarPacker}'s; the importer runs on the request's thread (no pool per request).
 */
final class Packer {
  private final CarPacker packer = CarPacker.builder()
      .importer(Importer.builder().profile(ImportProfile.NFT_STORAGE).parallelism(1).build())
      .build();

  /** @return the root of the packed blob */
  Cid packFile(Path file, Path car) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return packer.pack(in, null, car).root();
    }
  }

  /**
   * @return the root of the directory holding the files
   * @throws HttpError 400 if a file name cannot be a UnixFS path
   */
  Cid packDirectory(List<Multipart.Part> files, Path car) throws IOException, HttpError {
    List<ImportEntry> entries = new ArrayList<>();
    for (Multipart.Part p : files) {
      entries.add(ImportEntry.file(p.filename(), () -> Files.newInputStream(p.file())));
    }
    try {
      return packer.pack(entries, car).root();
    } catch (InvalidEntryNameException e) {
      throw HttpError.badRequest("invalid file name in multipart upload: " + e.getMessage());
    }
  }
}
