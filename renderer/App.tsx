import { useEffect } from 'react';
import { AppShell } from './features/shell/AppShell';
import { FirstRunScreen } from './features/vault/FirstRunScreen';
import { RecoverScreen } from './features/vault/RecoverScreen';
import { RecoveryKeyScreen } from './features/vault/RecoveryKeyScreen';
import { UnlockScreen } from './features/vault/UnlockScreen';
import { AuthLayout } from './features/vault/AuthLayout';
import { ChoosePasswordScreen } from './features/vault/ChoosePasswordScreen';
import { startSession, refreshStatus } from './lib/session';
import { useSessionStore } from './stores/session';

/** Picks the screen from the vault's state: first run, recovery key, sign in, or the app. */
export function App() {
  const { status, statusError, user, recoveryKey, lockedView } = useSessionStore();

  useEffect(() => startSession(), []);

  if (statusError && !status) {
    return (
      <AuthLayout title="The app could not start" headingId="start-error-heading">
        <p className="form-error" role="alert">
          {statusError}
        </p>
        <button type="button" className="button" onClick={() => void refreshStatus()}>
          Try again
        </button>
      </AuthLayout>
    );
  }
  if (!status) {
    return (
      <div className="loading" role="status">
        Opening NCATS Casework…
      </div>
    );
  }
  if (status.state === 'absent') return <FirstRunScreen />;
  if (recoveryKey) return <RecoveryKeyScreen recoveryKey={recoveryKey} />;
  if (status.state === 'unlocked' && user?.mustChangePassword) return <ChoosePasswordScreen user={user} />;
  if (status.state === 'unlocked' && user) return <AppShell user={user} />;
  if (lockedView === 'recover') return <RecoverScreen />;
  return <UnlockScreen status={status} />;
}
