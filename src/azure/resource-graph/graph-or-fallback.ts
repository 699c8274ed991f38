import type { ArmError } from '../arm-error';
import type { ArmQueryContext } from '../query-context';
import { isResourceGraphUnavailable } from './availability';
import { ResourceGraphClient, type ResourceGraphQuery } from './resource-graph-client';

/** One Resource Graph page of a streamed search, its rows already parsed. */
export interface GraphPageChunk<Row> {
  kind: 'page';
  rows: Row[];
  /** Resource Graph's total of a new subscription batch (added to the running total). */
  addTotal: number;
  truncated: boolean;
}

/** The chunks {@link graphOrFallback} adds to those of the fallback. */
export type GraphOrFallbackChunk<Row> =
  GraphPageChunk<Row> | { kind: 'fallback'; reason: ArmError } | { kind: 'done' };

/**
 * Streams a search from one Resource Graph query, page by page to the end, then `done`. When
 * Resource Graph is refused or absent before its first page ({@link isResourceGraphUnavailable}),
 * it says so (`fallback`, with the error) and streams `fallback()` instead; any later failure, or
 * any other error, is thrown.
 *
 * @param parseRows turns one page's raw rows into the search's rows (unparseable rows dropped).
 */
export async function* graphOrFallback<Row, Chunk>(
  ctx: ArmQueryContext,
  query: ResourceGraphQuery,
  parseRows: (raw: readonly Record<string, unknown>[]) => Row[],
  fallback: () => AsyncGenerator<Chunk, void, undefined>,
): AsyncGenerator<GraphOrFallbackChunk<Row> | Chunk, void, undefined> {
  const graph = new ResourceGraphClient(ctx.client);
  let started = false;
  try {
    for await (const page of graph.queryPages(query)) {
      started = true;
      yield {
        kind: 'page',
        rows: parseRows(page.rows),
        addTotal: page.firstOfBatch ? page.totalRecords : 0,
        truncated: page.truncated,
      };
    }
  } catch (error) {
    // Only a refusal before anything arrived means "no Resource Graph"; later failures are errors.
    if (started || !isResourceGraphUnavailable(error)) throw error;
    yield { kind: 'fallback', reason: error as ArmError };
    yield* fallback();
  }
  yield { kind: 'done' };
}
