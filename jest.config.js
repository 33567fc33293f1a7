/**
 * The kinds of tests (README, "Test it"): unit/ (no database, folders as in src/), integration/ (the real
 * Neo4j of the test suite, HTTP through createApp), e2e/ (headless Chromium against the running app), and
 * architecture/, fuzz/, security/, faults/, load/ (and long/, outside `npm test`).
 * globalSetup starts the suite's own Neo4j instance (port 7688, .neo4j/test), never the one users browse, and
 * installs the extractor's parser once (.nlp/); each file closes the parse process it started (close-parser.ts).
 */
/** @type {import('jest').Config} */
module.exports = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  // tests/long/: the long fault and load variants, run by `npm run test:load` (tests/load/jest.config.js).
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/tests/long/'],
  globalSetup: '<rootDir>/tests/helpers/global-setup.ts',
  globalTeardown: '<rootDir>/tests/helpers/global-teardown.ts',
  setupFilesAfterEnv: ['<rootDir>/tests/helpers/close-parser.ts'],
  testTimeout: 60000,
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
};
