import { Toaster } from '@fluentui/react-components';
import { BackgroundErrorToasts } from './background-error-toasts';
import { APP_TOASTER_ID } from './toaster';

/** The app's one Toaster and what reports background failures there; a chunk loaded after data. */
export function AppToasts() {
  return (
    <>
      <Toaster toasterId={APP_TOASTER_ID} position="top-end" />
      <BackgroundErrorToasts toasterId={APP_TOASTER_ID} />
    </>
  );
}
