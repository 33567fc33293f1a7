import { closeSharedParser } from '../../src/nlp/shared';

// Every test file that drafts an article starts the process's parser (src/nlp/shared.ts); it ends with the file.
afterAll(() => closeSharedParser());
