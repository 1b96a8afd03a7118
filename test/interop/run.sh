#!/usr/bin/env bash
# Interop checks: a release read by analysts' own tools gives exactly the source
# records. polars reads the Arrow and Parquet files, DuckDB the CSV and Parquet,
# pandas the CSV, csvclean finds no error in any CSV.
#   bash test/interop/run.sh        (from anywhere; needs the root npm install done)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
cd "$here"

# npm install, not npm ci: the lockfile names per-platform native builds (DuckDB,
# polars) that the registry may not serve for every platform, which npm ci rejects.
npm install --no-audit --no-fund --loglevel=error
bash "$here/setup.sh"

work="$(mktemp -d "${TMPDIR:-/tmp}/interop-run-XXXXXX")"
trap 'rm -rf "$work"' EXIT
# Whatever the checks write to a temporary folder goes under $work too, and goes with it.
export TMPDIR="$work"
export INTEROP_RELEASES="$work/releases.json"
"$repo/node_modules/.bin/tsx" "$here/make-releases.ts" "$INTEROP_RELEASES"

node --test "$here/polars.test.mjs" "$here/duckdb.test.mjs" "$here/pandas.test.mjs" "$here/csvclean.test.mjs"
