/**
 * The sections the Settings folder itself contributes. Another module adds its own section by
 * calling `registerSettingsSection` from a file of its own and importing it here (one line).
 */
import { registerSettingsSection } from './settings-sections';
import { AboutVault } from './AboutVault';
import { MachinePolicySection } from './MachinePolicySection';
import '../account/account.contribution';

registerSettingsSection({ id: 'about', order: 10, title: 'About this vault', component: AboutVault });
registerSettingsSection({
  id: 'policy',
  order: 80,
  title: 'Policy set by your trust’s IT',
  component: MachinePolicySection,
});
