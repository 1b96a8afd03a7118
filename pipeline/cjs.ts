// CommonJS packages loaded with require rather than import, in the modules a worker thread loads.
// Node lexes every CommonJS module that an ES module imports, to find its exports; over the
// worker's packages that lexer ran long enough for V8 to optimize it, twice per thread (`node
// --trace-opt` on a worker's start: 155 ms of compilation; papaparse alone made it hot). Loaded
// with require, a package is not lexed. The values are the same: an import of a CommonJS package
// gives its module.exports, as require does.
import { createRequire } from "node:module";

export const requireCjs = createRequire(import.meta.url);
