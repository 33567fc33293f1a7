/**
 * `npm run test:load`: the long variants, with the suite's own Neo4j: the load (60 s, 50 connections), and the
 * long fault tests of tests/long/ (Neo4j restarted under a load, killed during a load) on an instance of theirs.
 * `npm test` runs the first for 10 s among the other tests, and not the long ones.
 */
const base = require('../../jest.config.js');

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  rootDir: '../..',
  roots: ['<rootDir>/tests/load', '<rootDir>/tests/long'],
  testPathIgnorePatterns: ['/node_modules/'],
};
