/*
 * Azure regions, compared and named in one place. ARM names a region `eastus` in ids and
 * bodies, `East US` in display names and sometimes `EastUS` elsewhere (Resource Graph, job
 * bodies): every comparison goes through `normaliseRegion`.
 */
import type { Location } from './subscriptions/types';

/** Normalises a region for comparison: `East US` / `eastus` / `EastUS` -> `eastus`. */
export function normaliseRegion(region: string): string {
  return region.replace(/\s+/g, '').toLowerCase();
}

/** Case- and space-insensitive region equality; false when either is missing. */
export function sameRegion(a: string | null | undefined, b: string | null | undefined): boolean {
  if (!a || !b) return false;
  return normaliseRegion(a) === normaliseRegion(b);
}

function findLocation(locations: readonly Location[] | undefined, name: string): Location | undefined {
  const wanted = normaliseRegion(name);
  return locations?.find(
    (l) =>
      (l.name && normaliseRegion(l.name) === wanted) ||
      (l.displayName && normaliseRegion(l.displayName) === wanted),
  );
}

/**
 * The paired region (programmatic name) of `name`, from a subscription's locations; matches by
 * name or display name. Undefined when the region has no pair or is not listed.
 */
export function pairedRegion(locations: readonly Location[], name: string): string | undefined {
  const pair = findLocation(locations, name)?.metadata?.pairedRegion?.find(
    (p) => typeof p.name === 'string' && p.name !== '',
  );
  return pair?.name ?? undefined;
}

/** "East US" for "eastus" when the locations list names it; the name as given otherwise. */
export function regionDisplayName(name: string, locations: readonly Location[] | undefined): string {
  return findLocation(locations, name)?.displayName ?? name;
}
