/**
 * The iterator shape of `@azure/core-paging` / the generated ARM SDKs: iterate items with
 * `for await`, or whole pages with `.byPage()`.
 */
export interface PagedAsyncIterableIterator<TElement, TPage = TElement[]> {
  /** Next item. */
  next(): Promise<IteratorResult<TElement>>;
  /** Item iteration. */
  [Symbol.asyncIterator](): PagedAsyncIterableIterator<TElement, TPage>;
  /** Page iteration; `continuationToken` is a `nextLink` to resume from. */
  byPage(settings?: PageSettings): AsyncIterableIterator<TPage>;
}

/** Options of `byPage()`. */
export interface PageSettings {
  /** A `nextLink` to continue from (as returned by ARM). */
  continuationToken?: string;
}

/** One page of an ARM list (`{ value, nextLink }`). */
export interface ArmPage<T> {
  value: T[];
  nextLink?: string | null;
}

/** Wraps a page source (`pages(continuationToken?)`) as a {@link PagedAsyncIterableIterator}. */
export function createPagedIterator<T>(
  pages: (continuationToken?: string) => AsyncIterableIterator<T[]>,
): PagedAsyncIterableIterator<T> {
  async function* items(): AsyncIterableIterator<T> {
    for await (const page of pages()) yield* page;
  }
  const iter = items();
  const paged: PagedAsyncIterableIterator<T> = {
    next: () => iter.next(),
    [Symbol.asyncIterator]: () => paged,
    byPage: (settings?: PageSettings) => pages(settings?.continuationToken),
  };
  return paged;
}

/** Collects every item of a paged iterator (follows every `nextLink`). */
export async function collectAll<T>(iterator: PagedAsyncIterableIterator<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const page of iterator.byPage()) out.push(...page);
  return out;
}
