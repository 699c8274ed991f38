import { Button, Dropdown, Field, Input, makeStyles, Option } from '@fluentui/react-components';
import { DismissRegular, SearchRegular } from '@fluentui/react-icons';
import { DATASOURCE_TYPES, KNOWN_DATASOURCE_TYPES } from '@/azure/backup-instances/datasource-types';
import {
  PROTECTION_STATUS_GROUPS,
  PROTECTION_STATUS_GROUP_IDS,
} from '@/azure/backup-instances/protection-states';
import { resourceIdKey } from '@/azure/resource-id';
import { FilterBar } from '@/components/filter-bar';
import { SubscriptionPicker, type SubscriptionSelection } from '@/components/subscription-picker';
import { hasFilters, type InstanceRegion, type InstanceView } from './use-instance-view';

const useStyles = makeStyles({
  wide: { minWidth: '220px' },
});

/** Words of the Instance Region filter, as in the tutorial. */
export const REGION_LABEL: Record<InstanceRegion, string> = {
  primary: 'Primary Region',
  secondary: 'Secondary Region',
};

export interface VaultOption {
  id: string;
  name: string;
}

export interface InstanceFiltersProps {
  subscriptions: SubscriptionSelection;
  view: InstanceView;
  vaults: readonly VaultOption[];
  setRegion: (region: InstanceRegion) => void;
  setDatasourceTypes: (values: string[]) => void;
  setVaultIds: (values: string[]) => void;
  setStatuses: (values: string[]) => void;
  setSearch: (value: string) => void;
  clearAll: () => void;
}

function summary(labels: readonly string[]): string {
  return labels.length === 0 ? 'All' : labels.join(', ');
}

/** The labelled filter controls of the Backup instances page; every value lives in the URL. */
export function InstanceFilters(props: InstanceFiltersProps) {
  const styles = useStyles();
  const { view, vaults } = props;
  const vaultByKey = new Map(vaults.map((v) => [resourceIdKey(v.id), v]));
  // A vault in the URL is selected even before (or without) the vault list naming it.
  const selectedVaults = view.vaultIds.map((id) => vaultByKey.get(resourceIdKey(id))?.id ?? id);
  const vaultName = (id: string) => vaultByKey.get(resourceIdKey(id))?.name ?? id.split('/').pop() ?? id;

  return (
    <FilterBar label="Filter backup instances">
      <SubscriptionPicker
        subscriptions={props.subscriptions.subscriptions}
        selected={props.subscriptions.selected}
        onChange={props.subscriptions.setSelected}
      />
      <Field label="Instance Region">
        <Dropdown
          value={REGION_LABEL[view.region]}
          selectedOptions={[view.region]}
          onOptionSelect={(_, data) =>
            props.setRegion(data.optionValue === 'secondary' ? 'secondary' : 'primary')
          }
        >
          <Option value="primary">{REGION_LABEL.primary}</Option>
          <Option value="secondary">{REGION_LABEL.secondary}</Option>
        </Dropdown>
      </Field>
      <Field label="Datasource type">
        <Dropdown
          multiselect
          className={styles.wide}
          value={summary(view.datasourceTypes.map((t) => DATASOURCE_TYPES[t].label))}
          selectedOptions={view.datasourceTypes}
          onOptionSelect={(_, data) => props.setDatasourceTypes(data.selectedOptions)}
        >
          {KNOWN_DATASOURCE_TYPES.map((t) => (
            <Option key={t} value={t}>
              {DATASOURCE_TYPES[t].label}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Field label="Vault">
        <Dropdown
          multiselect
          value={summary(selectedVaults.map(vaultName))}
          selectedOptions={selectedVaults}
          onOptionSelect={(_, data) => props.setVaultIds(data.selectedOptions)}
        >
          {vaults.map((v) => (
            <Option key={v.id} value={v.id}>
              {v.name}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Field label="Protection status">
        <Dropdown
          multiselect
          value={summary(view.statuses.map((s) => PROTECTION_STATUS_GROUPS[s].label))}
          selectedOptions={view.statuses}
          onOptionSelect={(_, data) => props.setStatuses(data.selectedOptions)}
        >
          {PROTECTION_STATUS_GROUP_IDS.map((g) => (
            <Option key={g} value={g}>
              {PROTECTION_STATUS_GROUPS[g].label}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Field label="Search" hint="Instance, datasource, vault or resource group">
        <Input
          contentBefore={<SearchRegular />}
          value={view.search}
          onChange={(_, data) => props.setSearch(data.value)}
        />
      </Field>
      <Button icon={<DismissRegular />} disabled={!hasFilters(view)} onClick={props.clearAll}>
        Clear all
      </Button>
    </FilterBar>
  );
}
