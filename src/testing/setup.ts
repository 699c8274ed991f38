import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// jsdom lacks ResizeObserver, which Fluent's MessageBar and DataGrid use.
class ResizeObserverStub {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
globalThis.ResizeObserver ??= ResizeObserverStub as unknown as typeof ResizeObserver;

// Fluent components render through portals and motion; on a loaded 2-core CI machine the
// default 1 s for findBy* is too tight (seen here), 5 s is not.
configure({ asyncUtilTimeout: 5000 });

afterEach(() => {
  cleanup();
});
