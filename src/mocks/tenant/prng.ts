// Deterministic randomness for the simulated tenant. Math.random is banned here: the same seed must
// rebuild the same tenant (tests, and the demo after a reload replays its journal on top of it).

/** mulberry32: tiny, fast, good enough for fixtures; state is one uint32 so it is trivially persistable. */
export class Prng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(minInclusive: number, maxInclusive: number): number {
    return minInclusive + Math.floor(this.next() * (maxInclusive - minInclusive + 1));
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('pick() from an empty list');
    return item;
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  hex(length: number): string {
    let out = '';
    while (out.length < length)
      out += Math.floor(this.next() * 0x100000000)
        .toString(16)
        .padStart(8, '0');
    return out.slice(0, length);
  }

  guid(): string {
    return formatGuid(this.hex(32));
  }
}

/** FNV-1a, 32 bit. Used to derive stable sub-seeds from names so unrelated generation order never shifts ids. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A deterministic GUID derived from a name (stable across code changes that reorder generation). */
export function guidFromName(name: string): string {
  return formatGuid(hexFromName(name, 32));
}

export function hexFromName(name: string, length: number): string {
  const rng = new Prng(hash32(name));
  return rng.hex(length);
}

function formatGuid(hex: string): string {
  // Version 4 / variant bits set so validators accepting only RFC 4122 GUIDs are happy.
  const h = hex.split('');
  h[12] = '4';
  h[16] = ((parseInt(h[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  const s = h.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20, 32)}`;
}
