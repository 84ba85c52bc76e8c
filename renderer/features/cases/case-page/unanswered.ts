/**
 * What is still unanswered on a case, in the words the Overview shows ("Not answered yet:
 * legal status, placement, ..."). A clinical select left empty is not an answer, and "Not
 * known" is: only the empty ones are listed. Consent is asked of every case that meets the
 * young person; a consultation-only case holds minimal identity, so it is not chased there.
 */
import type { CaseDetail } from '../../../../preload/contract';

export interface Unanswered {
  /** The young person's fields (the form that answers them is "Change young person's details"). */
  youngPerson: string[];
  /** Parents and carers whose parental responsibility nobody has recorded. */
  parentalResponsibility: string[];
}

export function unansweredQuestions(
  detail: Pick<CaseDetail, 'youngPerson' | 'consultationOnly' | 'people'>,
): Unanswered {
  const yp = detail.youngPerson;
  const youngPerson: string[] = [];
  if (yp.legalStatus === null) youngPerson.push('legal status');
  if (yp.placement === null) youngPerson.push('placement');
  if (!detail.consultationOnly && yp.consentStatus === null) youngPerson.push('consent to share information');
  const parentalResponsibility = detail.people
    .filter((p) => p.kind === 'parent_carer' && p.parentalResponsibility === null)
    .map((p) => p.name);
  return { youngPerson, parentalResponsibility };
}

/** "legal status, placement and parental responsibility (Jo Hughes)", or null when all answered. */
export function unansweredSentence(u: Unanswered): string | null {
  const parts = [...u.youngPerson, ...u.parentalResponsibility.map((name) => `parental responsibility (${name})`)];
  if (parts.length === 0) return null;
  if (parts.length === 1) return parts[0] ?? null;
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}
