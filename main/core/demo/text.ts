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
  /** The young person's given name, or YOUNG_PERSON when only initials are held. */
  name: string;
  sex: YoungPersonSex;
  carers: readonly DemoRelative[];
  siblings: readonly DemoRelative[];
}

/** How notes name a young person held only as initials. */
export const YOUNG_PERSON = 'the young person';

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

/** One sentence pattern; it draws only what it uses, so unchosen patterns cost nothing. */
type Template = (r: Random, s: NoteSubject, theme: string) => string;

/** A carer's call, worded from the family: "Call from Jack's mother, Sarah Smith: her son ...". */
const carerCall: Template = (r, s, theme) => {
  if (s.carers.length === 0)
    return `Call from carer: ${s.name} had a difficult week at school. Advice given on ${theme}.`;
  const carer = r.pick(s.carers);
  const about = carer.youngPersonWord ? `${possessive(carer.sex)} ${carer.youngPersonWord}` : s.name;
  return `Call from ${s.name}'s ${carer.relationship.toLowerCase()}, ${carer.name}: ${about} had a difficult week at school. Advice given on ${theme}.`;
};

/** A family session, with a named carer when the case has one ("Jack and his mother"). */
const familySession: Template = (r, s, theme) => {
  if (s.carers.length === 0)
    return `Family session with ${s.name} and carers on ${theme}. Carers reported fewer worries at home this week.`;
  const carer = r.pick(s.carers);
  return `Family session with ${s.name} and ${possessive(s.sex)} ${carer.relationship.toLowerCase()} on ${theme}. ${carer.given} reported fewer worries at home this week.`;
};

/** Time with a sibling, who speaks of the young person as their brother, sister or sibling. */
const siblingSession: Template = (r, s, theme) => {
  if (s.siblings.length === 0) return `Agreed homework with ${s.name} on ${theme} for next week.`;
  const sib = r.pick(s.siblings);
  return `Met ${sib.given} at home to talk about family rules and ${theme}; ${possessive(sib.sex)} ${sib.youngPersonWord} ${s.name} was at school.`;
};

const CASE_NOTES: readonly Template[] = [
  (r) => `Case note: reviewed the file and the ${r.pick(DOCS)}. Next step is to ${r.pick(ACTIONS)}.`,
  (_r, s, theme) => `Letter sent to the family confirming appointments. ${s.name}'s carers asked about ${theme}.`,
  (r) => `Updated the chronology following information from ${r.pick(PROFESSIONALS)}.`,
];

const TEMPLATES: Record<NoteType, readonly Template[]> = {
  session: [
    // One pattern for both wordings of the session itself: a note describes one session.
    (r, s, theme) =>
      r.chance(0.5)
        ? `Session with ${s.name} focused on ${theme}. ${s.name} engaged ${r.pick(ENGAGEMENT)}.`
        : `Individual session: we revisited ${theme} using drawings and a timeline. ${s.name} engaged ${r.pick(ENGAGEMENT)}.`,
    familySession,
    siblingSession,
  ],
  meeting: [
    (r, _s, theme) =>
      `Professionals meeting with ${twoProfessionals(r)}. Discussed ${theme} and current supervision at home.`,
    (r) => `Strategy meeting attended. Agreed that the service will ${r.pick(ACTIONS)}.`,
    (_r, _s, theme) => `Core group meeting: progress on ${theme} noted; next review in six weeks.`,
  ],
  phone_call: [
    (r) =>
      `Phone call with ${r.pick(PROFESSIONALS)} to arrange the next appointment. They will send the ${r.pick(DOCS)} by ${r.pick(DAYS)}.`,
    carerCall,
    (r) => `Left a voicemail for ${r.pick(PROFESSIONALS)} asking for an update on the ${r.pick(DOCS)}.`,
  ],
  email: [
    (r) => `Email received from ${r.pick(PROFESSIONALS)} with the ${r.pick(DOCS)} attached; filed to the case.`,
    (r) => `Emailed the network a summary of the plan: ${r.pick(ACTIONS)}.`,
  ],
  supervision: [
    (r, _s, theme) =>
      `Supervision: reflected on ${theme} and the impact of the work on the team. Plan to ${r.pick(ACTIONS)}.`,
    (r) => `Case discussed in supervision; agreed to ${r.pick(ACTIONS)}.`,
  ],
  case_note: CASE_NOTES,
  other: CASE_NOTES,
};

/**
 * Two to four sentences of note text. Each pattern is used at most once per note: a note that
 * says "Call from Jack's father ..." twice reads like a copying slip.
 */
export function noteText(r: Random, subject: NoteSubject, type: NoteType): string {
  const parts: string[] = [];
  const used = new Set<Template>();
  const n = r.int(2, 4);
  for (let i = 0; i < n; i++) {
    const kind = i === 0 ? type : r.chance(0.5) ? type : 'case_note';
    const unused = TEMPLATES[kind].filter((t) => !used.has(t));
    if (unused.length === 0) continue;
    const template = r.pick(unused);
    used.add(template);
    parts.push(template(r, subject, r.pick(THEMES)));
  }
  const text = parts.join(' ');
  // Initials-only cases say "the young person", which some sentences start with.
  return subject.name === YOUNG_PERSON ? text.replace(/(^|\. )the young person/g, '$1The young person') : text;
}
