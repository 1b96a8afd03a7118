// Builds the releases the interop checks read, and writes their list as JSON to
// the path given as argument: [{ name, data, dist, version }].
//  - "fixture": the gold claims plus records built to stress the CSV rules
//    (formula-like cells, quotes, line breaks, emoji), published through the
//    publish API, then published again with one added record (a minor version);
//  - "pipeline": the seed corpus through the whole build (npm run build-data),
//    once the pipeline has its extract stage.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { runPublish } from "../../pipeline/bin/publish.js";
import { goldCorpus, writeInterim } from "../publish-fixture.js";

const repo = path.resolve(import.meta.dirname, "..", "..");
const out = process.argv[2];
if (!out) throw new Error("usage: make-releases.ts OUT.json");
// Everything goes beside OUT, in the folder run.sh made and removes.
const root = path.dirname(path.resolve(out));
const releases: { name: string; data: string; dist: string; version: string }[] = [];

const fixture = path.join(root, "fixture");
const corpus = goldCorpus();
writeInterim(path.join(fixture, "data"), corpus);
await runPublish({ data: path.join(fixture, "data"), dist: path.join(fixture, "dist"), strict: false });
const extra = { ...corpus.claims[0]!, claim_id: "ffffffffffff0001", count: 4242, count_low: 4242, count_high: 4242, count_qualifier: "exact" as const, count_text: "4 242" };
writeInterim(path.join(fixture, "data"), { ...corpus, claims: [...corpus.claims, extra] });
const second = await runPublish({ data: path.join(fixture, "data"), dist: path.join(fixture, "dist"), strict: false });
releases.push({ name: "fixture", data: path.join(fixture, "data"), dist: path.join(fixture, "dist"), version: second.version });

if (fs.existsSync(path.join(repo, "pipeline", "extract", "index.ts"))) {
  const data = path.join(root, "pipeline", "data");
  const dist = path.join(root, "pipeline", "dist");
  fs.mkdirSync(data, { recursive: true });
  fs.cpSync(path.join(repo, "data", "sources.csv"), path.join(data, "sources.csv"));
  fs.cpSync(path.join(repo, "data", "raw"), path.join(data, "raw"), { recursive: true });
  execFileSync(path.join(repo, "node_modules", ".bin", "tsx"), ["pipeline/bin/build-data.ts", "--data", data, "--dist", dist], { cwd: repo, stdio: "inherit" });
  const index = JSON.parse(fs.readFileSync(path.join(dist, "index.json"), "utf8")) as { latest: string };
  releases.push({ name: "pipeline", data, dist, version: index.latest });
} else {
  console.log("make-releases: pipeline/extract is not there yet: checking the fixture release only");
}

fs.writeFileSync(out, JSON.stringify(releases, null, 2));
for (const r of releases) console.log(`make-releases: ${r.name} ${r.version} in ${r.dist}`);
