import { Breadcrumb, BreadcrumbButton, BreadcrumbDivider, BreadcrumbItem } from '@fluentui/react-components';
import { Fragment } from 'react';
import { useLinkProps } from '@/lib/router';

/** One step up: a page the user can go back to. */
export interface BreadcrumbStep {
  label: string;
  to: string;
}

function StepLink({ to, label }: BreadcrumbStep) {
  return (
    <BreadcrumbButton as="a" {...useLinkProps(to)}>
      {label}
    </BreadcrumbButton>
  );
}

/**
 * Where a page sits: the pages above it as in-app links, then the page itself (announced as the
 * current page). Its own module, so the shell's links do not carry the breadcrumb's code.
 */
export function PageBreadcrumb({ trail, current }: { trail: readonly BreadcrumbStep[]; current: string }) {
  return (
    <Breadcrumb aria-label="Breadcrumb">
      {trail.map((step) => (
        <Fragment key={step.to}>
          <BreadcrumbItem>
            <StepLink {...step} />
          </BreadcrumbItem>
          <BreadcrumbDivider />
        </Fragment>
      ))}
      <BreadcrumbItem>
        <BreadcrumbButton current>{current}</BreadcrumbButton>
      </BreadcrumbItem>
    </Breadcrumb>
  );
}
