package io.carmint.unixfs.exporter;

import io.carmint.multiformats.Cid;
import java.io.IOException;
import java.io.InputStream;

/**
 * Receives the entries of a tree from {@link Exporter#walk}, depth first: a directory before its entries. Paths are
 * relative to the walked root, {@code /}-separated, made only of names that passed the safety check; the root
 * itself has path {@code ""}. The methods are called one at a time, on the thread that called {@code walk}.
 */
public interface ExportVisitor {
  /**
   * A directory (the root included) is about to be walked.
   *
   * @param path its path below the root, {@code /}-separated ({@code ""} for the root)
   * @param cid its CID
   * @throws IOException to stop the walk
   */
  void directory(String path, Cid cid) throws IOException;

  /**
   * A file. {@code content} streams its bytes, checked against the declared sizes as it is read, and is valid only
   * during this call; the walk does not need it to be read.
   *
   * @param path its path below the root, {@code /}-separated
   * @param cid its CID
   * @param size its declared size in bytes
   * @param content its bytes
   * @throws IOException to stop the walk (reading {@code content} throws the exporter's exceptions)
   */
  void file(String path, Cid cid, long size, InputStream content) throws IOException;

  /**
   * A symbolic link; the target is not checked or resolved.
   *
   * @param path its path below the root, {@code /}-separated
   * @param cid its CID
   * @param target its target, as stored
   * @throws IOException to stop the walk
   */
  void symlink(String path, Cid cid, String target) throws IOException;
}
