import { Toast, ToastBody, ToastTitle, useToastController } from '@fluentui/react-components';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { isArmError } from '@/azure/arm-error';

/**
 * First-load errors belong in the view (MessageBar); a failed background refresh of data that is
 * already on screen must not replace it, so it is reported here as a toast instead. A page that
 * polls would otherwise toast on every failed poll: one toast is shown when background refreshes
 * start failing, and the next only after every failing query has succeeded again.
 */
export function BackgroundErrorToasts({ toasterId }: { toasterId: string }) {
  const queryClient = useQueryClient();
  const { dispatchToast } = useToastController(toasterId);
  useEffect(() => {
    const failing = new Set<string>();
    return queryClient.getQueryCache().subscribe((event) => {
      if (event.type === 'removed') {
        failing.delete(event.query.queryHash);
        return;
      }
      if (event.type !== 'updated') return;
      if (event.action.type === 'success') {
        failing.delete(event.query.queryHash);
        return;
      }
      if (event.action.type !== 'error') return;
      if (event.query.state.data === undefined) return;
      const alreadyReported = failing.size > 0;
      failing.add(event.query.queryHash);
      if (alreadyReported) return;
      const error: unknown = event.action.error;
      const detail = isArmError(error)
        ? `${error.code}: ${error.message}${error.requestId ? ` (request id ${error.requestId})` : ''}`
        : error instanceof Error
          ? error.message
          : String(error);
      dispatchToast(
        <Toast>
          <ToastTitle>Could not refresh data from Azure</ToastTitle>
          <ToastBody>The page shows the last data loaded. {detail}</ToastBody>
        </Toast>,
        { intent: 'warning', timeout: 8000 },
      );
    });
  }, [queryClient, dispatchToast]);
  return null;
}
