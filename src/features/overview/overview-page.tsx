import { Card, CardHeader, makeStyles, Text, tokens } from '@fluentui/react-components';
import { DatabaseRegular, TaskListLtrRegular, VaultRegular } from '@fluentui/react-icons';
import type { ReactElement } from 'react';
import { PageHeader } from '@/components/page-header';
import { RouterLink } from '@/components/router-link';

const useStyles = makeStyles({
  steps: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(280px, 1fr))',
    gap: tokens.spacingHorizontalL,
    listStyleType: 'none',
    padding: 0,
    margin: 0,
  },
  card: { height: '100%' },
  notes: { marginTop: tokens.spacingVerticalXXL, maxWidth: '900px' },
});

interface Step {
  title: string;
  icon: ReactElement;
  text: string;
  to: string;
  linkText: string;
}

// The steps of the Cross Region Restore tutorial, in its order and wording.
const STEPS: readonly Step[] = [
  {
    title: '1. Enable Cross Region Restore on a Backup vault',
    icon: <VaultRegular aria-hidden fontSize={24} />,
    text: 'Cross Region Restore needs a geo-redundant vault. Open the vault, then Properties, then Update under Cross Region Restore.',
    to: '/vaults',
    linkText: 'Open Backup vaults',
  },
  {
    title: '2. View backup instances in secondary region',
    icon: <DatabaseRegular aria-hidden fontSize={24} />,
    text: 'Filter Instance Region to Secondary Region to see what has been replicated and how fresh its newest recovery point is.',
    to: '/instances',
    linkText: 'Open Backup instances',
  },
  {
    title: '3. Restore to secondary region and monitor Backup Jobs',
    icon: <TaskListLtrRegular aria-hidden fontSize={24} />,
    text: 'Restore a recovery point from the secondary region, then follow the restore under Backup jobs with Instance Region set to Secondary Region.',
    to: '/jobs',
    linkText: 'Open Backup jobs',
  },
];

export function OverviewPage() {
  const styles = useStyles();
  return (
    <>
      <PageHeader
        title="Overview"
        description="Restore Azure Database for PostgreSQL backups in the secondary (paired) region, for an outage or a regional drill."
      />
      <ol className={styles.steps} aria-label="Cross Region Restore steps">
        {STEPS.map((step) => (
          <li key={step.title}>
            <Card className={styles.card}>
              <CardHeader image={step.icon} header={<Text weight="semibold">{step.title}</Text>} />
              <Text>{step.text}</Text>
              <RouterLink to={step.to}>{step.linkText}</RouterLink>
            </Card>
          </li>
        ))}
      </ol>
      <section className={styles.notes} aria-labelledby="crr-notes">
        <h2 id="crr-notes">Before you start</h2>
        <ul>
          <li>
            Cross Region Restore is supported only for Backup vaults whose storage redundancy is
            geo-redundant.
          </li>
          <li>
            It incurs additional charges, and once protection has started it cannot be turned off again.
          </li>
          <li>
            After you enable it, backup items can take up to 48 hours to appear in the secondary region.
          </li>
          <li>
            Secondary region recovery point objective (RPO) is about 36 hours: 24 hours in the primary region
            plus up to 12 hours of replication.
          </li>
        </ul>
      </section>
    </>
  );
}
