/** The Cases area: the caseload, my tasks, referrals and the case page. */
import { createElement, lazy } from 'react';
import { registerArea, type AreaProps } from '../shell/area-registry';

registerArea({
  id: 'cases',
  label: 'Cases',
  order: 10,
  summary: 'Children and young people referred to the service, with their referrals, people and documents.',
  component: lazy(async () => {
    const { CasesArea } = await import('./CasesArea');
    return { default: ({ user }: AreaProps) => createElement(CasesArea, { role: user.role }) };
  }),
});
