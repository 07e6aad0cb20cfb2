package io.carmint.unixfs.unpack;

/**
 * What a UnixFS tree holds, as {@link Unpacker#count} counts it: every path through the DAG counted, so a sub-tree
 * linked from two places counts twice, as unpacking would write it twice.
 *
 * @param entries the entries, the root included (files, directories and symlinks)
 * @param bytes the bytes of file content, as the files declare them
 * @param depth the directory levels below the root: 0 for a file, or a directory holding no directory
 */
public record TreeSize(long entries, long bytes, int depth) {
}
