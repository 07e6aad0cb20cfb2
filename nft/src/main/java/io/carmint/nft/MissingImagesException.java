package io.carmint.nft;

import io.carmint.multiformats.DataException;
import java.util.List;
import java.util.Objects;

/**
 * Metadata of a collection refers to images that are not in its images folder. Every such reference of every file
 * is listed ({@link #references()}); nothing was written. The message names the first few; {@link #offset()} is -1
 * (each reference has its own place).
 */
public final class MissingImagesException extends DataException {
  private static final long serialVersionUID = 1L;
  private static final int IN_MESSAGE = 5;

  private final transient List<MissingImage> references;

  MissingImagesException(List<MissingImage> references) {
    super(-1, message(references));
    this.references = List.copyOf(references);
  }

  /** @return every reference to a missing image, in file order, then in order within each file */
  public List<MissingImage> references() {
    return references;
  }

  private static String message(List<MissingImage> refs) {
    StringBuilder b = new StringBuilder().append(refs.size()).append(refs.size() == 1 ? " reference" : " references")
        .append(" to images that are not in the images folder: ");
    for (int i = 0; i < Math.min(IN_MESSAGE, refs.size()); i++) {
      b.append(i == 0 ? "" : "; ").append(refs.get(i));
    }
    return b.append(refs.size() > IN_MESSAGE ? "; …" : "").toString();
  }

  /**
   * A reference to a missing image.
   *
   * @param file the metadata file, as given to the collection
   * @param line the line of the JSON string, from 1
   * @param column its column in characters, from 1
   * @param key the key it is the value of ({@code image}, {@code image_url} or {@code animation_url})
   * @param value the string's value
   */
  public record MissingImage(String file, long line, long column, String key, String value) {
    /**
     * @param file the metadata file, as given to the collection
     * @param line the line of the JSON string, from 1
     * @param column its column in characters, from 1
     * @param key the key it is the value of ({@code image}, {@code image_url} or {@code animation_url})
     * @param value the string's value
     * @throws NullPointerException if a component is null
     */
    public MissingImage {
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(value, "value");
    }

    /** @return e.g. {@code metadata/7.json:1:42: image "ipfs://NewUriToReplace/7.png"} */
    @Override
    public String toString() {
      StringBuilder b = new StringBuilder(file).append(':').append(line).append(':').append(column).append(": ")
          .append(key).append(' ');
      JsJson.quote(b, value);
      return b.toString();
    }
  }
}
