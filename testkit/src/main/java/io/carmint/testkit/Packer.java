package io.carmint.testkit;

import io.carmint.car.CarWriteOptions;
import io.carmint.car.CarWriter;
import io.carmint.multiformats.Cid;
import io.carmint.multiformats.Multicodec;
import io.carmint.unixfs.importer.ImportEntry;
import io.carmint.unixfs.importer.ImportProfile;
import io.carmint.unixfs.importer.ImportResult;
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
 * (the JS client's {@code storeDirectory} packs the same files to the same root).
 */
final class Packer {
  private final Importer importer = Importer.builder().profile(ImportProfile.NFT_STORAGE).parallelism(1).build();

  /** @return the root of the packed blob */
  Cid packFile(Path file, Path car) throws IOException {
    try (InputStream in = Files.newInputStream(file); CarWriter w = open(car)) {
      ImportResult r = importer.importStream(in, w);
      w.finish(r.root());
      return r.root();
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
    try (CarWriter w = open(car)) {
      ImportResult r = importer.importEntries(entries, w);
      w.finish(r.root());
      return r.root();
    } catch (InvalidEntryNameException e) {
      throw HttpError.badRequest("invalid file name in multipart upload: " + e.getMessage());
    }
  }

  private static CarWriter open(Path car) throws IOException {
    Cid placeholder = CarWriter.placeholder(1, Multicodec.DAG_PB, ImportProfile.NFT_STORAGE.hashFunction());
    return CarWriter.createFile(car, placeholder, CarWriteOptions.DEFAULTS); // de-duplicated
  }
}
