/** Browser end-to-end tests: headless Chromium (Debian's /usr/bin/chromium) on the BUILT dist/. Run: npm run test:e2e. */
const base = require("../../jest.config.js");

module.exports = {
  ...base,
  rootDir: "../..",
  roots: ["<rootDir>/tests/e2e"],
  testMatch: ["**/*.e2e.test.ts"],
  testPathIgnorePatterns: ["/node_modules/"],
  testTimeout: 180000,
};
