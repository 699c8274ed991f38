import { Spinner } from '@fluentui/react-components';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ArmErrorMessage } from './arm-error-message';

export interface QueryViewProps<T> {
  query: UseQueryResult<T>;
  /** The spinner's label while the first load runs, e.g. "Loading recovery points…". */
  loading: string;
  /** The error's title when it failed, e.g. "The recovery points could not be loaded". */
  errorTitle: string;
  /** The view of the data. */
  children: (data: T) => ReactNode;
}

/** A query's first load in a view: a spinner, then ARM's error with Retry, or the data. */
export function QueryView<T>({ query, loading, errorTitle, children }: QueryViewProps<T>) {
  if (query.isPending) return <Spinner label={loading} />;
  if (query.isError)
    return <ArmErrorMessage error={query.error} title={errorTitle} onRetry={() => void query.refetch()} />;
  return children(query.data);
}
