package io.carmint.benchmarks;

import io.carmint.unixfs.chunk.ChunkReader;
import io.carmint.unixfs.chunk.FixedSizeChunker;
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
 * Fixed-size chunking of a 64 MiB in-memory stream into one reused buffer: the cost of cutting, without hashing or
 * the kernel. Time per 64 MiB; divide 67.1 MB by it for MB/s.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ChunkingBenchmark {
  static final int SIZE = 64 << 20;

  @Param({"262144", "1048576"})
  int chunkSize;

  private byte[] data;
  private byte[] buf;

  @Setup
  public void setup() {
    data = BenchData.random(SIZE, 1);
    buf = new byte[chunkSize];
  }

  @Benchmark
  public long fixedSize() throws IOException {
    ChunkReader r = new FixedSizeChunker(chunkSize).open(new ByteArrayInputStream(data));
    long total = 0;
    for (int n; (n = r.read(buf, 0)) > 0; ) {
      total += n;
    }
    return total;
  }
}
