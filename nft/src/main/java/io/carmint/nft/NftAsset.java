package io.carmint.nft;

import io.carmint.unixfs.importer.ImportEntry;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * A file of a token: its image, or a file among its properties (a {@code File} or {@code Blob} given to the
 * nft.storage client). It has a name, which becomes the file's name in its own directory and the last part of its
 * {@code ipfs://} URL, and content: a file on disk (read when the token is encoded, streamed, never held in memory)
 * or bytes.
 *
 * <pre>{@code
 * NftAsset image = NftAsset.of(Path.of("art/cat.png"));          // named cat.png
 * NftAsset video = NftAsset.of(Path.of("render.mp4"), "cat.mp4"); // stored and linked as cat.mp4
 * }</pre>
 *
 * <p>As in the client, a file without a name (or with an empty one) is named {@code blob}, and a name is first made
 * well-formed Unicode (each lone surrogate becomes U+FFFD, as the JavaScript {@code File} constructor does). The
 * media type a JavaScript {@code File} carries is not modelled: the client never writes it into the DAG. Whether a
 * name can be linked is checked when the metadata is built ({@link NftMetadata.Builder#build()}).
 *
 * <p>Immutable and thread-safe. Two assets are equal when they have the same name and the same path, or the same
 * bytes.
 */
public final class NftAsset {
  /** The name the client gives a file whose name is missing or empty. */
  public static final String DEFAULT_NAME = "blob";

  private final String name;
  private final Path path;
  private final byte[] bytes;

  private NftAsset(String name, Path path, byte[] bytes) {
    this.name = name == null || name.isEmpty() ? DEFAULT_NAME : IpfsUrl.usv(name);
    this.path = path;
    this.bytes = bytes;
  }

  /**
   * @param file a regular file, read when the token is encoded
   * @return the file, named as its last path element
   * @throws IllegalArgumentException if {@code file} has no file name (a root directory)
   */
  public static NftAsset of(Path file) {
    Objects.requireNonNull(file, "file");
    Path fileName = file.getFileName();
    if (fileName == null) {
      throw new IllegalArgumentException("Path '" + file + "' has no file name; pass a name");
    }
    return new NftAsset(fileName.toString(), file, null);
  }

  /**
   * @param file a regular file, read when the token is encoded
   * @param name the name to store and link it under; null or empty for {@value #DEFAULT_NAME}
   * @return the asset
   */
  public static NftAsset of(Path file, String name) {
    return new NftAsset(name, Objects.requireNonNull(file, "file"), null);
  }

  /**
   * @param bytes the content (copied)
   * @param name the name to store and link it under; null or empty for {@value #DEFAULT_NAME}
   * @return the asset
   */
  public static NftAsset of(byte[] bytes, String name) {
    return new NftAsset(name, null, Objects.requireNonNull(bytes, "bytes").clone());
  }

  /** @return the name the file is stored and linked under (never empty) */
  public String name() {
    return name;
  }

  /** @return the file on disk, or empty for an asset given as bytes */
  public Optional<Path> path() {
    return Optional.ofNullable(path);
  }

  /** @return an importer entry at {@code entryPath} whose content is opened when the importer reaches it */
  ImportEntry entry(String entryPath) {
    if (path != null) {
      return ImportEntry.file(entryPath, () -> Files.newInputStream(path));
    }
    return ImportEntry.file(entryPath, () -> new ByteArrayInputStream(bytes));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NftAsset a && name.equals(a.name) && Objects.equals(path, a.path)
        && Arrays.equals(bytes, a.bytes);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, path, Arrays.hashCode(bytes));
  }

  /** @return the name and where the content comes from, e.g. {@code cat.png (art/cat.png)} */
  @Override
  public String toString() {
    return name + (path != null ? " (" + path + ")" : " (" + bytes.length + " bytes)");
  }
}
