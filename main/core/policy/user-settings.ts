/**
 * User settings: the small, non-secret preferences one person keeps on one laptop (window size,
 * the last vault folder, the idle lock they pick). Never case data, never a key. They can never
 * go beyond the machine policy: `settingsWithinPolicy` is the one rule, used whoever stores them
 * (the Electron shell's file in its user-data folder, the browser host's in its temp profile).
 */
import { z } from 'zod';
import type { MachinePolicy } from '../../../preload/contract/policy';
import { isAbsolute, relative, resolve } from 'node:path';

/** What a settings file may hold; anything else in it is dropped when it is read. */
export const userSettingsSchema = z
  .object({
    window: z
      .object({ width: z.number().int().min(320).max(10_000), height: z.number().int().min(240).max(10_000) })
      .optional(),
    lastVaultFolder: z.string().min(1).max(1000).optional(),
    /** The idle lock this person prefers (minutes); cut to the policy's maximum. */
    idleLockMinutes: z.number().int().min(1).max(60).optional(),
  })
  .strip();

export type UserSettings = z.infer<typeof userSettingsSchema>;

/** What applying the policy did to the settings, in words, for the Settings screen. */
export interface SettingsInForce {
  settings: UserSettings;
  notes: string[];
}

/** Whether `folder` is `location` or inside it (paths compared after resolving). */
export function folderIsWithin(folder: string, location: string): boolean {
  const rel = relative(resolve(location), resolve(folder));
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/**
 * The settings as far as the policy lets them go: an idle lock longer than the policy's maximum
 * is cut to it, and a last vault folder outside the policy's `vaultLocation` is dropped (the app
 * then opens the default). Pure: the stores call it on what they read.
 */
export function settingsWithinPolicy(settings: UserSettings, policy: MachinePolicy): SettingsInForce {
  const out: UserSettings = { ...settings };
  const notes: string[] = [];
  if (out.idleLockMinutes !== undefined && out.idleLockMinutes > policy.maxIdleLockMinutes) {
    notes.push(
      `You chose to lock after ${out.idleLockMinutes} minutes; this laptop's policy allows at most ${policy.maxIdleLockMinutes}, so that is used.`,
    );
    out.idleLockMinutes = policy.maxIdleLockMinutes;
  }
  if (
    out.lastVaultFolder !== undefined &&
    policy.vaultLocation &&
    !folderIsWithin(out.lastVaultFolder, policy.vaultLocation)
  ) {
    notes.push(
      `The last vault folder, ${out.lastVaultFolder}, is outside ${policy.vaultLocation}, where this laptop's policy keeps vaults, so it is not opened.`,
    );
    delete out.lastVaultFolder;
  }
  return { settings: out, notes };
}
