import { Badge } from '@fluentui/react-components';

/** Says on every page that the data is the simulated tenant's (demo builds only). */
export function DemoBadge() {
  return (
    <Badge appearance="filled" color="warning" aria-label="Signed in to the Demo tenant">
      Demo tenant
    </Badge>
  );
}
