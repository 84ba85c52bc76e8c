/**
 * The service dashboard's contribution to the shell: the Dashboard area, for the roles that may
 * ask for the figures (`statistics:compute`: administrators and clinicians). Its screens load on
 * demand, in the area's own chunk with the chart library.
 */
import { createElement, lazy } from 'react';
import { registerArea } from '../shell/area-registry';

registerArea({
  id: 'dashboard',
  label: 'Dashboard',
  order: 80,
  roles: ['administrator', 'clinician'],
  summary: 'The service’s figures for a period, as charts and tables, and the anonymised export for commissioners.',
  component: lazy(async () => {
    const { DashboardArea } = await import('./DashboardArea');
    return { default: () => createElement(DashboardArea) };
  }),
});
