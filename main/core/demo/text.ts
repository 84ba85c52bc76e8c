/**
 * Plausible clinical-administrative note text for demo cases, assembled from phrases. It
 * describes activity (calls, sessions, meetings) in general terms and quotes no item of any
 * assessment instrument.
 */
import type { NoteType } from '../../../preload/contract/casework';
import { possessive, type DemoRelative, type YoungPersonSex } from './people';
import type { Random } from './prng';

/** Who a case's notes can talk about: the young person and the family on the People tab. */
export interface NoteSubject {
  /** The young person's given name, or "the young person" when only initials are held. */
  name: string;
  sex: YoungPersonSex;
  relatives: readonly DemoRelative[];
}

const THEMES = [
  'emotional regulation',
  'healthy relationships',
  'personal boundaries',
  'online safety',
  'family routines',
  'the safety plan',
  'identifying early warning signs',
  'self-esteem',
  'managing anger',
  'friendships at school',
  'sleep and routines',
  'coping with change',
  'understanding feelings',
  'trusted adults',
  'what happened and its impact',
];
/** The professionals notes mention; no sentence names the same one twice. */
export const PROFESSIONALS: readonly string[] = [
  'the social worker',
  'the school safeguarding lead',
  'the YOT worker',
  'the CAMHS clinician',
  'the police officer in the case',
  'the school nurse',
  'the GP',
];
const DOCS = [
  'chronology',
  'police disclosure',
  'school report',
  'social care assessment',
  'health records',
  'care plan',
];
const ENGAGEMENT = [
  'well throughout',
  'hesitantly at first, then more openly',
  'for most of the session',
  'briefly and asked to stop early',
  'with good humour',
  'quietly but attentively',
];
const ACTIONS = [
  'update the safety plan and share it with the network',
  'write to the family with the next dates',
  'request the outstanding school report',
  'arrange a joint visit with the social worker',
  'review supervision arrangements at home',
  'book an interpreter for the next meeting',
  'consider whether an attachment assessment is indicated',
];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];

/** "the GP and the school nurse": two different professionals. */
function twoProfessionals(r: Random): string {
  const first = r.pick(PROFESSIONALS);
  return `${first} and ${r.pick(PROFESSIONALS.filter((p) => p !== first))}`;
}

/** A carer's call, worded from the family: "Call from Jack's mother, Sarah Smith: her son ...". */
function carerCall(r: Random, s: NoteSubject, theme: string): string {
  const carers = s.relatives.filter((p) => p.kind === 'parent_carer');
  if (carers.length === 0)
    return `Call from carer: ${s.name} had a difficult week at school. Advice given on ${theme}.`;
  const carer = r.pick(carers);
  const about = carer.youngPersonWord ? `${possessive(carer.sex)} ${carer.youngPersonWord}` : s.name;
  return `Call from ${s.name}'s ${carer.relationship.toLowerCase()}, ${carer.name}: ${about} had a difficult week at school. Advice given on ${theme}.`;
}

/** A family session, with a named carer when the case has one ("Jack and his mother"). */
function familySession(r: Random, s: NoteSubject, theme: string): string {
  const carers = s.relatives.filter((p) => p.kind === 'parent_carer');
  if (carers.length === 0)
    return `Family session with ${s.name} and carers on ${theme}. Carers reported fewer worries at home this week.`;
  const carer = r.pick(carers);
  return `Family session with ${s.name} and ${possessive(s.sex)} ${carer.relationship.toLowerCase()} on ${theme}. ${carer.given} reported fewer worries at home this week.`;
}

/** Time with a sibling, who speaks of the young person as their brother, sister or sibling. */
function siblingSession(r: Random, s: NoteSubject, theme: string): string | null {
  const siblings = s.relatives.filter((p) => p.kind === 'sibling');
  if (siblings.length === 0) return null;
  const sib = r.pick(siblings);
  return `Met ${sib.given} at home to talk about family rules and ${theme}; ${possessive(sib.sex)} ${sib.youngPersonWord} ${s.name} was at school.`;
}

function sentence(r: Random, subject: NoteSubject, type: NoteType): string {
  const name = subject.name;
  const theme = r.pick(THEMES);
  switch (type) {
    case 'session':
      return r.pick([
        `Session with ${name} focused on ${theme}. ${name} engaged ${r.pick(ENGAGEMENT)}.`,
        `Individual session: we revisited ${theme} using drawings and a timeline. ${name} engaged ${r.pick(ENGAGEMENT)}.`,
        familySession(r, subject, theme),
        siblingSession(r, subject, theme) ?? `Session with ${name} on ${theme}; homework agreed for next week.`,
      ]);
    case 'meeting':
      return r.pick([
        `Professionals meeting with ${twoProfessionals(r)}. Discussed ${theme} and current supervision at home.`,
        `Strategy meeting attended. Agreed that the service will ${r.pick(ACTIONS)}.`,
        `Core group meeting: progress on ${theme} noted; next review in six weeks.`,
      ]);
    case 'phone_call':
      return r.pick([
        `Phone call with ${r.pick(PROFESSIONALS)} to arrange the next appointment. They will send the ${r.pick(DOCS)} by ${r.pick(DAYS)}.`,
        carerCall(r, subject, theme),
        `Left a voicemail for ${r.pick(PROFESSIONALS)} asking for an update on the ${r.pick(DOCS)}.`,
      ]);
    case 'email':
      return r.pick([
        `Email received from ${r.pick(PROFESSIONALS)} with the ${r.pick(DOCS)} attached; filed to the case.`,
        `Emailed the network a summary of the plan: ${r.pick(ACTIONS)}.`,
      ]);
    case 'supervision':
      return r.pick([
        `Supervision: reflected on ${theme} and the impact of the work on the team. Plan to ${r.pick(ACTIONS)}.`,
        `Case discussed in supervision; agreed to ${r.pick(ACTIONS)}.`,
      ]);
    default:
      return r.pick([
        `Case note: reviewed the file and the ${r.pick(DOCS)}. Next step is to ${r.pick(ACTIONS)}.`,
        `Letter sent to the family confirming appointments. ${name}'s carers asked about ${theme}.`,
        `Updated the chronology following information from ${r.pick(PROFESSIONALS)}.`,
      ]);
  }
}

/** Two to four sentences of note text, no two opening alike (a note says each thing once). */
export function noteText(r: Random, subject: NoteSubject, type: NoteType): string {
  const parts: string[] = [];
  const openings = new Set<string>();
  const n = r.int(2, 4);
  for (let i = 0; i < n; i++) {
    const kind = i === 0 ? type : r.chance(0.5) ? type : 'case_note';
    let text = sentence(r, subject, kind);
    for (let tries = 0; openings.has(opening(text)) && tries < 3; tries++) text = sentence(r, subject, kind);
    if (openings.has(opening(text))) continue;
    openings.add(opening(text));
    parts.push(text);
  }
  // "the young person" (initials-only cases) starts some sentences.
  return parts.join(' ').replace(/(^|\. )the young person/g, '$1The young person');
}

/** The first words of a sentence, enough to tell one template from another. */
function opening(text: string): string {
  return text.slice(0, 18);
}
