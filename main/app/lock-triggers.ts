/**
 * Lock the vault when the computer is locked, suspended or switched away from (Electron glue).
 * powerMonitor is usable only after 'ready'.
 */
import { app, powerMonitor } from 'electron';
import type { SessionManager } from '../core/session/session-manager';

export function installLockTriggers(manager: Pick<SessionManager, 'lock' | 'dispose'>): void {
  powerMonitor.on('lock-screen', () => manager.lock('os-lock'));
  // macOS fast user switching: another user is now at the keyboard.
  powerMonitor.on('user-did-resign-active', () => manager.lock('os-lock'));
  powerMonitor.on('suspend', () => manager.lock('suspend'));
  powerMonitor.on('shutdown', () => manager.lock('shutdown'));
  // Closes the database and wipes the key before the process goes.
  app.on('before-quit', () => manager.dispose());
}
