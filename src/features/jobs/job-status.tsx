import { makeStyles, tokens } from '@fluentui/react-components';
import {
  CheckmarkCircleFilled,
  DismissCircleFilled,
  ErrorCircleFilled,
  InfoFilled,
  QuestionCircleRegular,
  SpinnerIosRegular,
  WarningFilled,
} from '@fluentui/react-icons';
import type { ReactElement } from 'react';
import { JOB_STATUS_LABEL, type JobStatus } from '@/azure/jobs/job-row';

const useStyles = makeStyles({
  // Its own line height: in a grid cell the line is as tall as the row.
  status: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    lineHeight: tokens.lineHeightBase300,
    verticalAlign: 'middle',
  },
  InProgress: { color: tokens.colorBrandForeground1 },
  Completed: { color: tokens.colorPaletteGreenForeground1 },
  CompletedWithWarnings: { color: tokens.colorPaletteDarkOrangeForeground1 },
  CompletedWithInformation: { color: tokens.colorBrandForeground1 },
  Failed: { color: tokens.colorPaletteRedForeground1 },
  Cancelled: { color: tokens.colorNeutralForeground3 },
  Other: { color: tokens.colorNeutralForeground3 },
});

const ICON: Readonly<Record<JobStatus, ReactElement>> = {
  InProgress: <SpinnerIosRegular aria-hidden />,
  Completed: <CheckmarkCircleFilled aria-hidden />,
  CompletedWithWarnings: <WarningFilled aria-hidden />,
  CompletedWithInformation: <InfoFilled aria-hidden />,
  Failed: <ErrorCircleFilled aria-hidden />,
  Cancelled: <DismissCircleFilled aria-hidden />,
  Other: <QuestionCircleRegular aria-hidden />,
};

/** A job status in words, with a coloured icon (the words carry the meaning). */
export function JobStatusText({ status }: { status: JobStatus }) {
  const styles = useStyles();
  return (
    <span className={styles.status}>
      <span className={styles[status]}>{ICON[status]}</span>
      {JOB_STATUS_LABEL[status]}
    </span>
  );
}
