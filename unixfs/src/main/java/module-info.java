/** UnixFS: the Data message, chunkers, DAG layouts, HAMT directories, the importer, the exporter and unpacking. */
module io.carmint.unixfs {
  requires transitive io.carmint.multiformats;

  exports io.carmint.unixfs;
  exports io.carmint.unixfs.chunk;
  exports io.carmint.unixfs.exporter;
  exports io.carmint.unixfs.hamt;
  exports io.carmint.unixfs.importer;
  exports io.carmint.unixfs.layout;
  exports io.carmint.unixfs.unpack;
  exports io.carmint.unixfs.internal to io.carmint.client;
}
