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

/** One scroll: dropped frames in % of the frames that should have been shown, and the distance reached. */
export interface ScrollResult {
  droppedPercent: number;
  frames: number;
  dropped: number;
  reachedPx: number;
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
): Promise<ScrollResult> {
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

/**
 * The floor of the scroll and keystroke figures, built in the same run: a static page with no
 * script but the measurement, `rows` rows of the grid's height and 10 text cells, in a scroller of
 * the grid's size, and a text box whose every keystroke rewrites the text of the rows in view.
 * What this page drops or takes is the machine's (headless Chromium's raster on shared cores),
 * not the app's.
 */
export async function loadFloorPage(page: Page, rows: number, rowHeight: number): Promise<void> {
  await page.setContent(`<!doctype html><html><body style="margin:0;font:14px sans-serif">
    <label>Search <input id="q"></label>
    <main id="m"><div id="s" style="height:585px;overflow:auto;position:relative;contain:strict">
      <div id="body" style="height:${rows * rowHeight}px;position:relative"></div>
    </div></main></body></html>`);
  await page.evaluate(
    ({ rows, rowHeight }) => {
      const body = document.getElementById('body');
      if (!body) throw new Error('no floor body');
      const html: string[] = [];
      for (let i = 0; i < rows; i++) {
        const cells = Array.from(
          { length: 10 },
          (_, j) => `<span style="flex:1 0 130px">row ${i} cell ${j}</span>`,
        );
        html.push(
          `<div role="row" style="position:absolute;left:0;right:0;top:${i * rowHeight}px;height:${rowHeight}px;display:flex;gap:8px;align-items:center">${cells.join('')}</div>`,
        );
      }
      body.innerHTML = html.join('');
      const input = document.getElementById('q') as HTMLInputElement;
      input.addEventListener('input', () => {
        for (const row of Array.from(body.children).slice(0, 20))
          for (const cell of Array.from(row.children))
            cell.textContent = `${input.value} ${cell.textContent ?? ''}`.slice(0, 40);
      });
    },
    { rows, rowHeight },
  );
}
