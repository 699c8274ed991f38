import { Dropdown, Field, Input, makeStyles, Option } from '@fluentui/react-components';
import { DATASOURCE_TYPES, KNOWN_DATASOURCE_TYPES } from '@/azure/backup-instances/datasource-types';
import { JOB_OPERATION_LABEL, JOB_OPERATIONS, JOB_STATUS_LABEL, JOB_STATUSES } from '@/azure/jobs/job-row';
import { resourceIdKey } from '@/azure/resource-id';
import { FilterBar } from '@/components/filter-bar';
import { SubscriptionPicker, type SubscriptionSelection } from '@/components/subscription-picker';
import { REGION_LABEL, TIME_RANGE_LABEL, TIME_RANGES, type JobFilters } from './job-filters';

const useStyles = makeStyles({
  dropdown: { minWidth: '180px' },
});

interface Choice {
  value: string;
  label: string;
}

function FilterDropdown({
  label,
  value,
  choices,
  allLabel,
  onChange,
}: {
  label: string;
  value: string | undefined;
  choices: readonly Choice[];
  /** The option that clears the filter; none when the filter always has a value. */
  allLabel?: string;
  onChange: (value: string | null) => void;
}) {
  const styles = useStyles();
  const current = choices.find((c) => c.value === value);
  return (
    <Field label={label}>
      <Dropdown
        className={styles.dropdown}
        value={current?.label ?? allLabel ?? ''}
        selectedOptions={[current?.value ?? '']}
        onOptionSelect={(_, data) => onChange(data.optionValue || null)}
      >
        {allLabel !== undefined && <Option value="">{allLabel}</Option>}
        {choices.map((c) => (
          <Option key={c.value} value={c.value}>
            {c.label}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}

/** `datetime-local` value of an epoch (local time, minutes). */
function localInput(ms: number | undefined): string {
  if (ms === undefined) return '';
  const d = new Date(ms - new Date(ms).getTimezoneOffset() * 60_000);
  return d.toISOString().slice(0, 16);
}

export interface JobFilterBarProps {
  filters: JobFilters;
  selection: SubscriptionSelection;
  vaults: readonly { id: string; name: string }[];
  /** Sets URL parameters (null removes one); one history entry per change. */
  onChange: (changes: Record<string, string | null>) => void;
}

/** Every filter of the page, labelled in Backup center's words; each one writes the URL. */
export function JobFilterBar({ filters, selection, vaults, onChange }: JobFilterBarProps) {
  const set = (name: string) => (value: string | null) => onChange({ [name]: value });
  return (
    <FilterBar label="Filter Backup jobs">
      <SubscriptionPicker
        subscriptions={selection.subscriptions}
        selected={selection.selected}
        onChange={selection.setSelected}
      />
      <FilterDropdown
        label="Workload type"
        value={filters.workload}
        allLabel="All workload types"
        choices={KNOWN_DATASOURCE_TYPES.map((t) => ({ value: t, label: DATASOURCE_TYPES[t].label }))}
        onChange={set('type')}
      />
      <FilterDropdown
        label="Instance Region"
        value={filters.region}
        allLabel="All regions"
        choices={(['primary', 'secondary'] as const).map((r) => ({ value: r, label: REGION_LABEL[r] }))}
        onChange={set('region')}
      />
      <FilterDropdown
        label="Status"
        value={filters.status}
        allLabel="All statuses"
        choices={JOB_STATUSES.filter((s) => s !== 'Other').map((s) => ({
          value: s,
          label: JOB_STATUS_LABEL[s],
        }))}
        onChange={set('status')}
      />
      <FilterDropdown
        label="Operation"
        value={filters.operation}
        allLabel="All operations"
        choices={JOB_OPERATIONS.filter((o) => o !== 'Other').map((o) => ({
          value: o,
          label: JOB_OPERATION_LABEL[o],
        }))}
        onChange={set('operation')}
      />
      <FilterDropdown
        label="Vault"
        value={vaults.find((v) => filters.vault && resourceIdKey(v.id) === resourceIdKey(filters.vault))?.id}
        allLabel="All vaults"
        choices={vaults.map((v) => ({ value: v.id, label: v.name }))}
        onChange={set('vault')}
      />
      <FilterDropdown
        label="Time range"
        value={filters.range}
        choices={TIME_RANGES.map((r) => ({ value: r, label: TIME_RANGE_LABEL[r] }))}
        onChange={(value) => onChange({ range: value === '7d' ? null : value })}
      />
      {filters.range === 'custom' && (
        <>
          <Field label="From">
            <Input
              type="datetime-local"
              value={localInput(filters.from)}
              onChange={(_, data) =>
                onChange({ from: data.value ? new Date(data.value).toISOString() : null })
              }
            />
          </Field>
          <Field label="To">
            <Input
              type="datetime-local"
              value={localInput(filters.to)}
              onChange={(_, data) => onChange({ to: data.value ? new Date(data.value).toISOString() : null })}
            />
          </Field>
        </>
      )}
    </FilterBar>
  );
}
