/**
 * Example values of the OpenAPI document, by operationId: the ids and days of the seed (seed/), so that "Try it
 * out" on /api/docs answers with real data on a fresh install. tests/unit/http/openapi.test.ts checks each one
 * against its schema, and tests/integration/openapi.test.ts calls every public read with them on the seed.
 */

export interface OperationExamples {
  params?: Record<string, string | number>;
  query?: Record<string, string | number>;
  body?: Record<string, unknown>;
}

const PARDON = 'pardon-123-prisoners-2025-12';
const ARTICLE = 'minsk-talks-us-belarus-thaw';
const PARDON_QUOTE =
  "In a reciprocal gesture, President Lukashenko announced the pardon of 123 individuals, a development that Coale described as part of an ongoing process of 'lifting sanctions, releasing prisoners' and continuous dialogue between Washington and Minsk.";
const DRAFT_ID = 'draft-3f9a1c2b';

export const SEED_EXAMPLES: Readonly<Record<string, OperationExamples>> = {
  listEvents: { query: { actor: 'belarus', type: 'sanctions_lifted' } },
  getEvent: { params: { id: PARDON } },
  getEventHistory: { params: { id: PARDON } },
  chooseEventClaim: { params: { id: PARDON }, body: { field: 'date', article: ARTICLE } },
  listActors: { query: { q: 'Washington' } },
  getActor: { params: { id: 'john-coale' } },
  listActorRelationships: { params: { id: 'belarus' } },
  listWhoDidWhat: { query: { actor: 'united-states', action: 'sanctions_lifted' } },
  findConnections: { query: { from: 'donald-trump', to: 'ales-bialiatski' } },
  getDyad: { params: { a: 'united-states', b: 'belarus' } },
  listSanctionsInForce: { query: { on: '2025-10-01' } },
  listSanctionsChanges: { query: { from: '2025-09-01', to: '2025-09-30' } },
  listSanctionsMeasures: { query: { target: 'belarus' } },
  getArticle: { params: { id: ARTICLE } },
  getMapClusters: { query: { zoom: 2, type: 'talks' } },
  listMapEvents: { query: { south: 40, west: 20, north: 60, east: 40 } },
  resolvePlace: { query: { q: 'Minsk' } },
  getStatsSeries: { query: { by: 'type', interval: 'month', from: '2025-09-01', to: '2025-12-31' } },
  getTimeline: { query: { from: '2025-09-01', to: '2025-12-31' } },
  getGraph: { query: { actor: 'belarus' } },
  exportEvents: { query: { format: 'csv', actor: 'belarus' } },
  createDraft: { body: { text: PARDON_QUOTE, title: 'Lukashenko pardons 123 prisoners', published: '2025-12-14' } },
  addArticle: { body: { id: 'lukashenko-pardons-123', title: 'Lukashenko pardons 123 prisoners', publishedAt: '2025-12-14', text: PARDON_QUOTE } },
  getDraft: { params: { id: DRAFT_ID } },
  editDraftEvent: { params: { id: DRAFT_ID, key: 0 }, body: { type: 'pardon', decision: 'accepted' } },
  addDraftEvent: { params: { id: DRAFT_ID }, body: { quote: PARDON_QUOTE, type: 'pardon', agents: ['alexander-lukashenko'] } },
  nameDraftActor: { params: { id: DRAFT_ID }, body: { id: 'belarusian-political-prisoners' } },
  acceptDraftEvents: { params: { id: DRAFT_ID }, body: { confidence: 0.8 } },
  commitDraft: { params: { id: DRAFT_ID } },
  discardDraft: { params: { id: DRAFT_ID } },
  createToken: { body: { label: 'nightly import' } },
  addUser: { body: { name: 'bob', role: 'editor', password: 'a long passphrase' } },
  setUserRole: { params: { name: 'bob' }, body: { role: 'admin' } },
  removeUser: { params: { name: 'bob' } },
};
