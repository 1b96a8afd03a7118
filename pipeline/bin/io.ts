// File I/O shared by stage scripts: JSONL streams and atomic writes, so a
// killed stage never leaves half a file for the next stage to trust.
import fs from "node:fs";
import path from "node:path";
import readline from "node:readline";
import { randomBytes } from "node:crypto";
import { UserError } from "./cli.js";

export function interimDir(data: string): string {
  return path.join(data, "interim");
}

/** Yields [lineNumber, parsedObject | Error] for each non-empty line of a JSONL file. */
export async function* readJsonl(file: string): AsyncGenerator<[number, unknown]> {
  if (!fs.existsSync(file)) {
    throw new UserError(`${file} does not exist: run the previous stage first (npm run build-data runs them all)`);
  }
  const rl = readline.createInterface({ input: fs.createReadStream(file, "utf8"), crlfDelay: Infinity });
  let n = 0;
  for await (const line of rl) {
    n++;
    if (line.trim() === "") continue;
    try {
      yield [n, JSON.parse(line)];
    } catch (e) {
      yield [n, new Error(`${file}:${n}: not JSON: ${(e as Error).message}`)];
    }
  }
}

/** Writes text to `file` through a temporary sibling and a rename. */
export function writeFileAtomic(file: string, text: string | Uint8Array): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.tmp-${process.pid}-${randomBytes(4).toString("hex")}`;
  fs.writeFileSync(tmp, text);
  fs.renameSync(tmp, file);
}

/** A JSONL writer that streams to a temporary file and renames it into place on close. */
export class AtomicJsonlWriter {
  private readonly tmp: string;
  private readonly fd: number;
  private buf: string[] = [];
  private size = 0;
  count = 0;

  constructor(private readonly file: string) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    this.tmp = `${file}.tmp-${process.pid}-${randomBytes(4).toString("hex")}`;
    this.fd = fs.openSync(this.tmp, "w");
  }

  write(obj: unknown): void {
    const line = JSON.stringify(obj) + "\n";
    this.buf.push(line);
    this.size += line.length;
    this.count++;
    if (this.size > 1 << 20) this.flush();
  }

  private flush(): void {
    if (this.buf.length) fs.writeSync(this.fd, this.buf.join(""));
    this.buf = [];
    this.size = 0;
  }

  close(): void {
    this.flush();
    fs.closeSync(this.fd);
    fs.renameSync(this.tmp, this.file);
  }

  /** Drops what was written: the previous file, if any, stays as it was. */
  abort(): void {
    try {
      fs.closeSync(this.fd);
    } catch {
      // already closed
    }
    fs.rmSync(this.tmp, { force: true });
  }
}
