/**
 * Unit and property tests (`npm test`). Tests of the built artifact (test/built, `npm run test:built`) and the browser
 * suite (test/e2e, `npm run test:e2e`) run after `npm run build`, as CI does (.ci/run).
 */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  testPathIgnorePatterns: ["/node_modules/", "<rootDir>/test/e2e/", "<rootDir>/test/built/"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "<rootDir>/tsconfig.jest-transpile.json" }],
  },
  moduleNameMapper: {
    "^office-addin-manifest$": "<rootDir>/node_modules/office-addin-manifest/lib/officeApp.js",
  },
  // The CLI compiled into lib/ once, for the tests that run the real command (test/helpers/compileCli.js).
  globalSetup: "<rootDir>/test/helpers/compileCli.js",
  testTimeout: 60000,
  // Every core: jest's default leaves one free, which on a 2-core machine runs the suites one at a time (3.0 → 2.0 min).
  maxWorkers: "100%",
};
