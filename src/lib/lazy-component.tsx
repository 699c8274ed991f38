import { createElement, type ComponentType, type ReactNode } from 'react';
import { useSettled } from './use-settled';

/** A component whose code is its own chunk, and how to fetch that chunk ahead of need. */
export interface LazyComponent<P extends object> {
  /** Renders `fallback` until the code is in, then the component. */
  Component: ComponentType<P>;
  /** Fetches the code now (nothing when it is in); a failed fetch is tried again next time. */
  preload: () => Promise<unknown> | undefined;
}

/**
 * A component fetched the first time it is rendered or preloaded. Unlike `React.lazy`, it waits in
 * state rather than by suspending: React holds back a suspended boundary's reveal for up to 300 ms,
 * which a page's first data or a wizard's next step must not wait for.
 */
export function lazyComponent<P extends object>(
  load: () => Promise<ComponentType<P>>,
  fallback: ReactNode,
): LazyComponent<P> {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<ComponentType<P>> | undefined;
  const fetchOnce = () =>
    (loading ??= load().then(
      (component) => (loaded = component),
      (error: unknown) => {
        loading = undefined; // a later render or preload tries again (e.g. after a network blip)
        throw error;
      },
    ));
  function Component(props: P) {
    // The component is module-level once loaded (one per lazy component), not made during render.
    const component = useSettled(fetchOnce, loaded);
    return component ? createElement(component, props) : fallback;
  }
  return { Component, preload: () => (loaded ? undefined : fetchOnce()) };
}
