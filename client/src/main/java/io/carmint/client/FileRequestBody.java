package io.carmint.client;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.LongConsumer;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okio.BufferedSink;

/**
 * A request body streamed from a region of a file, 64 KiB at a time: nothing holds the file in memory. One-shot, so
 * OkHttp never resends it on its own; each attempt of the retry loop makes a new body. Failures to read the file are
 * remembered apart from network failures, so that they are not retried.
 */
final class FileRequestBody extends RequestBody {
  static final int BUFFER_SIZE = 64 * 1024;

  private final Path file;
  private final long offset;
  private final long length;
  private final MediaType type;
  private final LongConsumer progress;
  private volatile IOException localFailure;

  FileRequestBody(Path file, long offset, long length, MediaType type, LongConsumer progress) {
    this.file = file;
    this.offset = offset;
    this.length = length;
    this.type = type;
    this.progress = progress;
  }

  @Override
  public MediaType contentType() {
    return type;
  }

  @Override
  public long contentLength() {
    return length;
  }

  @Override
  public boolean isOneShot() {
    return true;
  }

  /** @return the failure to read the file during the last write, if any */
  IOException localFailure() {
    return localFailure;
  }

  @Override
  public void writeTo(BufferedSink sink) throws IOException {
    FileChannel ch;
    try {
      ch = FileChannel.open(file, StandardOpenOption.READ);
    } catch (IOException e) {
      localFailure = e;
      throw e;
    }
    try (ch) {
      ByteBuffer buf = ByteBuffer.allocate((int) Math.min(BUFFER_SIZE, Math.max(1, length)));
      long pos = offset;
      long end = offset + length;
      while (pos < end) {
        buf.clear();
        buf.limit((int) Math.min(buf.capacity(), end - pos));
        int n;
        try {
          n = ch.read(buf, pos);
        } catch (IOException e) {
          localFailure = e;
          throw e;
        }
        if (n < 0) {
          EOFException e = new EOFException("File " + file + " ended at byte " + pos + " while sending bytes "
              + offset + ".." + end + "; was it changed during the upload?");
          localFailure = e;
          throw e;
        }
        sink.write(buf.array(), 0, n);
        pos += n;
        progress.accept(n);
      }
    }
  }
}
