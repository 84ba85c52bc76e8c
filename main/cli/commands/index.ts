import type { Command } from '../command';
import { backupCommand } from './backup';
import { casesCommand } from './cases';
import { colleagueCommand } from './colleague';
import { demoCommand } from './demo';
import { exportCommand } from './export';
import { importCommand } from './import';
import { infoCommand } from './info';
import { initCommand } from './init';
import { keyCommand } from './key';
import { recoveryKeyCommand } from './recovery-key';
import { reportCommand } from './report';
import { restoreCommand } from './restore';
import { statsCommand } from './stats';
import { unlockTestCommand } from './unlock-test';
import { verifyCommand } from './verify';

/** Every `ncats` command, in the order `ncats --help` lists them. Add a command with one line. */
export const COMMANDS: readonly Command[] = [
  initCommand,
  infoCommand,
  verifyCommand,
  unlockTestCommand,
  keyCommand,
  recoveryKeyCommand,
  colleagueCommand,
  exportCommand,
  importCommand,
  demoCommand,
  casesCommand,
  reportCommand,
  statsCommand,
  backupCommand,
  restoreCommand,
];
