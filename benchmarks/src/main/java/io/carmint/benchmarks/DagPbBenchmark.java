package io.carmint.benchmarks;

import io.carmint.dagpb.DagPb;
import io.carmint.dagpb.DagPbFormatException;
import io.carmint.dagpb.PbLink;
import io.carmint.dagpb.PbNode;
import io.carmint.multiformats.Cid;
import io.carmint.multiformats.HashFunction;
import io.carmint.multiformats.Multicodec;
import io.carmint.unixfs.UnixFsData;
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
 * dag-pb encoding and decoding of a UnixFS file node with {@code links} unnamed links (174: Kubo's width, 1024:
 * ipfs-car's), and of a directory of as many named entries. Time per node.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DagPbBenchmark {
  @Param({"174", "1024"})
  int links;

  private PbNode fileNode;
  private PbNode directory;
  private byte[] encodedFileNode;

  @Setup
  public void setup() {
    List<PbLink> unnamed = new ArrayList<>();
    List<PbLink> named = new ArrayList<>();
    List<Long> sizes = new ArrayList<>();
    for (int i = 0; i < links; i++) {
      Cid cid = Cid.v1(Multicodec.RAW, HashFunction.SHA2_256.digest(new byte[] {(byte) i, (byte) (i >> 8)}));
      unnamed.add(PbLink.of(cid, "", 1 << 20));
      named.add(PbLink.of(cid, String.format("file-%05d.json", i), 4096 + i)); // sorted by name
      sizes.add(1L << 20);
    }
    fileNode = PbNode.of(unnamed, UnixFsData.fileNode(sizes).encode());
    directory = PbNode.of(named, UnixFsData.directory().encode());
    encodedFileNode = DagPb.encode(fileNode);
  }

  @Benchmark
  public byte[] encodeFileNode() {
    return DagPb.encode(new PbNode(fileNode.links(), fileNode.data()));
  }

  @Benchmark
  public byte[] encodeDirectory() {
    return DagPb.encode(new PbNode(directory.links(), directory.data()));
  }

  @Benchmark
  public PbNode decodeFileNode() throws DagPbFormatException {
    return DagPb.decode(encodedFileNode);
  }
}
