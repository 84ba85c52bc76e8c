/**
 * Reading the machine policy file that a trust's IT puts on a managed laptop. Read once, when
 * the Electron shell or the browser host builds the core; never written by the app.
 *
 * A missing file is normal (a laptop IT does not manage): the defaults are in force. A file that
 * is there but cannot be used (unreadable, not JSON, a value out of range, an unknown setting)
 * puts the strictest values in force, with the reasons, so that a typing mistake by IT can only
 * ever make the app tighter, never looser.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  DEFAULT_MACHINE_POLICY,
  STRICTEST_MACHINE_POLICY,
  machinePolicyFileSchema,
  type MachinePolicyStatus,
} from '../../../preload/contract/policy';

/** Large enough for any real policy (a few hundred bytes); a bigger file is a mistake. */
const MAX_POLICY_BYTES = 64 * 1024;

export interface PolicyLocation {
  platform: NodeJS.Platform;
  env: Readonly<Record<string, string | undefined>>;
}

/**
 * Where the machine policy lives: `NCATS_POLICY_FILE` when set (tests, a pilot), else the
 * machine-wide folder of each platform, which only administrators of the laptop can write.
 */
export function policyFilePath({ platform, env }: PolicyLocation): string {
  const override = env.NCATS_POLICY_FILE;
  if (override) return override;
  if (platform === 'win32') {
    return path.win32.join(env.ProgramData ?? env.PROGRAMDATA ?? 'C:\\ProgramData', 'NCATS', 'policy.json');
  }
  if (platform === 'darwin') return '/Library/Application Support/NCATS/policy.json';
  return '/etc/ncats/policy.json';
}

function strictest(file: string, problems: string[]): MachinePolicyStatus {
  return { policy: { ...STRICTEST_MACHINE_POLICY }, source: 'strictest', path: file, problems };
}

/** A zod issue in words for IT: which setting, and what is wrong with it. */
function describeIssue(issue: { path: PropertyKey[]; message: string; code: string; keys?: string[] }): string {
  if (issue.code === 'unrecognized_keys' && issue.keys) {
    const names = issue.keys.map((k) => `"${k}"`).join(', ');
    return `The policy file has settings the app does not know: ${names}. Check their spelling.`;
  }
  const setting = issue.path.map(String).join('.');
  return setting
    ? `The setting "${setting}" is not valid: ${issue.message.replace(/\.$/, '')}.`
    : `The policy file is not valid: ${issue.message.replace(/\.$/, '')}.`;
}

/** Parse the text of a policy file (its path only names it in the result). */
export function parsePolicyText(text: string, file: string): MachinePolicyStatus {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return strictest(file, ['The policy file is not valid JSON, so none of its settings could be read.']);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return strictest(file, ['The policy file must hold one JSON object of settings ({ ... }).']);
  }
  const parsed = machinePolicyFileSchema.safeParse(json);
  if (!parsed.success) return strictest(file, parsed.error.issues.map(describeIssue));
  // Left-out settings take their defaults; `undefined` never overwrites one.
  const given = Object.fromEntries(Object.entries(parsed.data).filter(([, v]) => v !== undefined));
  return { policy: { ...DEFAULT_MACHINE_POLICY, ...given }, source: 'file', path: file, problems: [] };
}

/** Read the machine policy from its place on this machine (see {@link policyFilePath}). */
export function loadMachinePolicy(
  location: PolicyLocation = { platform: process.platform, env: process.env },
): MachinePolicyStatus {
  const file = policyFilePath(location);
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT')
      return { policy: { ...DEFAULT_MACHINE_POLICY }, source: 'defaults', path: file, problems: [] };
    return strictest(file, [`The policy file could not be read (${code ?? 'unknown error'}).`]);
  }
  if (bytes.length > MAX_POLICY_BYTES) {
    return strictest(file, [`The policy file is larger than ${MAX_POLICY_BYTES / 1024} KB, so it was not read.`]);
  }
  return parsePolicyText(bytes.toString('utf8').replace(/^\uFEFF/, ''), file);
}
