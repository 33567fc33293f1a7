import path from 'node:path';

/** The project's folder (the one holding package.json), from src/config or its build in dist/config. */
export const PROJECT_ROOT = path.resolve(__dirname, '..', '..');
