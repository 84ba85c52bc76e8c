/**
 * The Settings area: what applies to this laptop and this vault, for every role. Its sections
 * come from `settings-sections.ts`; the ones this folder owns are registered by
 * `settings-sections.contribution.ts`, loaded with the area's own chunk.
 */
import { createElement, lazy } from 'react';
import { registerArea, type AreaProps } from '../shell/area-registry';

registerArea({
  id: 'settings',
  label: 'Settings',
  order: 95,
  summary: 'About this vault, and the settings that apply to this laptop.',
  // Settings are not clinical work: set apart from the clinical areas, like Administration.
  separate: true,
  component: lazy(async () => {
    const { SettingsArea } = await import('./SettingsArea');
    return { default: ({ user }: AreaProps) => createElement(SettingsArea, { user }) };
  }),
});
