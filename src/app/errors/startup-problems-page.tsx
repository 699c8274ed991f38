import {
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
  tokens,
} from '@fluentui/react-components';
import type { ConfigProblem } from '@/azure/azure-config';

const useStyles = makeStyles({
  root: {
    padding: `${tokens.spacingVerticalXXL} ${tokens.spacingHorizontalXXL}`,
    display: 'grid',
    gap: tokens.spacingVerticalL,
    maxWidth: '900px',
  },
  list: {
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalXL,
    display: 'grid',
    gap: tokens.spacingVerticalM,
  },
  variable: { fontFamily: tokens.fontFamilyMonospace, fontWeight: tokens.fontWeightSemibold },
  fix: { display: 'block', color: tokens.colorNeutralForeground2 },
});

/**
 * Shown instead of the app when the build's Azure configuration is invalid: every problem, the
 * variable it is in and how to fix it. Nothing talks to Azure from here.
 */
export function StartupProblemsPage({ problems }: { problems: readonly ConfigProblem[] }) {
  const styles = useStyles();
  return (
    <main className={styles.root}>
      <h1>CRR Portal cannot start: the Azure configuration needs fixing</h1>
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>
            {problems.length === 1 ? '1 problem' : `${problems.length} problems`} in the build&apos;s
            configuration
          </MessageBarTitle>
          Change the values below in <code>.env.local</code> (or the build&apos;s environment), then restart{' '}
          <code>npm run start:azure</code> or rebuild.
        </MessageBarBody>
      </MessageBar>
      <ul className={styles.list} aria-label="Configuration problems">
        {problems.map((p) => (
          <li key={p.variable}>
            <Text>
              <span className={styles.variable}>{p.variable}</span> {p.problem}
            </Text>
            <Text className={styles.fix}>How to fix it: {p.fix}</Text>
          </li>
        ))}
      </ul>
    </main>
  );
}
