// The two record validators, compiled once when the module loads (compiling
// costs milliseconds; validating a record costs microseconds).
import { Ajv2020 } from "ajv/dist/2020.js";
import formatsModule from "ajv-formats";
import { claimSchema, documentSchema } from "../schema/schemas.js";

// ajv-formats is CommonJS; under NodeNext its callable is on .default.
const addFormats = formatsModule.default;

// allErrors: a rejected record lists everything wrong with it, not only the first problem.
// verbose: errors carry the offending value, which the messages quote.
const ajv = new Ajv2020({ allErrors: true, strict: true, verbose: true });
addFormats(ajv);

export const validateClaimSchema = ajv.compile(claimSchema);
export const validateDocumentSchema = ajv.compile(documentSchema);
