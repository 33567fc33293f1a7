/** The graph's one request, /api/graph, where a new request aborts the one under way. */
import type { Graph } from '../../graph/graph.schemas';
import { getJson, isAbort } from '../common';
import type { Filters } from './state';

/** The query for the graph: the busiest 40 actors at most, their links' counts by type (the list shows them), and the filters that are set. */
function graphQuery(filters: Filters): URLSearchParams {
  const query = new URLSearchParams({ limit: '40', include: 'types' });
  for (const [key, value] of Object.entries(filters)) if (value) query.set(key, value);
  return query;
}

/** Loads the graph for the filters; only the latest answer is shown, so a quick run of changes ends right. */
export function graphLoader(show: (graph: Graph) => void, setStatus: (text: string) => void): (filters: Filters) => Promise<void> {
  let controller: AbortController | null = null;
  return async (filters) => {
    const query = graphQuery(filters);
    controller?.abort();
    controller = new AbortController();
    setStatus('Loading…');
    try {
      show(await getJson<Graph>(`/api/graph?${query}`, controller.signal));
    } catch (error) {
      if (isAbort(error)) return;
      setStatus(`Could not load the graph: ${(error as Error).message}`);
    }
  };
}
