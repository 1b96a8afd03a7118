"""pandas reads claims.csv and documents.csv the way the dataset card shows, and
every cell equals the source records. Usage: pandas_check.py RELEASE_DIR EXPECTED.json
(EXPECTED.json: {"claims": [...], "documents": [...], "integer": {...}, "list": {...}}).
Prints one line per mismatch and exits 1 if there is any."""
import json
import re
import sys

import pandas as pd

release, expected_file = sys.argv[1], sys.argv[2]
with open(expected_file, encoding="utf-8") as f:
    expected = json.load(f)

ESCAPED = re.compile(r"^'+[=+\-@\t\r]")


def unescape(cell):
    return cell[1:] if ESCAPED.match(cell) else cell


def read(name, integer_columns):
    # The card's recipe: only an empty cell is missing ("NA" stays text), integers as nullable Int64.
    dtypes = {c: "Int64" for c in integer_columns}
    return pd.read_csv(f"{release}/{name}", keep_default_na=False, na_values=[""], dtype=dtypes, encoding="utf-8")


def value(cell, column, integer_columns, list_columns):
    if pd.isna(cell):
        return [] if column in list_columns else None
    if column in integer_columns:
        return int(cell)
    text = unescape(str(cell))
    return text.split("; ") if column in list_columns else text


problems = []
for table in ("claims", "documents"):
    integer_columns, list_columns = expected["integer"][table], expected["list"][table]
    frame = read(f"{table}.csv", integer_columns)
    want = expected[table]
    if len(frame) != len(want):
        problems.append(f"{table}: {len(frame)} rows, expected {len(want)}")
        continue
    columns = list(want[0].keys()) if want else []
    if list(frame.columns) != columns:
        problems.append(f"{table}: columns {list(frame.columns)}, expected {columns}")
        continue
    for i, (_, row) in enumerate(frame.iterrows()):
        for c in columns:
            got = value(row[c], c, integer_columns, list_columns)
            if got != want[i][c]:
                problems.append(f"{table} row {i + 2} {c}: {got!r} != {want[i][c]!r}")

for p in problems:
    print(p)
print(f"pandas {pd.__version__}: {len(problems)} mismatches")
sys.exit(1 if problems else 0)
