// Parquet bytes from the same Arrow table as the .arrow file, through
// parquet-wasm. Its Node build loads the .wasm shipped inside the package
// synchronously from disk at import, so no network and no init() call.
//
// Memory: the table goes to the writer one row group at a time (a slice, exported
// as an IPC stream, imported into wasm, written, freed), through parquet-wasm's
// streaming writer. Importing the whole table into wasm and writing it as one row
// group took about 4.5 times the Arrow file's size of wasm memory, which a wasm
// instance never gives back (~1 GB at 500k claims); now it is one row group's worth.
// Row groups of 32,768 rows rather than 65,536: at 480k claims the writer's wasm memory
// grew by ~140 MB instead of ~210 MB (publish alone peaked at 725-728 MiB instead of
// 744-746), for a file 3% larger (32.2 MB against 31.2 MB).
import { tableToIPC, type Table } from "apache-arrow";
import { Compression, Table as WasmTable, transformParquetStream, WriterPropertiesBuilder, WriterVersion } from "parquet-wasm";

/** Parquet key-value entry that repeats the Arrow schema metadata as one JSON object. */
export const PARQUET_METADATA_KEY = "nk_troops_claims";

/** Rows per row group (and per slice handed to the writer); see the memory note above. */
export const ROW_GROUP_ROWS = 32768;

/**
 * zstd-compressed Parquet, row groups of ROW_GROUP_ROWS rows. The Arrow schema, with
 * its metadata and field descriptions, travels in the file's ARROW:schema entry
 * (pyarrow, polars). Readers that ignore ARROW:schema (DuckDB's parquet_kv_metadata)
 * get the schema metadata as one JSON value under PARQUET_METADATA_KEY. One entry, not
 * one per key: the writer keeps key-value metadata in a Rust HashMap, so several
 * entries come out in a different order on every call, and the file would not be
 * byte-identical across rebuilds. `createdBy` is fixed for the same reason.
 */
export async function parquetChunks(table: Table, createdBy: string, rowsPerGroup = ROW_GROUP_ROWS): Promise<Uint8Array[]> {
  const metadata = Object.fromEntries([...table.schema.metadata].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  const props = new WriterPropertiesBuilder()
    .setCompression(Compression.ZSTD)
    .setWriterVersion(WriterVersion.V2)
    .setCreatedBy(createdBy)
    .setMaxRowGroupSize(rowsPerGroup)
    .setKeyValueMetadata(new Map([[PARQUET_METADATA_KEY, JSON.stringify(metadata)]]))
    .build();
  let from = 0;
  const batches = new ReadableStream({
    pull(controller) {
      // An empty table still gives one (empty) batch, so the file has its schema.
      if (from >= table.numRows && !(from === 0 && table.numRows === 0)) {
        controller.close();
        return;
      }
      const slice = table.slice(from, Math.min(table.numRows, from + rowsPerGroup));
      from += rowsPerGroup;
      const wasm = WasmTable.fromIPCStream(tableToIPC(slice, "stream"));
      for (const batch of wasm.recordBatches()) controller.enqueue(batch);
      wasm.free();
    },
  });
  const out = await transformParquetStream(batches, props);
  const parts: Uint8Array[] = [];
  const reader = out.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parts.push(value as Uint8Array);
  }
  // As the writer's chunks: joining them would copy the file (31 MB at 480k claims) at publish's peak.
  return parts;
}
