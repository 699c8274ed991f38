// Measurements taken inside the page (performance.now(), rAF, MutationObserver), so Playwright's
// round trips to the browser never count in a figure, and the JS heap through CDP.
import type { Locator, Page } from '@playwright/test';

/**
 * Waits (one check per animation frame) until `selector` matches, and returns performance.now() of
 * that frame: milliseconds since the page's navigation started.
 */
export async function frameWhen(page: Page, selector: string, text?: RegExp): Promise<number> {
  const handle = await page.waitForFunction(
    ({ selector, source, flags }) => {
      const el = document.querySelector(selector);
      if (!el) return false;
      if (source !== undefined && !new RegExp(source, flags).test(el.textContent ?? '')) return false;
      return performance.now();
    },
    { selector, source: text?.source, flags: text?.flags },
    { polling: 'raf', timeout: 300_000 },
  );
  return (await handle.jsonValue()) as number;
}

/** performance.now() in the page (to start a window measured with {@link frameWhen}). */
export function pageNow(page: Page): Promise<number> {
  return page.evaluate(() => performance.now());
}

/**
 * Presses each key in `input` and measures, in the page, from the keydown event to the animation
 * frame after the first DOM change inside `within` but outside `except` (the grid, its count or
 * its "no match" message; not the filter bar the keystroke itself edits). Returns one duration per
 * key, in ms.
 */
export async function keystrokeLatencies(
  page: Page,
  input: Locator,
  keys: readonly string[],
  within: string,
  except: string,
): Promise<number[]> {
  await input.focus();
  await page.evaluate(
    ({ within, except }) => {
      const w = window as unknown as { __keyLatency?: { start: number; done?: Promise<number> } };
      const root = document.querySelector(within);
      if (!root) throw new Error(`no ${within}`);
      document.addEventListener(
        'keydown',
        () => {
          const start = performance.now();
          const state: { start: number; done?: Promise<number> } = { start };
          state.done = new Promise<number>((resolve) => {
            const observer = new MutationObserver((records) => {
              const relevant = records.some((r) => {
                const el = r.target instanceof Element ? r.target : r.target.parentElement;
                return el !== null && el.closest(except) === null;
              });
              if (!relevant) return;
              observer.disconnect();
              requestAnimationFrame(() => resolve(performance.now() - start));
            });
            observer.observe(root, { subtree: true, childList: true, characterData: true, attributes: true });
          });
          w.__keyLatency = state;
        },
        { capture: true },
      );
    },
    { within, except },
  );
  const out: number[] = [];
  for (const key of keys) {
    await page.keyboard.press(key);
    out.push(
      await page.evaluate(async () => {
        const w = window as unknown as { __keyLatency?: { done?: Promise<number> } };
        const done = w.__keyLatency?.done;
        if (!done) throw new Error('no keydown seen');
        return done;
      }),
    );
  }
  return out;
}

/**
 * Scrolls `scroller` by `rows × rowHeight` px at a constant speed over `seconds`, one step per
 * animation frame, and counts frames missed: each frame delta counts round(delta / 16.7) - 1
 * dropped frames. Returns the dropped share of all frames that should have been shown, in %.
 */
export async function scrollDroppedFrames(
  scroller: Locator,
  distancePx: number,
  seconds: number,
): Promise<{ droppedPercent: number; frames: number; dropped: number; reachedPx: number }> {
  return scroller.evaluate(
    (el, { distancePx, seconds }) =>
      new Promise((resolve) => {
        const FRAME = 1000 / 60;
        const top = el.scrollTop;
        const deltas: number[] = [];
        let first: number | undefined;
        let last: number | undefined;
        const step = (t: number) => {
          if (first === undefined) first = t;
          if (last !== undefined) deltas.push(t - last);
          last = t;
          const elapsed = (t - first) / 1000;
          el.scrollTop = top + Math.min(1, elapsed / seconds) * distancePx;
          if (elapsed < seconds) {
            requestAnimationFrame(step);
            return;
          }
          const dropped = deltas.reduce((n, d) => n + Math.max(0, Math.round(d / FRAME) - 1), 0);
          resolve({
            droppedPercent: (100 * dropped) / (deltas.length + dropped),
            frames: deltas.length,
            dropped,
            reachedPx: el.scrollTop - top,
          });
        };
        requestAnimationFrame(step);
      }),
    { distancePx, seconds },
  );
}

/** Used JS heap after a full garbage collection (CDP), in MB. */
export async function heapAfterGc(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    return usedSize / 1024 / 1024;
  } finally {
    await cdp.detach();
  }
}

/** Nearest-rank percentile of `values` (p in 0..100). */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] ?? Number.NaN;
}
