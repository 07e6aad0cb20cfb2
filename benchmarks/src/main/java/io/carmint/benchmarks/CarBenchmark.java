package io.carmint.benchmarks;

import io.carmint.block.Block;
import io.carmint.block.BlockSink;
import io.carmint.car.CarReadOptions;
import io.carmint.car.CarReader;
import io.carmint.car.CarVerifier;
import io.carmint.car.CarWriteOptions;
import io.carmint.car.CarWriter;
import io.carmint.car.VerifyReport;
import io.carmint.unixfs.importer.ImportProfile;
import io.carmint.unixfs.importer.Importer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * CAR writing (sections into a channel that drops them, so the writer's own cost shows) and reading (streaming, with
 * and without hash verification) and verifying (hashes, links, reachability) of a CAR built in memory from 32 MiB
 * of file content: {@code big} = 1 MiB raw leaves (ipfs-car profile), {@code small} = 2,000 files of 1 to 8 KiB.
 * Times per CAR.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CarBenchmark {
  @Param({"big", "small"})
  String content;

  private List<Block> blocks;
  private byte[] car;
  private io.carmint.multiformats.Cid root;

  @Setup
  public void setup() throws IOException {
    blocks = new ArrayList<>();
    Importer importer = Importer.of(ImportProfile.IPFS_CAR.toBuilder().wrap(false).build());
    if (content.equals("big")) {
      root = importer.importStream(new ByteArrayInputStream(BenchData.random(32 << 20, 4)), blocks::add).root();
    } else {
      List<io.carmint.unixfs.importer.ImportEntry> entries = new ArrayList<>();
      for (int i = 0; i < 2000; i++) {
        byte[] b = BenchData.random(1024 + (i * 7919) % 7169, i);
        entries.add(io.carmint.unixfs.importer.ImportEntry.file("d" + i / 500 + "/f" + i, () ->
            new ByteArrayInputStream(b)));
      }
      root = importer.importEntries(entries, blocks::add).root();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (CarWriter w = CarWriter.create(Channels.newChannel(out), List.of(root), CarWriteOptions.DEFAULTS)) {
      for (Block b : blocks) {
        w.put(b);
      }
    }
    car = out.toByteArray();
  }

  @Benchmark
  public long write() throws IOException {
    BenchData.NullChannel ch = new BenchData.NullChannel();
    try (CarWriter w = CarWriter.create(ch, List.of(root), CarWriteOptions.DEFAULTS)) {
      for (Block b : blocks) {
        w.put(b);
      }
    }
    return ch.written;
  }

  @Benchmark
  public long readVerifyingHashes() throws IOException {
    try (CarReader r = CarReader.open(new ByteArrayInputStream(car))) {
      return r.forEach(BlockSink.discard());
    }
  }

  @Benchmark
  public long readTrusting() throws IOException {
    CarReadOptions trusting = CarReadOptions.builder().verifyHashes(false).build();
    try (CarReader r = CarReader.open(new ByteArrayInputStream(car), trusting)) {
      return r.forEach(BlockSink.discard());
    }
  }

  @Benchmark
  public VerifyReport verify() throws IOException {
    return CarVerifier.builder().build().verify(new ByteArrayInputStream(car));
  }
}
