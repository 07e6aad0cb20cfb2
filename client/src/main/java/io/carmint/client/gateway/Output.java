package io.carmint.client.gateway;

import io.carmint.block.BlockSink;
import io.carmint.car.CarWriteOptions;
import io.carmint.car.CarWriter;
import io.carmint.unixfs.internal.FileTrees;
import io.carmint.multiformats.Cid;
import io.carmint.unixfs.unpack.TargetNotEmptyException;
import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Where one fetch writes, under a temporary name beside the final one (same directory, so the final rename is
 * atomic), renamed only after the last check. Each gateway attempt starts afresh ({@link #begin}); {@link #close}
 * removes whatever temporary files are left. Not thread-safe.
 */
abstract class Output implements Closeable {
  /** Starts an attempt: an empty staging area. */
  abstract void begin(int attempt) throws IOException;

  /** @return the sink every verified block is copied to, or null */
  BlockSink copy() {
    return null;
  }

  /** @return where the content is unpacked in this attempt (content outputs only) */
  Path staging() {
    throw new IllegalStateException("not a content output");
  }

  /**
   * Moves the staged output to its final name, unless {@code job} is cancelled.
   *
   * @return the final path, or null if nothing is written
   */
  abstract Path commit(Job job) throws IOException;

  /** An output that writes nothing. */
  static Output none() {
    return new Output() {
      @Override
      void begin(int attempt) {
      }

      @Override
      Path commit(Job job) throws IOException {
        job.commit(() -> { });
        return null;
      }

      @Override
      public void close() {
      }
    };
  }

  /**
   * The content, unpacked into a temporary directory beside {@code out} and moved to {@code out} at the end.
   *
   * @throws TargetNotEmptyException if {@code out} exists
   */
  static Output content(Path out) throws IOException {
    return new Content(out.toAbsolutePath());
  }

  /** A CAR with root {@code root}, written to a temporary file beside {@code car} and renamed over it at the end. */
  static Output car(Path car, Cid root) throws IOException {
    return new Car(car.toAbsolutePath(), root);
  }

  private static final class Content extends Output {
    private final Path out;
    private final Path temp;
    private Path staging;

    Content(Path out) throws IOException {
      this.out = out;
      if (Files.exists(out, LinkOption.NOFOLLOW_LINKS)) {
        throw existing(out);
      }
      Files.createDirectories(out.getParent());
      this.temp = Files.createTempDirectory(out.getParent(), ".carmint-fetch-");
    }

    private static TargetNotEmptyException existing(Path out) {
      return new TargetNotEmptyException(out.toString(), "the output exists; fetch writes a new file or directory "
          + "and never replaces one");
    }

    @Override
    void begin(int attempt) throws IOException {
      if (staging != null) {
        FileTrees.delete(staging);
      }
      staging = temp.resolve("attempt-" + attempt);
    }

    @Override
    Path staging() {
      return staging;
    }

    @Override
    Path commit(Job job) throws IOException {
      if (Files.exists(out, LinkOption.NOFOLLOW_LINKS)) {
        throw existing(out);
      }
      job.commit(() -> Files.move(staging, out)); // no REPLACE_EXISTING: an output that appeared meanwhile stays
      return out;
    }

    @Override
    public void close() throws IOException {
      FileTrees.delete(temp);
    }
  }

  private static final class Car extends Output {
    private final Path car;
    private final Cid root;
    private final Path temp;
    private final FileChannel channel;
    private CarWriter writer;

    Car(Path car, Cid root) throws IOException {
      this.car = car;
      this.root = root;
      Files.createDirectories(car.getParent());
      // created exclusively with the default permissions a CAR written in place would get (createTempFile's are
      // owner-only), so the rename leaves the CAR as readable as any other file written here
      this.temp = Files.createFile(car.getParent().resolve("." + car.getFileName() + "."
          + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".part"));
      this.channel = FileChannel.open(temp, StandardOpenOption.WRITE);
    }

    @Override
    void begin(int attempt) throws IOException {
      channel.truncate(0);
      channel.position(0);
      // blocks as the walk met them, a repeated block each time: memory stays constant however large the DAG
      writer = CarWriter.create(channel, List.of(root), CarWriteOptions.builder().deduplicate(false).build());
    }

    @Override
    BlockSink copy() {
      return writer;
    }

    @Override
    Path commit(Job job) throws IOException {
      writer.finish();
      channel.close();
      job.commit(() -> Files.move(temp, car, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE));
      return car;
    }

    @Override
    public void close() throws IOException {
      try {
        channel.close();
      } finally {
        Files.deleteIfExists(temp);
      }
    }
  }
}
