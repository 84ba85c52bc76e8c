/** The Sharing area: key cards, colleagues, and sending and receiving cases as bundles. */
import { createElement, lazy } from 'react';
import { registerArea, type AreaProps } from '../shell/area-registry';

registerArea({
  id: 'sharing',
  label: 'Sharing',
  // Next to Cases: sharing is how a case travels between colleagues.
  order: 20,
  summary: 'Your key card, your colleagues, and sending and receiving cases as encrypted bundles.',
  component: lazy(async () => {
    const { SharingArea } = await import('./SharingArea');
    return { default: ({ user }: AreaProps) => createElement(SharingArea, { role: user.role }) };
  }),
});
