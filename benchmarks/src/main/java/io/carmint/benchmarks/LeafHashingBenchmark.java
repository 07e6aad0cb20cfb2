package io.carmint.benchmarks;

import io.carmint.block.BlockSink;
import io.carmint.multiformats.HashFunction;
import io.carmint.multiformats.Multihash;
import io.carmint.unixfs.importer.ImportProfile;
import io.carmint.unixfs.importer.ImportResult;
import io.carmint.unixfs.importer.Importer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
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
 * Leaf hashing: one SHA-256 digest of a chunk (the single-core limit), and a whole in-memory import of 64 MiB
 * (chunking, leaf hashing on {@code parallelism} threads in order, branch nodes) with the ipfs-car profile and a
 * discarding sink, so the importer's own cost above raw hashing shows. Times per chunk and per 64 MiB.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class LeafHashingBenchmark {
  @Param({"262144", "1048576"})
  int chunkSize;

  private byte[] chunk;
  private byte[] file;

  @Setup
  public void setup() {
    chunk = BenchData.random(chunkSize, 2);
    file = BenchData.random(64 << 20, 3);
  }

  @Benchmark
  public Multihash sha256Chunk() {
    return HashFunction.SHA2_256.digest(chunk);
  }

  @Benchmark
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public ImportResult import64MiBOneThread() throws IOException {
    return importer(1).importStream(new ByteArrayInputStream(file), BlockSink.discard());
  }

  @Benchmark
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public ImportResult import64MiBAllCores() throws IOException {
    return importer(Runtime.getRuntime().availableProcessors())
        .importStream(new ByteArrayInputStream(file), BlockSink.discard());
  }

  private Importer importer(int threads) {
    ImportProfile p = ImportProfile.IPFS_CAR.toBuilder().wrap(false)
        .chunker(new io.carmint.unixfs.chunk.FixedSizeChunker(chunkSize)).build();
    return Importer.builder().profile(p).parallelism(threads).build();
  }
}
