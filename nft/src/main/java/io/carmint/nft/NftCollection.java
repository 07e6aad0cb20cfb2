package io.carmint.nft;

import io.carmint.multiformats.Cid;
import io.carmint.pack.CarPacker;
import io.carmint.unixfs.importer.ImportProfile;
import io.carmint.unixfs.importer.Importer;
import io.carmint.unixfs.importer.SymlinkPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.LongConsumer;
import java.util.regex.Pattern;

/**
 * A generative collection made ready to mint in one step: the images folder is packed, every image reference in
 * the metadata files is pointed at it, and the rewritten metadata folder is packed, giving the base URI for the
 * contract. Nothing leaves the machine.
 *
 * <pre>{@code
 * CollectionResult r = NftCollection.builder()
 *     .images(Path.of("images"))        // 1.png … N.png
 *     .metadata(Path.of("metadata"))    // 1.json … N.json, _metadata.json
 *     .output(Path.of("out"))
 *     .build()
 *     .write();
 * System.out.println(r.baseUri());      // ipfs://bafy…/  for setBaseURI
 * }</pre>
 *
 * <p><b>What is written:</b> {@code OUT/images.car} (the images folder; with the default {@code ipfs-car} profile its
 * root is what {@code ipfs-car pack IMAGES} prints), {@code OUT/metadata/} (the metadata folder's files, rewritten)
 * and {@code OUT/metadata.car} (that folder packed with the same profile).
 *
 * <p><b>What is rewritten:</b> in every JSON file of the metadata folder (a name ending in {@code .json}, or a name
 * without extension whose content starts with <code>&#123;</code> or {@code [}), each string value of an {@code image},
 * {@code image_url} or {@code animation_url} key, at any depth, whose last path segment, percent-decoded (or as it
 * is), names a file at the top of the images folder, becomes {@code ipfs://<imagesCid>/<name>}, the name
 * percent-encoded as the nft.storage client encodes URLs (and {@code % # ? \} too, so the link always names the
 * file). Only that string token changes: every other byte of the file stays as it was (key order, indentation,
 * escapes, number spelling, final newline). Other files are copied as they are.
 *
 * <p><b>What is refused, before anything is written:</b> a reference that names no image when it is a relative
 * path ({@code 1.png}, {@code images/1.png}) or an {@code ipfs://} URL whose host is not a CID (a placeholder such
 * as {@code ipfs://NewUriToReplace/1.png}): all of them, in all files, are reported at once
 * ({@link MissingImagesException}). Other URLs ({@code https:}, {@code data:}, {@code ipfs://<cid>/…} naming no
 * image) are left as they are. A file that is not JSON, or JSON that is not a token object or an array of token
 * objects, fails with its line and column ({@link InvalidMetadataException}).
 *
 * <p><b>Memory:</b> the names of the images and of the metadata files; each metadata file is streamed (read twice:
 * checked, then rewritten), and the packer streams too, so memory does not grow with the number of tokens beyond
 * those names and the CIDs of one directory. The input folders must not change while this runs.
 *
 * <p>Immutable and thread-safe; each {@link #write()} works on its own (a {@link Builder#progress progress}
 * listener shared by writes running at once hears from each of their threads).
 */
public final class NftCollection {
  private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");

  private final Path images;
  private final Path metadata;
  private final Path output;
  private final ImportProfile profile;
  private final Progress progress;

  /**
   * Told how a {@link #write()} advances, for a progress display ({@link Builder#progress}). Calls come on the thread
   * running {@code write}, one at a time; one that throws stops the write with its exception (what was written stays,
   * as for any failure after the check).
   */
  @FunctionalInterface
  public interface Progress {
    /**
     * Called once with {@code doneBytes} 0 once the metadata has been checked (before anything is written), then
     * as the work advances, and last with {@code doneBytes} equal to {@code totalBytes}. The work is counted in bytes
     * of the input files, as listed before packing: the images folder's regular files (packed), then each metadata
     * file twice (rewritten or copied, then packed). While a folder is packed the count follows the packer's block
     * bytes, held at that folder's share until its CAR is complete: blocks hold more bytes than the files (the
     * DAG's nodes; without raw leaves, each leaf's wrapping).
     *
     * @param doneBytes the bytes processed so far; never decreases and never passes {@code totalBytes}
     * @param totalBytes the bytes of the images plus twice the bytes of the metadata files; the same in every call
     */
    void onProgress(long doneBytes, long totalBytes);
  }

  private NftCollection(Builder b) {
    this.images = Objects.requireNonNull(b.images, "images");
    this.metadata = Objects.requireNonNull(b.metadata, "metadata");
    this.output = Objects.requireNonNull(b.output, "output");
    this.profile = b.profile;
    this.progress = b.progress;
  }

  /** @return a builder; the profile defaults to {@link ImportProfile#IPFS_CAR} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Checks every metadata file, then packs the images, writes the rewritten metadata and packs it.
   *
   * @return the CIDs, the base URI and counts
   * @throws MissingImagesException if references name images that are not there (all listed; nothing written)
   * @throws InvalidMetadataException if a metadata file is not JSON or not a token object or array of them
   *     (nothing written)
   * @throws NoSuchFileException if an input folder does not exist
   * @throws NotDirectoryException if an input is not a folder
   * @throws IOException if {@code OUT/metadata} exists and is not an empty folder, the output is inside an input
   *     folder, or reading or writing fails
   */
  public CollectionResult write() throws IOException {
    checkFolders();
    Set<String> names = imageNames();
    List<Entry> entries = metadataEntries();
    Path outMetadata = output.resolve("metadata");

    References check = new References(names, null);
    for (Entry e : entries) {
      if (e.json) {
        try (InputStream in = Files.newInputStream(metadata.resolve(e.relative))) {
          JsonRewriter.rewrite(in, null, e.display, check.forFile(e.display));
        }
      }
    }
    if (!check.missing.isEmpty()) {
      throw new MissingImagesException(check.missing);
    }

    long imageBytes = imageBytes();
    long metadataBytes = entries.stream().mapToLong(Entry::size).sum();
    Tally tally = new Tally(progress, imageBytes + 2 * metadataBytes);
    Files.createDirectories(outMetadata);
    Importer importer = Importer.of(profile);
    Path imagesCar = output.resolve("images.car");
    Cid imagesCid = CarPacker.builder().importer(importer).progress(tally.share(imageBytes)).build()
        .pack(images, imagesCar).root();
    tally.finishShare();
    References rewrite = new References(names, imagesCid);
    long objectTokens = 0;
    long arrayTokens = 0;
    for (Entry e : entries) {
      Path source = metadata.resolve(e.relative);
      Path target = outMetadata.resolve(e.relative);
      switch (e.kind) {
        case DIRECTORY -> Files.createDirectories(target);
        case SYMLINK -> Files.createSymbolicLink(target, Files.readSymbolicLink(source));
        case FILE -> {
          if (!e.json) {
            Files.copy(source, target);
            tally.add(e.size);
            continue;
          }
          try (InputStream in = Files.newInputStream(source);
              OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW,
                  StandardOpenOption.WRITE)) {
            JsonRewriter.Tokens tokens = JsonRewriter.rewrite(in, out, e.display, rewrite.forFile(e.display));
            if (tokens.array()) {
              arrayTokens += tokens.count();
            } else {
              objectTokens += tokens.count();
            }
          }
          tally.add(e.size);
        }
        default -> throw new IllegalStateException(e.kind.toString());
      }
    }
    Path metadataCar = output.resolve("metadata.car");
    Cid metadataCid = CarPacker.builder().importer(importer).progress(tally.share(metadataBytes)).build()
        .pack(outMetadata, metadataCar).root();
    tally.finishShare();
    long files = entries.stream().filter(e -> e.kind == Kind.FILE).count();
    return new CollectionResult(imagesCid, metadataCid, objectTokens > 0 ? objectTokens : arrayTokens, files,
        rewrite.rewritten, imagesCar, metadataCar, outMetadata);
  }

  private void checkFolders() throws IOException {
    for (Path p : List.of(images, metadata)) {
      if (!Files.exists(p)) {
        throw new NoSuchFileException(p.toString());
      }
      if (!Files.isDirectory(p)) {
        throw new NotDirectoryException(p.toString());
      }
    }
    Path out = output.toAbsolutePath().normalize();
    for (Path p : List.of(images, metadata)) {
      Path in = p.toRealPath();
      if (out.startsWith(in) || (Files.exists(output) && output.toRealPath().startsWith(in))) {
        throw new IOException("The output folder " + output + " is inside the input folder " + p
            + "; choose a folder outside it");
      }
    }
    Path outMetadata = output.resolve("metadata");
    if (Files.exists(outMetadata, LinkOption.NOFOLLOW_LINKS)) {
      boolean empty = Files.isDirectory(outMetadata, LinkOption.NOFOLLOW_LINKS);
      if (empty) {
        try (DirectoryStream<Path> s = Files.newDirectoryStream(outMetadata)) {
          empty = !s.iterator().hasNext();
        }
      }
      if (!empty) {
        throw new IOException(outMetadata + " already exists and is not an empty folder; its files would be "
            + "packed with the new ones: remove it or choose another output folder");
      }
    }
  }

  /** The names a reference can point at: the regular files at the top of the images folder that get packed. */
  private Set<String> imageNames() throws IOException {
    Set<String> names = new HashSet<>();
    try (DirectoryStream<Path> s = Files.newDirectoryStream(images)) {
      for (Path p : s) {
        String name = p.getFileName().toString();
        if ((profile.includeHidden() || !name.startsWith("."))
            && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
          names.add(name);
        }
      }
    }
    return names;
  }

  /** @return the bytes of the regular files the images CAR packs: the images folder's, hidden ones as the profile says */
  private long imageBytes() throws IOException {
    long[] total = {0};
    Files.walkFileTree(images, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
        return !dir.equals(images) && hidden(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
        if (attrs.isRegularFile() && !hidden(file)) {
          total[0] += attrs.size();
        }
        return FileVisitResult.CONTINUE;
      }
    });
    return total[0];
  }

  /**
   * The work done, told to the {@link Progress}: bytes added as files are processed, and a share followed by the
   * packer's block bytes, held at the share until {@link #finishShare()}.
   */
  private static final class Tally {
    private final Progress progress;
    private final long total;
    private long done;
    private long shareStart;
    private long share;

    /** Tells {@code progress}, if any, that nothing of {@code total} is done yet. */
    Tally(Progress progress, long total) {
      this.progress = progress;
      this.total = total;
      tell();
    }

    /** @return a packer progress for the next {@code bytes}, which it never passes */
    LongConsumer share(long bytes) {
      shareStart = done;
      share = bytes;
      return blockBytes -> {
        long next = shareStart + Math.min(blockBytes, share);
        if (next > done) {
          done = next;
          tell();
        }
      };
    }

    /** The share's CAR is complete: all its bytes are done. */
    void finishShare() {
      add(shareStart + share - done);
    }

    void add(long bytes) {
      if (bytes > 0) {
        done += bytes;
        tell();
      }
    }

    private void tell() {
      if (progress != null) {
        progress.onProgress(done, total);
      }
    }
  }

  private enum Kind { FILE, DIRECTORY, SYMLINK }

  /** @param size the bytes of a file (0 for a directory or a symlink), as listed */
  private record Entry(Path relative, String display, Kind kind, boolean json, long size) {}

  /** The metadata folder's entries the profile keeps, parents before children, in path order. */
  private List<Entry> metadataEntries() throws IOException {
    List<Entry> out = new ArrayList<>();
    Files.walkFileTree(metadata, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
        if (dir.equals(metadata)) {
          return FileVisitResult.CONTINUE;
        }
        if (hidden(dir)) {
          return FileVisitResult.SKIP_SUBTREE;
        }
        out.add(new Entry(metadata.relativize(dir), dir.toString(), Kind.DIRECTORY, false, 0));
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        if (hidden(file)) {
          return FileVisitResult.CONTINUE;
        }
        if (attrs.isSymbolicLink()) {
          if (profile.symlinks() == SymlinkPolicy.STORE) {
            out.add(new Entry(metadata.relativize(file), file.toString(), Kind.SYMLINK, false, 0));
          }
        } else if (attrs.isRegularFile()) {
          out.add(new Entry(metadata.relativize(file), file.toString(), Kind.FILE, isJson(file), attrs.size()));
        } else {
          throw new IOException(file + " is neither a file nor a folder; a metadata folder holds files only");
        }
        return FileVisitResult.CONTINUE;
      }
    });
    out.sort((a, b) -> a.relative.toString().compareTo(b.relative.toString()));
    return out;
  }

  private boolean hidden(Path p) {
    return !profile.includeHidden() && p.getFileName().toString().startsWith(".");
  }

  /**
   * @return whether a metadata file is read as JSON: a name ending in {@code .json}, or a name without extension
   *     whose text starts with <code>&#123;</code> or {@code [} (only those are opened here)
   */
  private static boolean isJson(Path file) throws IOException {
    String name = file.getFileName().toString();
    if (name.toLowerCase(Locale.ROOT).endsWith(".json")) {
      return true;
    }
    if (name.indexOf('.') >= 0) {
      return false;
    }
    try (InputStream in = Files.newInputStream(file)) {
      int first = JsonRewriter.firstByte(in);
      return first == '{' || first == '[';
    }
  }

  /** Resolves references against the image names: rewrites them ({@code imagesCid} given) or collects the missing. */
  private static final class References {
    final Set<String> names;
    final Cid imagesCid;
    final List<MissingImagesException.MissingImage> missing = new ArrayList<>();
    long rewritten;

    References(Set<String> names, Cid imagesCid) {
      this.names = names;
      this.imagesCid = imagesCid;
    }

    JsonRewriter.Links forFile(String file) {
      return (key, value, line, column) -> {
        String name = image(value);
        if (name != null) {
          if (imagesCid == null) {
            return null;
          }
          rewritten++;
          return IpfsUrl.link(imagesCid, name);
        }
        if (isPlaceholder(value)) {
          missing.add(new MissingImagesException.MissingImage(file, line, column, key, value));
        }
        return null;
      };
    }

    /** @return the image a reference names by its last path segment (percent-decoded, or as it is), or null */
    String image(String value) {
      String segment = value.substring(value.lastIndexOf('/') + 1);
      String decoded = IpfsUrl.decode(segment);
      if (decoded != null && names.contains(decoded)) {
        return decoded;
      }
      return names.contains(segment) ? segment : null;
    }

    /** @return whether a reference that names no image is an error: a relative path or a placeholder ipfs:// URL */
    static boolean isPlaceholder(String value) {
      if (value.isEmpty()) {
        return false;
      }
      if (!SCHEME.matcher(value).find()) {
        return true;
      }
      if (!value.regionMatches(true, 0, "ipfs://", 0, 7)) {
        return false;
      }
      int end = value.indexOf('/', 7);
      String host = value.substring(7, end < 0 ? value.length() : end);
      try {
        Cid.parse(host);
        return false;
      } catch (IllegalArgumentException notACid) {
        return true;
      }
    }
  }

  /** Builds a {@link NftCollection}; not thread-safe. */
  public static final class Builder {
    private Path images;
    private Path metadata;
    private Path output;
    private ImportProfile profile = ImportProfile.IPFS_CAR;
    private Progress progress;

    private Builder() {}

    /**
     * @param progress told the bytes processed against the total, as {@link Progress} says; for a progress display.
     *     Default: no one
     * @return this builder
     */
    public Builder progress(Progress progress) {
      this.progress = Objects.requireNonNull(progress, "progress");
      return this;
    }

    /**
     * @param dir the images folder (required)
     * @return this builder
     */
    public Builder images(Path dir) {
      this.images = Objects.requireNonNull(dir, "dir");
      return this;
    }

    /**
     * @param dir the metadata folder (required)
     * @return this builder
     */
    public Builder metadata(Path dir) {
      this.metadata = Objects.requireNonNull(dir, "dir");
      return this;
    }

    /**
     * @param dir where {@code images.car}, {@code metadata/} and {@code metadata.car} go (required; created)
     * @return this builder
     */
    public Builder output(Path dir) {
      this.output = Objects.requireNonNull(dir, "dir");
      return this;
    }

    /**
     * @param p how both folders are packed (default {@link ImportProfile#IPFS_CAR})
     * @return this builder
     */
    public Builder profile(ImportProfile p) {
      this.profile = Objects.requireNonNull(p, "profile");
      return this;
    }

    /**
     * @return the collection
     * @throws NullPointerException if a folder is missing
     */
    public NftCollection build() {
      return new NftCollection(this);
    }
  }
}
