/**
 * The user settings file: JSON in the user's own data folder (the Electron shell's `userData`,
 * the browser host's temporary profile), written atomically (a temporary file beside it, fsynced,
 * then renamed over it), so a crash mid-write leaves the old settings, never half a file.
 *
 * Why not electron-store: it needs the Electron runtime when it is imported, and this machine's
 * tests run without the Electron binary (DESIGN.md section 2), so the rules and the file are
 * here, under plain Node, and the shell only says where the file is. The file holds nothing
 * secret and no case data (`userSettingsSchema` drops anything else).
 */
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { userSettingsSchema, type UserSettings } from './user-settings';

/** The settings in `file`; empty when it is missing, unreadable or not valid (never a throw). */
export function readSettingsFile(file: string): UserSettings {
  try {
    const parsed = userSettingsSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

/** Write `settings` to `file` atomically (0600); only what the schema allows is written. */
export function writeSettingsFile(file: string, settings: UserSettings): void {
  const clean = userSettingsSchema.parse(settings);
  const temp = `${file}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    const fd = openSync(temp, 'wx', 0o600);
    try {
      writeSync(fd, JSON.stringify(clean, null, 2) + '\n');
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, file);
  } catch (err) {
    rmSync(temp, { force: true });
    throw err;
  }
}
