/**
 * The shell's user settings: the file in `userData` (main/core/policy/settings-file.ts does the
 * reading and the atomic write), read once at start and cut to the machine policy
 * (`settingsWithinPolicy`), and the window size written back when the window closes. Plain
 * Node, so it is tested without Electron (tests/main/app/shell-settings.test.ts).
 */
import path from 'node:path';
import type { MachinePolicy } from '../../preload/contract/policy';
import { readSettingsFile, writeSettingsFile } from '../core/policy/settings-file';
import { settingsWithinPolicy, type SettingsInForce, type UserSettings } from '../core/policy/user-settings';

export const SETTINGS_FILE_NAME = 'settings.json';

export function settingsFileIn(userDataDir: string): string {
  return path.join(userDataDir, SETTINGS_FILE_NAME);
}

/** The settings in force for this start: what the user kept, as far as the policy allows. */
export function loadShellSettings(userDataDir: string, policy: MachinePolicy): SettingsInForce {
  return settingsWithinPolicy(readSettingsFile(settingsFileIn(userDataDir)), policy);
}

/**
 * Keep the window's size for next time (other settings in the file are kept). A size outside
 * what the settings allow is not kept; a file that cannot be written costs only the size, so
 * the failure is returned for the log, never thrown at a closing window.
 */
export function rememberWindowSize(
  userDataDir: string,
  size: { width: number; height: number },
): { saved: boolean; error?: string } {
  const file = settingsFileIn(userDataDir);
  const window = { width: Math.round(size.width), height: Math.round(size.height) };
  const next: UserSettings = { ...readSettingsFile(file), window };
  try {
    writeSettingsFile(file, next);
    return { saved: true };
  } catch (err) {
    return { saved: false, error: err instanceof Error ? err.message : String(err) };
  }
}
