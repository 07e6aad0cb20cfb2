package io.carmint.cli;

import io.carmint.car.CarFile;
import io.carmint.car.CarReadOptions;
import io.carmint.multiformats.Cid;
import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Collectors;

/** Opens the CAR argument of a command: a file, or standard input for {@code -}. */
final class CarInputs {
  private CarInputs() {}

  /** @return whether the argument names standard input */
  static boolean isStdin(Path car) {
    return car.toString().equals("-");
  }

  /** @return a stream over the file, or over standard input (not closed by closing the stream) for {@code -} */
  static InputStream open(Path car) throws IOException {
    if (isStdin(car)) {
      return new FilterInputStream(System.in) {
        @Override
        public void close() {
          // standard input stays open
        }
      };
    }
    return Files.newInputStream(car);
  }

  /**
   * A CAR opened for random access; for standard input, a copy in a temporary file that is deleted on close.
   *
   * @param file the CAR
   * @param copy the temporary copy's channel, or null
   */
  record RandomAccessCar(CarFile file, FileChannel copy) implements Closeable {
    @Override
    public void close() throws IOException {
      try {
        file.close();
      } finally {
        if (copy != null) {
          copy.close();
        }
      }
    }
  }

  /**
   * Opens a CAR for random access (block hashes checked on every read). Standard input ({@code -}) is first copied
   * to a temporary file, as ipfs-car does.
   */
  static RandomAccessCar openRandomAccess(Path car) throws IOException {
    if (!isStdin(car)) {
      return new RandomAccessCar(CarFile.open(car, CarReadOptions.DEFAULTS), null);
    }
    FileChannel ch = channel(car);
    try {
      return new RandomAccessCar(CarFile.open(ch, CarReadOptions.DEFAULTS), ch);
    } catch (IOException | RuntimeException e) {
      ch.close();
      throw e;
    }
  }

  /**
   * Opens the argument as a readable file channel; standard input ({@code -}) is first copied to a temporary file,
   * deleted when the channel is closed.
   */
  static FileChannel channel(Path car) throws IOException {
    if (!isStdin(car)) {
      return FileChannel.open(car, StandardOpenOption.READ);
    }
    Path temp = Files.createTempFile("carmint-stdin-", ".car");
    FileChannel ch = FileChannel.open(temp, StandardOpenOption.READ, StandardOpenOption.WRITE,
        StandardOpenOption.DELETE_ON_CLOSE);
    try {
      try (InputStream in = open(car)) {
        in.transferTo(Channels.newOutputStream(ch));
      }
      ch.position(0);
      return ch;
    } catch (IOException | RuntimeException e) {
      ch.close();
      throw e;
    }
  }

  /**
   * The root a command works from: {@code given} if set, else the CAR's only root.
   *
   * @throws UsageException if the CAR has no root or several and none is given
   */
  static Cid root(CarFile car, Cid given) {
    if (given != null) {
      return given;
    }
    List<Cid> roots = car.roots();
    if (roots.size() == 1) {
      return roots.get(0);
    }
    throw new UsageException("The CAR has " + (roots.isEmpty() ? "no root" : roots.size() + " roots ("
        + roots.stream().map(Cid::toString).collect(Collectors.joining(", ")) + ")") + "; choose one with --root");
  }
}
