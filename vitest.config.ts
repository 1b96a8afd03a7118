import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    exclude: ["test/interop/node_modules/**", "node_modules/**"],
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});
