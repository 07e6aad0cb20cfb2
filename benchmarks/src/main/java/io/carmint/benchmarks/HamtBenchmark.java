package io.carmint.benchmarks;

import io.carmint.multiformats.Cid;
import io.carmint.multiformats.HashFunction;
import io.carmint.multiformats.Multicodec;
import io.carmint.unixfs.WrittenNode;
import io.carmint.unixfs.hamt.HamtShard;
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
 * Building a HAMT-sharded directory (fan-out 256): inserting {@code entries} names, then encoding and hashing
 * every shard node (CIDv1 dag-pb, SHA-256). Time per directory.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class HamtBenchmark {
  @Param({"2000", "100000"})
  int entries;

  private String[] names;
  private WrittenNode[] nodes;

  @Setup
  public void setup() {
    names = new String[entries];
    nodes = new WrittenNode[entries];
    for (int i = 0; i < entries; i++) {
      names[i] = "file-" + i + ".txt";
      Cid cid = Cid.v1(Multicodec.RAW, HashFunction.SHA2_256.digest(names[i].getBytes()));
      nodes[i] = new WrittenNode(cid, 10 + i % 100);
    }
  }

  @Benchmark
  public WrittenNode build() throws IOException {
    HamtShard shard = new HamtShard(HamtShard.DEFAULT_FANOUT);
    for (int i = 0; i < entries; i++) {
      shard.put(names[i], nodes[i]);
    }
    return shard.write(block -> Cid.v1(Multicodec.DAG_PB, HashFunction.SHA2_256.digest(block)));
  }
}
