/** The Settings area and its section registry. */
import { describe, expect, it } from 'vitest';
import '../../../renderer/features/shell/contributions';
import '../../../renderer/features/settings/settings-sections.contribution';
import { areasFor } from '../../../renderer/features/shell/area-registry';
import { registerSettingsSection, settingsSectionsFor } from '../../../renderer/features/settings/settings-sections';

describe('the Settings area', () => {
  it('is set apart, last in the navigation, for every role', () => {
    for (const role of ['administrator', 'clinician', 'read-only'] as const) {
      const areas = areasFor(role);
      expect(areas.at(-1)).toMatchObject({ id: 'settings', label: 'Settings', order: 95, separate: true });
      expect(areas.at(-1)?.component).toBeDefined();
    }
  });

  it('draws its sections in order, each only for the roles it names', () => {
    const Nothing = () => null;
    const removeLate = registerSettingsSection({ id: 'late', order: 99, title: 'Late', component: Nothing });
    const removeAdmin = registerSettingsSection({
      id: 'admin-only',
      order: 50,
      title: 'Administrators only',
      component: Nothing,
      roles: ['administrator'],
    });
    try {
      expect(settingsSectionsFor('administrator').map((s) => s.id)).toEqual([
        'about',
        'password',
        'admin-only',
        'policy',
        'late',
      ]);
      expect(settingsSectionsFor('clinician').map((s) => s.id)).toEqual(['about', 'password', 'policy', 'late']);
    } finally {
      removeLate();
      removeAdmin();
    }
    // Your password (renderer/features/account) is for every role.
    expect(settingsSectionsFor('clinician').map((s) => s.id)).toEqual(['about', 'password', 'policy']);
  });
});
