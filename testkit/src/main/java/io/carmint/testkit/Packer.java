package io.carmint.testkit;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Packs what a client sent as a blob or as multipart files into a CAR, as the service does: UnixFS with the
 * nft.storage settings (CIDv1, raw leaves, 256 KiB chunks, 174 links per node), a blob without a wrapping
 * directory, files wrapped in one.
 */
final class Packer {
  void packFile(Path file, Path car) throws IOException, HttpError {
    throw new HttpError(501, "HTTP_ERROR", "blob uploads need the UnixFS importer, not yet available");
  }

  void packDirectory(List<Multipart.Part> files, Path car) throws IOException, HttpError {
    throw new HttpError(501, "HTTP_ERROR", "multipart uploads need the UnixFS importer, not yet available");
  }
}
