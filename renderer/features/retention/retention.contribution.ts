/**
 * The retention module's contribution to the shell: the Records retention area, for
 * administrators, set apart with Administration. Its screens load on demand in their own chunk.
 */
import { createElement, lazy } from 'react';
import { registerArea, type AreaProps } from '../shell/area-registry';

registerArea({
  id: 'retention',
  label: 'Records retention',
  order: 91,
  summary:
    'Closed cases and declined referrals due for review, legal holds, care-experienced checks, and disposal approved by two administrators.',
  roles: ['administrator'],
  separate: true,
  component: lazy(async () => {
    const { RetentionArea } = await import('./RetentionArea');
    return { default: ({ user }: AreaProps) => createElement(RetentionArea, { currentUser: user }) };
  }),
});
