/**
 * The training module's contribution to the shell: the Training area (replacing its planned
 * empty state). Its screens, store and actions load on demand, in the area's own chunk.
 */
import { createElement, lazy } from 'react';
import { registerArea } from '../shell/area-registry';

registerArea({
  id: 'training',
  label: 'Training',
  order: 70,
  summary: 'Training delivered to social care, health, education, the police, universities and conferences.',
  component: lazy(async () => {
    const { TrainingArea } = await import('./TrainingArea');
    return { default: () => createElement(TrainingArea) };
  }),
});
