import { createHash } from 'node:crypto';
import { read, type Db } from './query';

/**
 * A fingerprint of everything the database holds: every node with its labels and properties and every
 * relationship with its type, ends and properties, in a stable order. Equal fingerprints, equal contents.
 * The migration records are left out: they say when a step ran (once per process and handle), not what is stored;
 * so is an event's `addedAt`, the moment this database first learned of it (two loads of the same facts differ
 * in it and in nothing else).
 */
export async function contentFingerprint(db: Db): Promise<string> {
  const nodes = await read<{ n: unknown }>(db, 'MATCH (n) WHERE NOT n:Migration RETURN n {.*, addedAt: null, labels: labels(n)} AS n');
  const rels = await read<{ r: unknown }>(db, 'MATCH (a)-[r]->(b) RETURN { type: type(r), from: a.id, to: b.id, props: properties(r) } AS r');
  const canonical = [...nodes.map((x) => stableJson(x.n)), ...rels.map((x) => stableJson(x.r))].sort();
  return `${nodes.length}n/${rels.length}r:${createHash('sha256').update(canonical.join('\n')).digest('hex')}`;
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
