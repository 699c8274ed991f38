import { Dropdown, Field, MessageBar, MessageBarBody, Option } from '@fluentui/react-components';
import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { scopedStorageKey } from '@/azure/account-scope';
import { useArm } from '@/azure/arm-context';
import { resourceIdKey } from '@/azure/resource-id';
import type { Subscription } from '@/azure/subscriptions/types';
import { parseList, readStoredList, storeList, useSearchParam } from '@/lib/url-state';
import { ArmErrorMessage } from './arm-error-message';
import { createSubscriptionQueries } from '@/azure/subscriptions/queries';

export interface SubscriptionPickerProps {
  subscriptions: readonly Subscription[];
  selected: readonly string[];
  onChange: (selected: string[]) => void;
}

/** Multi-select of subscriptions, like the portal's global subscription filter. */
export function SubscriptionPicker({ subscriptions, selected, onChange }: SubscriptionPickerProps) {
  const selectedKeys = new Set(selected.map(resourceIdKey));
  // Options are keyed by the ids ARM lists; a pasted link may spell them in another case.
  const selectedOptions = subscriptions.flatMap((s) =>
    s.subscriptionId && selectedKeys.has(resourceIdKey(s.subscriptionId)) ? [s.subscriptionId] : [],
  );
  const names = subscriptions
    .filter((s) => s.subscriptionId && selectedKeys.has(resourceIdKey(s.subscriptionId)))
    .map((s) => s.displayName ?? s.subscriptionId);
  const value =
    selected.length === 0
      ? ''
      : selectedOptions.length === subscriptions.length
        ? `All subscriptions (${subscriptions.length})`
        : names.join(', ');
  return (
    <Field label="Subscriptions">
      <Dropdown
        multiselect
        placeholder="Select subscriptions"
        value={value}
        selectedOptions={selectedOptions}
        onOptionSelect={(_, data) => onChange(data.selectedOptions)}
        style={{ minWidth: '280px' }}
      >
        {subscriptions.map((s) =>
          s.subscriptionId ? (
            <Option key={s.subscriptionId} value={s.subscriptionId} text={s.displayName ?? s.subscriptionId}>
              {s.displayName ?? s.subscriptionId}
            </Option>
          ) : null,
        )}
      </Dropdown>
    </Field>
  );
}

/** The subscriptions a page shows, and how to change them; see {@link useSubscriptionSelection}. */
export interface SubscriptionSelection {
  /** The subscriptions query (its error and refetch belong in the page). */
  query: UseQueryResult<Subscription[]>;
  /** Every subscription the user can see. */
  subscriptions: readonly Subscription[];
  /** Ids of the selected subscriptions, as ARM lists them where known. */
  selected: readonly string[];
  /** Display name of a subscription id (the id itself when unknown). */
  nameOf: (subscriptionId: string) => string;
  /** Changes the selection (kept in the URL and remembered). */
  setSelected: (ids: string[]) => void;
}

/**
 * Which subscriptions a page lists. The URL wins (a pasted link shows what its sender saw); else
 * the user's last choice; else all of them. Every comparison is by normalised id.
 */
export function useSubscriptionSelection(): SubscriptionSelection {
  const arm = useArm();
  const query = useQuery(arm.group(createSubscriptionQueries).queries.list());
  const subscriptions = useMemo(() => query.data ?? [], [query.data]);
  const [param, setParam] = useSearchParam('subscriptions');
  // The last choice is remembered per account and tenant: another directory has other subscriptions.
  const storedKey = scopedStorageKey(arm.accountScope(), 'subscriptions');

  const selected = useMemo(() => {
    const byKey = new Map(
      subscriptions.flatMap((s) =>
        s.subscriptionId ? [[resourceIdKey(s.subscriptionId), s.subscriptionId]] : [],
      ),
    );
    const canonical = (id: string) => byKey.get(resourceIdKey(id)) ?? id;
    const fromUrl = parseList(param);
    if (fromUrl.length > 0) return fromUrl.map(canonical);
    const stored = readStoredList(storedKey)?.filter((id) => byKey.has(resourceIdKey(id)));
    if (stored && stored.length > 0) return stored.map(canonical);
    return [...byKey.values()];
  }, [subscriptions, param, storedKey]);

  useEffect(() => {
    if (param) storeList(storedKey, parseList(param));
  }, [param, storedKey]);

  // Stable between renders and a map lookup: grids call it for every row they draw.
  const nameOf = useMemo(() => {
    const names = new Map(
      subscriptions.flatMap((s) =>
        s.subscriptionId && s.displayName ? [[resourceIdKey(s.subscriptionId), s.displayName] as const] : [],
      ),
    );
    return (subscriptionId: string) => names.get(resourceIdKey(subscriptionId)) ?? subscriptionId;
  }, [subscriptions]);

  return {
    query,
    subscriptions,
    selected,
    nameOf,
    setSelected: (ids) => setParam(ids.join(','), { replace: false }),
  };
}

/** The subscription list's load error, with Retry: a page shows it instead of its filters and list. */
export function SubscriptionsError({ query }: { query: UseQueryResult<Subscription[]> }) {
  return (
    <ArmErrorMessage
      error={query.error}
      title="Subscriptions could not be loaded"
      onRetry={() => void query.refetch()}
    />
  );
}

/** What a page says while no subscription is selected; `what` names its list ("Backup jobs"). */
export function NoSubscriptionSelected({ what }: { what: string }) {
  return (
    <MessageBar intent="info">
      <MessageBarBody>{`Select at least one subscription to see its ${what}.`}</MessageBarBody>
    </MessageBar>
  );
}
