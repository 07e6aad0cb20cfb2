/** Packing files and folders into CAR files: the UnixFS importer writing into a CAR. */
module io.carmint.pack {
  requires transitive io.carmint.car;
  requires transitive io.carmint.unixfs;

  exports io.carmint.pack;
}
