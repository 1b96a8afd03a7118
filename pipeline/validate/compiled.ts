// The two record validators, compiled once when the module loads (compiling
// costs milliseconds; validating a record costs microseconds).
import type formatsModuleType from "ajv-formats";
import { requireCjs } from "../cjs.js";
import { claimSchema, documentSchema } from "../schema/schemas.js";

const { Ajv2020 } = requireCjs("ajv/dist/2020.js") as typeof import("ajv/dist/2020.js");
const formatsModule = requireCjs("ajv-formats") as typeof formatsModuleType;

// ajv-formats is CommonJS; under NodeNext its callable is on .default.
const addFormats = formatsModule.default;

// allErrors: a rejected record lists everything wrong with it, not only the first problem.
// verbose: errors carry the offending value, which the messages quote.
// validateSchema false: checking our two schemas against the 2020-12 meta-schema compiled the
// meta-schema first, in every thread (workers included), about two thirds of the validators'
// 0.18 s of compilation; test/validate-rules.test.ts checks them against it instead. Strict mode
// still refuses unknown keywords and other schema mistakes as the schemas compile.
const ajv = new Ajv2020({ allErrors: true, strict: true, verbose: true, validateSchema: false });
addFormats(ajv);

export const validateClaimSchema = ajv.compile(claimSchema);
export const validateDocumentSchema = ajv.compile(documentSchema);
