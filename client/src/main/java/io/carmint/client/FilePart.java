package io.carmint.client;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One file of a multipart upload ({@link NftStorageClient#storeFiles}): sent as a {@code file} form part whose
 * file name is {@code name}, streamed from {@code path}.
 *
 * @param name the file's path inside the upload, {@code /}-separated (for example {@code "cats/tom.png"})
 * @param path where to read the bytes from
 * @param contentType the part's media type, {@code application/octet-stream} if null
 */
public record FilePart(String name, Path path, String contentType) {
  /** Default media type of a part. */
  public static final String DEFAULT_CONTENT_TYPE = "application/octet-stream";

  /**
   * @param name the file's path inside the upload, {@code /}-separated (for example {@code "cats/tom.png"})
   * @param path where to read the bytes from
   * @param contentType the part's media type, {@code application/octet-stream} if null
   * @throws IllegalArgumentException if {@code name} is empty
   */
  public FilePart {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(path, "path");
    if (name.isEmpty()) {
      throw new IllegalArgumentException("file name must not be empty");
    }
    contentType = contentType == null ? DEFAULT_CONTENT_TYPE : contentType;
  }

  /**
   * @param name the file's path inside the upload
   * @param path the file to send
   * @return a part named {@code name} with the default media type
   */
  public static FilePart of(String name, Path path) {
    return new FilePart(name, path, null);
  }
}
