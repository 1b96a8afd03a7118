// The Data Package v2 rules our datapackage.json is checked against, as a JSON
// Schema written for these tests from the specification (datapackage.org,
// "Data Package", "Data Resource", "Table Schema", v2.0). No npm or Debian
// package ships the official profile files, and they are not copied here; this
// encodes the MUSTs that apply to a package like ours: required properties,
// name/path/hash/bytes/licence forms, and the shape of table schemas.
const PATH = "^((?=[^./~])(?!file:)((?!\\/\\.\\.\\/)(?!\\\\)(?!:\\/\\/).)*|(http|ftp)s?:\\/\\/.*)$";

const field = {
  type: "object",
  required: ["name"],
  properties: {
    name: { type: "string", minLength: 1 },
    type: { enum: ["string", "number", "integer", "boolean", "object", "array", "list", "datetime", "date", "time", "year", "yearmonth", "duration", "geopoint", "geojson", "any"] },
    format: { type: "string" },
    title: { type: "string" },
    description: { type: "string" },
    delimiter: { type: "string" },
    itemType: { enum: ["string", "integer", "number", "boolean", "datetime", "date", "time"] },
    constraints: {
      type: "object",
      properties: {
        required: { type: "boolean" },
        unique: { type: "boolean" },
        enum: { type: "array", minItems: 1 },
        minLength: { type: "integer" },
        maxLength: { type: "integer" },
        pattern: { type: "string", format: "regex" },
      },
    },
  },
};

const tableSchema = {
  type: "object",
  required: ["fields"],
  properties: {
    $schema: { type: "string" },
    fields: { type: "array", minItems: 1, items: field },
    primaryKey: { type: "array", minItems: 1, items: { type: "string" } },
    missingValues: { type: "array", items: { type: "string" } },
  },
};

const resource = {
  type: "object",
  required: ["name", "path"],
  properties: {
    $schema: { type: "string" },
    name: { type: "string", pattern: "^([-a-z0-9._/])+$" },
    path: { oneOf: [{ type: "string", pattern: PATH }, { type: "array", minItems: 1, items: { type: "string", pattern: PATH } }] },
    type: { enum: ["table"] },
    title: { type: "string" },
    description: { type: "string" },
    format: { type: "string" },
    mediatype: { type: "string", pattern: "^(.+)/(.+)$" },
    encoding: { type: "string" },
    bytes: { type: "integer", minimum: 0 },
    hash: { type: "string", pattern: "^([^:]+:[a-fA-F0-9]+|[a-fA-F0-9]{32})$" },
    schema: { oneOf: [{ type: "string" }, tableSchema] },
    dialect: { oneOf: [{ type: "string" }, { type: "object" }] },
  },
};

export const dataPackageV2Profile = {
  $schema: "http://json-schema.org/draft-07/schema#",
  title: "Data Package v2 (rules checked by the publish tests)",
  type: "object",
  required: ["resources"],
  properties: {
    $schema: { type: "string", const: "https://datapackage.org/profiles/2.0/datapackage.json" },
    name: { type: "string", pattern: "^([-a-z0-9._/])+$" },
    title: { type: "string" },
    description: { type: "string" },
    version: { type: "string" },
    created: { type: "string", format: "date-time" },
    keywords: { type: "array", minItems: 1, items: { type: "string" } },
    licenses: {
      type: "array",
      minItems: 1,
      items: {
        type: "object",
        anyOf: [{ required: ["name"] }, { required: ["path"] }],
        properties: { name: { type: "string", pattern: "^([-a-zA-Z0-9._])+$" }, path: { type: "string", pattern: PATH }, title: { type: "string" } },
      },
    },
    contributors: {
      type: "array",
      minItems: 1,
      items: { type: "object", minProperties: 1, properties: { title: { type: "string" }, roles: { type: "array", minItems: 1, items: { type: "string" } } } },
    },
    sources: {
      type: "array",
      items: { type: "object", minProperties: 1, properties: { title: { type: "string" }, path: { type: "string", pattern: PATH } } },
    },
    resources: { type: "array", minItems: 1, items: resource },
  },
};
