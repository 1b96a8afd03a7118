import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    exclude: ["test/interop/node_modules/**", "node_modules/**"],
    // Temporary folders of every test and child process go under one root, removed after the run.
    globalSetup: ["test/helpers/tmp-root.ts"],
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});
