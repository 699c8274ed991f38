import { Spinner } from '@fluentui/react-components';
import { lazyComponent } from '@/lib/lazy-component';

// The wizard's first step is what a pasted link waits for; the later steps, the pending view and
// the submitted view are chunks of their own, fetched once the first step shows its recovery
// points (or at once, when the URL opens one of them).
const loadingStep = <Spinner label="Loading the step…" />;

const parameters = lazyComponent(
  () => import('./parameters-step').then((m) => m.ParametersStep),
  loadingStep,
);
const permissions = lazyComponent(
  () => import('./permissions-step').then((m) => m.PermissionsStep),
  loadingStep,
);
const review = lazyComponent(() => import('./review-step').then((m) => m.ReviewStep), loadingStep);
const pending = lazyComponent(
  () => import('./pending-restore').then((m) => m.PendingRestore),
  <Spinner label="Loading the restore in progress…" />,
);
const submitted = lazyComponent(
  () => import('./restore-submitted').then((m) => m.RestoreSubmitted),
  <Spinner label="Loading the restore job…" />,
);

export const ParametersStep = parameters.Component;
export const PermissionsStep = permissions.Component;
export const ReviewStep = review.Component;
export const PendingRestore = pending.Component;
export const RestoreSubmitted = submitted.Component;

/** Fetches every later view of the wizard, so Next never waits for code. */
export function preloadLaterSteps(): void {
  for (const step of [parameters, permissions, review, pending, submitted]) {
    void step.preload()?.catch(() => undefined); // rendering it later tries again and shows the failure
  }
}
