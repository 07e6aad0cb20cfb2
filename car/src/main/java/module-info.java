/** CAR v1 and v2: reading, writing, verifying, indexes, DAG walks and splitting into pieces. */
module io.carmint.car {
  requires transitive io.carmint.multiformats;

  exports io.carmint.car;
  exports io.carmint.car.dag;
  exports io.carmint.car.index;
  exports io.carmint.car.split;
}
