import { extractParsed } from '../src/ingest/extract';
import { closeSharedParser } from '../src/nlp/shared';
(async () => {
  const text = process.argv[2] as string;
  const x = await extractParsed({ text, publishedAt: process.argv[3] ?? '2022-09-23' }, []);
  for (const e of x.events) console.log(e.type, e.date?.start, e.agents.join(','), '|', e.trigger, e.evidence);
  await closeSharedParser();
})();
