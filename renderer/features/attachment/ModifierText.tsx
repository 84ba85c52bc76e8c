import { DMM_MODIFIER_CODES, DMM_MODIFIERS, type DmmModifierCode } from '../../../preload/contract/dmm';
import styles from './ModifierText.module.css';

/** The modifier code a modifier's text begins with ("Ul (her father: blocked)" -> "Ul"), or null. */
export function modifierCodeOf(text: string): DmmModifierCode | null {
  return DMM_MODIFIER_CODES.find((c) => text === c || text.startsWith(`${c} `)) ?? null;
}

/**
 * "Ul (her father: blocked)" with its code set apart in a typeface where a lower-case l is not
 * a capital I (Ul and UI read the same in most sans-serif faces), and named in full on hover.
 */
export function ModifierText({ text }: { text: string }) {
  const code = modifierCodeOf(text);
  if (!code) return <>{text}</>;
  return (
    <>
      <abbr className={styles.modifierCode} title={DMM_MODIFIERS[code].label}>
        {code}
      </abbr>
      {text.slice(code.length)}
    </>
  );
}
