// Parquet bytes from the same Arrow table as the .arrow file, through
// parquet-wasm. Its Node build loads the .wasm shipped inside the package
// synchronously from disk at import, so no network and no init() call.
import { tableToIPC, type Table } from "apache-arrow";
import { Compression, Table as WasmTable, writeParquet, WriterPropertiesBuilder, WriterVersion } from "parquet-wasm";

/** Parquet key-value entry that repeats the Arrow schema metadata as one JSON object. */
export const PARQUET_METADATA_KEY = "nk_troops_claims";

/**
 * zstd-compressed Parquet. The Arrow schema, with its metadata and field
 * descriptions, travels in the file's ARROW:schema entry (pyarrow, polars).
 * Readers that ignore ARROW:schema (DuckDB's parquet_kv_metadata) get the
 * schema metadata as one JSON value under PARQUET_METADATA_KEY. One entry, not
 * one per key: the writer keeps key-value metadata in a Rust HashMap, so
 * several entries come out in a different order on every call, and the file
 * would not be byte-identical across rebuilds. `createdBy` is fixed for the same reason.
 */
export function parquetBytes(table: Table, createdBy: string): Uint8Array {
  const wasmTable = WasmTable.fromIPCStream(tableToIPC(table, "stream"));
  const metadata = Object.fromEntries([...table.schema.metadata].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  const props = new WriterPropertiesBuilder()
    .setCompression(Compression.ZSTD)
    .setWriterVersion(WriterVersion.V2)
    .setCreatedBy(createdBy)
    .setKeyValueMetadata(new Map([[PARQUET_METADATA_KEY, JSON.stringify(metadata)]]))
    .build();
  return writeParquet(wasmTable, props);
}
