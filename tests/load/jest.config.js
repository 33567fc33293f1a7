/**
 * `npm run test:load`: the long variants, with the suite's own Neo4j: the load (60 s, 50 connections), the load
 * right after a restart of Neo4j (60 s), and the long fault tests of tests/long/ (Neo4j killed during a load).
 * `npm test` runs the first two for 10 s and 20 s among the other tests, and not the long ones.
 */
const base = require('../../jest.config.js');

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  rootDir: '../..',
  roots: ['<rootDir>/tests/load', '<rootDir>/tests/long', '<rootDir>/tests/faults'],
  testMatch: ['**/load/*.test.ts', '**/long/*.test.ts', '**/faults/neo4j-down.test.ts'],
  testPathIgnorePatterns: ['/node_modules/'],
};
