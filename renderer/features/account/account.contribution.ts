/** The signed-in user's own account in Settings: "Your password", for every role. */
import { registerSettingsSection } from '../settings/settings-sections';
import { YourPasswordSection } from './ChangePasswordSection';

registerSettingsSection({
  id: 'password',
  order: 20,
  title: 'Your password',
  component: YourPasswordSection,
});
