/**
 * `npm run test:load`: the long load (60 s, 50 connections) alone, with the suite's own Neo4j.
 * `npm test` runs the same file for 10 s among the other tests.
 */
const base = require('../../jest.config.js');

/** @type {import('jest').Config} */
module.exports = { ...base, rootDir: '../..', roots: ['<rootDir>/tests/load'] };
