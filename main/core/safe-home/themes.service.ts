/**
 * The theme list and the completion rule, which administrators set for the whole service. A
 * retired theme stays on the sessions that covered it. Changing the rule changes every carer's
 * completion, because completion is worked out from the rule on every read, never stored.
 */
import { randomUUID } from 'node:crypto';
import type { ChannelParsedInput } from '../../../preload/contract';
import type { CompletionRule, ThemeView } from '../../../preload/contract/safe-home-records';
import { AppError } from '../errors';
import type { OpenVault } from '../vault/vault';
import { stale } from './guards';
import {
  findTheme,
  insertTheme,
  listThemes,
  nextThemePosition,
  readCompletionRule,
  reviseTheme,
  writeCompletionRule,
  type ThemeRow,
} from './runs.repo';

type Theme = ChannelParsedInput<'safeHomeTheme:create'>['theme'];

const toThemeView = ({ updatedAt: _at, ...view }: ThemeRow): ThemeView => view;

/** The theme list carries no family's data: not audited. */
export function themeList(vault: OpenVault): ThemeView[] {
  return listThemes(vault.db).map(toThemeView);
}

function refuseDuplicateLabel(vault: OpenVault, label: string, exceptId: string | null): void {
  const clash = listThemes(vault.db).find((t) => t.id !== exceptId && t.label.toLowerCase() === label.toLowerCase());
  if (clash) throw new AppError('INVALID_INPUT', `A theme called “${clash.label}” is on the list already.`);
}

export function createTheme(vault: OpenVault, theme: Theme): ThemeView {
  const { db } = vault;
  return db
    .transaction(() => {
      refuseDuplicateLabel(vault, theme.label, null);
      const id = randomUUID();
      insertTheme(db, {
        id,
        key: null,
        label: theme.label,
        aim: theme.aim,
        active: theme.active,
        position: nextThemePosition(db),
        updatedAt: vault.now().toISOString(),
        version: 1,
      });
      vault.audit({
        action: 'safeHomeTheme.create',
        entityType: 'safeHomeTheme',
        entityId: id,
        detail: { label: theme.label },
      });
      return toThemeView(findTheme(db, id) as ThemeRow);
    })
    .immediate();
}

export function updateTheme(vault: OpenVault, themeId: string, expectedVersion: number, theme: Theme): ThemeView {
  const { db } = vault;
  return db
    .transaction(() => {
      const old = findTheme(db, themeId);
      if (!old) throw new AppError('NOT_FOUND', 'That theme is not on the list. It may have been removed.');
      refuseDuplicateLabel(vault, theme.label, themeId);
      if (!reviseTheme(db, themeId, expectedVersion, { ...theme, updatedAt: vault.now().toISOString() })) {
        throw stale('theme');
      }
      vault.audit({
        action: 'safeHomeTheme.update',
        entityType: 'safeHomeTheme',
        entityId: themeId,
        detail: { from: { label: old.label, aim: old.aim, active: old.active }, to: theme },
      });
      return toThemeView(findTheme(db, themeId) as ThemeRow);
    })
    .immediate();
}

export function completionRule(vault: OpenVault): CompletionRule {
  return readCompletionRule(vault.db);
}

export function updateCompletionRule(vault: OpenVault, rule: CompletionRule): CompletionRule {
  const { db } = vault;
  return db
    .transaction(() => {
      const old = readCompletionRule(db);
      writeCompletionRule(db, rule);
      vault.audit({
        action: 'safeHomeRule.update',
        entityType: 'setting',
        entityId: 'safeHome.completionRule',
        detail: { from: old, to: rule },
      });
      return readCompletionRule(db);
    })
    .immediate();
}
