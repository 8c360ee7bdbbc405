/** Tests of the built add-in (dist/ and a build for a real host): `npm run test:built`, after `npm run build`. */
const base = require("./jest.config");

module.exports = { ...base, testPathIgnorePatterns: ["/node_modules/", "<rootDir>/test/e2e/"], testMatch: ["**/test/built/**/*.test.ts"] };
