/**
 * The DMM modifiers (Ul, Utr, Dp, DO, ina, ES, R), the forms of non-resolution of a loss or
 * trauma, and the rule that says which a procedure takes. Part of the DMM data (`dmm.ts`).
 */
import { DMM_PROCEDURES, type DmmProcedureCode } from './dmm-procedures';

export const DMM_MODIFIER_CODES = ['Ul', 'Utr', 'Dp', 'DO', 'ina', 'ES', 'R'] as const;
export type DmmModifierCode = (typeof DMM_MODIFIER_CODES)[number];

export interface DmmModifierDefinition {
  code: DmmModifierCode;
  label: string;
  /** Ul and Utr are recorded once per loss or trauma, each with what it was and its form. */
  perEvent: boolean;
  /** R names the strategy it is reorganising towards. */
  needsTarget: boolean;
}

export const DMM_MODIFIERS: Record<DmmModifierCode, DmmModifierDefinition> = {
  Ul: { code: 'Ul', label: 'Unresolved loss', perEvent: true, needsTarget: false },
  Utr: { code: 'Utr', label: 'Unresolved trauma', perEvent: true, needsTarget: false },
  Dp: { code: 'Dp', label: 'Depressed', perEvent: false, needsTarget: false },
  DO: { code: 'DO', label: 'Disoriented', perEvent: false, needsTarget: false },
  ina: { code: 'ina', label: 'Intrusions of forbidden negative affect', perEvent: false, needsTarget: false },
  ES: { code: 'ES', label: 'Expressed somatic symptoms', perEvent: false, needsTarget: false },
  R: { code: 'R', label: 'Reorganising', perEvent: false, needsTarget: true },
};

/**
 * The forms of non-resolution of a loss or trauma. The list grows (DOMAIN.md calls it
 * extensible): a new form is one more entry here; `other` takes a description meanwhile.
 */
export const NON_RESOLUTION_FORMS = {
  dismissed: 'dismissed',
  blocked: 'blocked',
  displaced: 'displaced',
  preoccupied: 'preoccupied',
  anticipated: 'anticipated',
  vicarious: 'vicarious',
  imagined: 'imagined',
  denied: 'denied',
  disorganised: 'disorganised',
  delusional_repair: 'delusional repair',
  hinted: 'hinted',
  other: 'other (described)',
} as const;
export type NonResolutionForm = keyof typeof NON_RESOLUTION_FORMS;
export const NON_RESOLUTION_FORM_KEYS = Object.keys(NON_RESOLUTION_FORMS) as [
  NonResolutionForm,
  ...NonResolutionForm[],
];

/** A modifier as a classification carries it (the zod schema is in `attachment.ts`). */
export interface DmmModifierEntry {
  code: DmmModifierCode;
  /** Ul / Utr: the figure lost or the event (required). */
  about?: string | null;
  /** Ul / Utr: the form(s) of non-resolution (at least one). */
  forms?: NonResolutionForm[];
  /** Ul / Utr with form `other`: what the form was. */
  otherForm?: string | null;
  /** R: the strategy it is reorganising towards (required). */
  target?: string | null;
}

/** "Utr (sexual abuse by a cousin, 2021: dismissed, blocked)", "R (towards B)", "Dp". */
export function modifierText(m: DmmModifierEntry): string {
  if (DMM_MODIFIERS[m.code].perEvent) {
    const forms = (m.forms ?? []).map((f) => (f === 'other' ? (m.otherForm ?? 'other') : NON_RESOLUTION_FORMS[f]));
    return `${m.code} (${m.about ?? ''}${forms.length > 0 ? `: ${forms.join(', ')}` : ''})`;
  }
  if (m.code === 'R') return `R (towards ${m.target ?? ''})`;
  return m.code;
}

/** Why a set of modifiers does not suit a procedure, or null when it does. */
export function modifiersProblem(procedure: DmmProcedureCode, modifiers: readonly DmmModifierEntry[]): string | null {
  const proc = DMM_PROCEDURES[procedure];
  for (const m of modifiers) {
    const def = DMM_MODIFIERS[m.code];
    if (!proc.modifiers.includes(m.code)) {
      const takes = proc.modifiers.length === 0 ? 'takes no modifiers' : `takes only ${proc.modifiers.join(', ')}`;
      return `The ${proc.label} ${takes}; ${m.code} (${def.label.toLowerCase()}) cannot be recorded on it.`;
    }
    if (def.perEvent) {
      if (!m.about?.trim()) return `Say which loss or trauma the ${m.code} is about (the figure or the event).`;
      if (!m.forms || m.forms.length === 0) return `Give the form of non-resolution of ${m.code} (${m.about}).`;
      if (m.forms.includes('other') && !m.otherForm?.trim())
        return `Describe the "other" form of non-resolution of ${m.code} (${m.about}).`;
    } else if (m.about || (m.forms && m.forms.length > 0)) {
      return `Only Ul and Utr are recorded per loss or trauma; ${m.code} takes no event.`;
    }
    if (def.needsTarget && !m.target?.trim()) return 'Say what strategy R (reorganising) is moving towards.';
  }
  const once = modifiers.filter((m) => !DMM_MODIFIERS[m.code].perEvent).map((m) => m.code);
  const twice = once.find((c, i) => once.indexOf(c) !== i);
  if (twice) return `${twice} is given twice; it is recorded once per classification.`;
  return null;
}
