/**
 * The Interventions area (replacing its planned empty state): the active plans with their next
 * session and DNA rate. Its screen and store load on demand, in their own chunk.
 */
import { createElement, lazy } from 'react';
import { registerArea } from '../../shell/area-registry';

registerArea({
  id: 'interventions',
  label: 'Interventions',
  order: 50,
  summary: 'Individual and family-based treatment, with goals and outcome measures.',
  component: lazy(async () => {
    const { InterventionsArea } = await import('./InterventionsArea');
    return { default: () => createElement(InterventionsArea) };
  }),
});
