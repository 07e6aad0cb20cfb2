package io.carmint.unixfs.unpack;

import io.carmint.multiformats.Cid;
import io.carmint.multiformats.LimitExceededException;
import io.carmint.unixfs.UnixFsFormatException;
import io.carmint.unixfs.exporter.EntryNames;
import io.carmint.unixfs.exporter.ExportVisitor;
import io.carmint.unixfs.internal.FileTrees;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One unpack: receives the exporter's depth-first walk and writes it under the target, counting against the limits.
 * Keeps the real directories of the current path ({@code dirs[d]} is the directory at depth {@code d}, the target at
 * 0), each created by this unpack or, when merging, checked to be a real directory and not a symlink; and the
 * entries it created in directories it did not create, so that a failed unpack can remove what it wrote. Not
 * thread-safe.
 */
final class Extraction implements ExportVisitor {
  private static final int BUFFER = 64 * 1024;
  private static final int TEMP_ATTEMPTS = 16;

  private final Unpacker options;
  private final Path requested;
  private final long maxTotalBytes;
  private final List<Path> dirs = new ArrayList<>();
  private final List<Boolean> created = new ArrayList<>(); // created[d]: whether dirs[d] was made by this unpack
  private final List<String> rels = new ArrayList<>();
  /** What this unpack made outside directories it made (so removing these removes all it wrote), in order. */
  private final List<Path> written = new ArrayList<>();
  private final List<UnpackResult.SkippedSymlink> skipped = new ArrayList<>();
  private final byte[] buffer = new byte[BUFFER];
  private Path top;
  private String current = "";
  private long entries;
  private long directories;
  private long files;
  private long symlinks;
  private long bytes;
  private long blocks;

  /** @param maxTotalBytes the byte limit in force (configured, or automatic for the source) */
  Extraction(Unpacker options, Path target, long maxTotalBytes) {
    this.options = options;
    this.requested = target;
    this.maxTotalBytes = maxTotalBytes;
  }

  UnpackResult result() {
    return new UnpackResult(top == null ? requested.toAbsolutePath() : top, directories, files, symlinks,
        skipped, bytes, blocks);
  }

  /**
   * Removes what this unpack wrote, after {@code failure}: each entry it created in a directory it did not create,
   * with everything below, last first, never following a symlink. Failures to remove are added to {@code failure}.
   */
  void removeWritten(Throwable failure) {
    for (int i = written.size() - 1; i >= 0; i--) {
      try {
        FileTrees.delete(written.get(i)); // links are deleted, not followed
      } catch (IOException e) {
        failure.addSuppressed(e);
      }
    }
    written.clear();
  }

  /** Notes an entry made in {@code dirs[parentDepth]}: kept for removal unless that directory is this unpack's. */
  private void made(Path entry, int parentDepth) {
    if (!created.get(parentDepth)) {
      written.add(entry);
    }
  }

  /** Creates {@code dir} with its missing parents; notes the first one it made (everything made is below it). */
  private void createWithParents(Path dir) throws IOException {
    Path first = null;
    for (Path p = dir; p != null && !Files.exists(p, LinkOption.NOFOLLOW_LINKS); p = p.getParent()) {
      first = p;
    }
    Files.createDirectories(dir);
    if (first != null) {
      written.add(first);
    }
  }

  void countBlock() throws LimitExceededException {
    if (++blocks > options.maxBlocks()) {
      throw limit(current, fmt(blocks) + " block reads", "maxBlocks", options.maxBlocks(), blocks);
    }
  }

  private void countEntry(String path) throws LimitExceededException {
    current = path;
    if (++entries > options.maxEntries()) {
      throw limit(path, fmt(entries) + " entries", "maxEntries", options.maxEntries(), entries);
    }
  }

  /** @param setting the {@link Unpacker.Builder} method that raises the limit */
  private static LimitExceededException limit(String path, String what, String setting, long limit, long actual) {
    return new LimitExceededException("Unpacking stopped at " + where(path) + ": " + what, "Unpacker.Builder."
        + setting, limit, actual, -1);
  }

  private static String where(String path) {
    return path.isEmpty() ? "the root" : EntryNames.quote(path);
  }

  private static String fmt(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  // ---------------------------------------------------------------------------------------------- directories

  @Override
  public void directory(String path, Cid cid) throws IOException {
    countEntry(path);
    if (path.isEmpty()) {
      boolean existed = Files.exists(requested.toAbsolutePath(), LinkOption.NOFOLLOW_LINKS);
      Path root = prepareTargetDirectory();
      dirs.add(root);
      created.add(!existed);
      rels.add("");
      top = root;
      directories++;
      return;
    }
    int depth = depth(path);
    if (depth > options.maxDepth()) {
      throw limit(path, fmt(depth) + " directory levels", "maxDepth", options.maxDepth(), depth);
    }
    Path dir = entryPath(path, depth);
    boolean made;
    try {
      Files.createDirectory(dir);
      made(dir, depth - 1);
      made = true;
    } catch (FileAlreadyExistsException e) {
      if (options.targetPolicy() != TargetPolicy.MERGE || !isRealDirectory(dir)) {
        throw collision(path, dir);
      }
      made = false;
    }
    dirs.add(dir);
    created.add(made);
    rels.add(path);
    directories++;
  }

  private Path prepareTargetDirectory() throws IOException {
    Path t = requested.toAbsolutePath();
    if (Files.exists(t)) {
      if (!Files.isDirectory(t)) {
        throw new TargetNotEmptyException(t.toString(), "the target exists and is not a directory; the root is a "
            + "directory");
      }
      if (options.targetPolicy() == TargetPolicy.REQUIRE_EMPTY) {
        try (DirectoryStream<Path> s = Files.newDirectoryStream(t)) {
          if (s.iterator().hasNext()) {
            throw new TargetNotEmptyException(t.toString(), "the target directory is not empty; unpack into a new "
                + "or empty directory, or merge into it with TargetPolicy.MERGE");
          }
        }
      }
    } else if (Files.isSymbolicLink(t)) {
      throw new TargetNotEmptyException(t.toString(), "the target is a symlink to nothing");
    } else {
      createWithParents(t);
    }
    return t.toRealPath();
  }

  private static boolean isRealDirectory(Path p) throws IOException {
    return Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isDirectory();
  }

  private EntryCollisionException collision(String path, Path file) throws IOException {
    String what;
    if (Files.isSymbolicLink(file)) {
      what = "an existing symlink";
    } else if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
      what = "an existing directory";
    } else if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
      what = "an existing file";
    } else {
      what = "a path that existed a moment ago";
    }
    String why = options.targetPolicy() == TargetPolicy.REQUIRE_EMPTY
        ? what + " written earlier in this unpack (a repeated name, or names this file system does not tell apart)"
        : what;
    return new EntryCollisionException(path, file.toString(), why);
  }

  // ---------------------------------------------------------------------------------------------- files

  @Override
  public void file(String path, Cid cid, long size, InputStream content) throws IOException {
    countEntry(path);
    Path target;
    if (path.isEmpty()) {
      target = prepareTargetFile();
    } else {
      target = entryPath(path, depth(path));
    }
    if (size > maxTotalBytes - bytes) {
      long total = Preflight.saturatedAdd(bytes, size);
      throw limit(path, "its " + fmt(size) + " bytes make " + fmt(total) + " bytes of file content", "maxTotalBytes",
          maxTotalBytes, total);
    }
    if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      throw collision(path, target);
    }
    Path parent = target.getParent();
    Path temp = null;
    try {
      long count = 0;
      OutputStream out = null;
      for (int attempt = 0; out == null; attempt++) {
        temp = parent.resolve(".carmint-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong())
            + ".part");
        try {
          out = Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
              LinkOption.NOFOLLOW_LINKS);
        } catch (FileAlreadyExistsException e) {
          temp = null;
          if (attempt + 1 >= TEMP_ATTEMPTS) {
            throw e;
          }
        }
      }
      try (OutputStream o = out) {
        for (int n = content.read(buffer); n >= 0; n = content.read(buffer)) {
          if (n > size - count) {
            throw new UnixFsFormatException("File " + where(path) + " (" + cid + ") declares " + size
                + " bytes but holds more");
          }
          o.write(buffer, 0, n); // within maxTotalBytes: the declared size was checked against it above
          count += n;
          bytes += n;
          options.progress().accept(bytes);
        }
      }
      if (count != size) {
        throw new UnixFsFormatException("File " + where(path) + " (" + cid + ") declares " + size + " bytes but "
            + "holds " + count);
      }
      try {
        Files.move(temp, target); // no REPLACE_EXISTING: fails if the final name exists, never replaces
      } catch (FileAlreadyExistsException e) {
        throw collision(path, target);
      }
      temp = null;
      if (path.isEmpty()) {
        written.add(target);
      } else {
        made(target, depth(path) - 1);
      }
    } catch (IOException | RuntimeException e) {
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException d) {
          e.addSuppressed(d);
        }
      }
      throw e;
    }
    if (path.isEmpty()) {
      top = target;
    }
    files++;
  }

  private Path prepareTargetFile() throws IOException {
    Path t = requested.toAbsolutePath();
    if (Files.exists(t, LinkOption.NOFOLLOW_LINKS)) {
      throw new TargetNotEmptyException(t.toString(), "the target exists; the root is a file, which is written at "
          + "the target path itself, so that path must not exist");
    }
    Path parent = t.getParent();
    createWithParents(parent);
    return parent.toRealPath().resolve(t.getFileName().toString());
  }

  // ---------------------------------------------------------------------------------------------- symlinks

  @Override
  public void symlink(String path, Cid cid, String target) throws IOException {
    countEntry(path);
    Optional<String> escape = path.isEmpty()
        ? Optional.of("the root itself is a symlink, so its target is resolved outside the target directory")
        : SymlinkTargets.escapeReason(target, depth(path) - 1);
    if (escape.isPresent()) {
      if (options.escapingSymlinks() == EscapingSymlinkPolicy.REFUSE) {
        throw new SymlinkEscapeException(path, target, escape.get());
      }
      skipped.add(new UnpackResult.SkippedSymlink(path, target, escape.get()));
      return;
    }
    Path link = entryPath(path, depth(path));
    Path to;
    try {
      to = link.getFileSystem().getPath(target);
    } catch (InvalidPathException e) {
      throw new FileSystemException(link.toString(), null, "symlink " + where(path) + ": its target "
          + EntryNames.quote(target) + " is not a valid path on this file system: " + e.getReason());
    }
    try {
      Files.createSymbolicLink(link, to);
    } catch (FileAlreadyExistsException e) {
      throw collision(path, link);
    }
    made(link, depth(path) - 1);
    symlinks++;
  }

  // ---------------------------------------------------------------------------------------------- paths

  private static int depth(String path) {
    int d = 1;
    for (int i = path.indexOf('/'); i >= 0; i = path.indexOf('/', i + 1)) {
      d++;
    }
    return d;
  }

  /**
   * The on-disk path of a non-root entry at {@code depth}: its name, checked again, under the real directory of its
   * parent. The walk is depth first, so the parent is the last directory seen at {@code depth - 1}.
   */
  private Path entryPath(String path, int depth) throws IOException {
    while (dirs.size() > depth) {
      dirs.remove(dirs.size() - 1);
      created.remove(created.size() - 1);
      rels.remove(rels.size() - 1);
    }
    String parentRel = rels.isEmpty() ? null : rels.get(rels.size() - 1);
    if (dirs.size() != depth || !(parentRel.isEmpty() ? path.indexOf('/') < 0 : path.startsWith(parentRel + "/"))) {
      throw new IllegalStateException("Walk order broken at " + where(path) + ": the parent directory was not "
          + "visited just before");
    }
    String name = path.substring(parentRel.isEmpty() ? 0 : parentRel.length() + 1);
    EntryNames.check(name, parentRel, "unpacking");
    Path parent = dirs.get(depth - 1);
    Path p;
    try {
      p = parent.resolve(name);
    } catch (InvalidPathException e) {
      throw new FileSystemException(parent.toString(), null, "entry " + where(path) + " is not a valid file name "
          + "on this file system: " + e.getReason());
    }
    if (p.getFileSystem().getSeparator().equals("\\") && windowsDeviceName(name)) {
      throw new FileSystemException(p.toString(), null, "entry " + where(path) + " is a reserved device name on "
          + "Windows; writing it would reach the device, not a file");
    }
    if (!parent.equals(p.getParent())) {
      throw new FileSystemException(p.toString(), null, "entry " + where(path) + " does not resolve to a single "
          + "name in its directory on this file system");
    }
    return p;
  }

  /**
   * Whether Windows treats {@code name} as a device in every directory: CON, PRN, AUX, NUL, COM0–9, LPT0–9 (and the
   * superscript digits), case-insensitive, alone or before an extension or trailing spaces.
   */
  static boolean windowsDeviceName(String name) {
    int dot = name.indexOf('.');
    String base = (dot >= 0 ? name.substring(0, dot) : name).stripTrailing().toUpperCase(Locale.ROOT);
    return base.matches("CON|PRN|AUX|NUL|(COM|LPT)[0-9\u00B9\u00B2\u00B3]");
  }
}
