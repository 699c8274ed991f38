import { Dropdown, Field, Option } from '@fluentui/react-components';
import type { Subscription } from '@/azure/subscriptions/types';

export interface SubscriptionPickerProps {
  subscriptions: readonly Subscription[];
  selected: readonly string[];
  onChange: (selected: string[]) => void;
}

/** Multi-select of subscriptions, like the portal's global subscription filter. */
export function SubscriptionPicker({ subscriptions, selected, onChange }: SubscriptionPickerProps) {
  const names = subscriptions
    .filter((s) => s.subscriptionId && selected.includes(s.subscriptionId))
    .map((s) => s.displayName ?? s.subscriptionId);
  const value =
    selected.length === 0
      ? ''
      : selected.length === subscriptions.length
        ? `All subscriptions (${subscriptions.length})`
        : names.join(', ');
  return (
    <Field label="Subscriptions">
      <Dropdown
        multiselect
        placeholder="Select subscriptions"
        value={value}
        selectedOptions={[...selected]}
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
