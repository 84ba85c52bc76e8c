/**
 * Home's contribution to the shell: the first area in the navigation and the first screen after
 * sign-in for every role (the shell store's default area). Its screen loads on demand.
 */
import { createElement, lazy } from 'react';
import { registerArea } from '../shell/area-registry';

registerArea({
  id: 'home',
  label: 'Home',
  order: 1,
  summary: 'Your own open cases, tasks, assessments, flags and this week’s sessions.',
  component: lazy(async () => {
    const { HomeArea } = await import('./HomeArea');
    return { default: () => createElement(HomeArea) };
  }),
});
