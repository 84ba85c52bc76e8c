/** The Administration area: users and roles, the paperwork checklist, the audit check. */
import { createElement, lazy } from 'react';
import { registerArea, type AreaProps } from '../shell/area-registry';

registerArea({
  id: 'administration',
  label: 'Administration',
  order: 90,
  summary: 'Users and roles, the assessment paperwork checklist, and checks of the audit trail.',
  roles: ['administrator'],
  // Administration is not clinical work: set it apart from the clinical areas.
  separate: true,
  component: lazy(async () => {
    const { AdministrationArea } = await import('./AdministrationArea');
    return { default: ({ user }: AreaProps) => createElement(AdministrationArea, { currentUser: user }) };
  }),
});
