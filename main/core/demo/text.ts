/**
 * Plausible clinical-administrative note text for demo cases, assembled from phrases. It
 * describes activity (calls, sessions, meetings) in general terms and quotes no item of any
 * assessment instrument.
 */
import type { NoteType } from '../../../preload/contract/casework';
import type { Random } from './prng';

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
const ROLES = [
  'the social worker',
  'the school safeguarding lead',
  'the YOT worker',
  'the CAMHS clinician',
  'the police officer in the case',
  'the foster carer',
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

function sentence(r: Random, name: string, type: NoteType): string {
  const theme = r.pick(THEMES);
  switch (type) {
    case 'session':
      return r.pick([
        `Session with ${name} focused on ${theme}. ${name} engaged ${r.pick(ENGAGEMENT)}.`,
        `Individual session: we revisited ${theme} using drawings and a timeline. ${name} engaged ${r.pick(ENGAGEMENT)}.`,
        `Family session with ${name} and carers on ${theme}. Carers reported fewer worries at home this week.`,
      ]);
    case 'meeting':
      return r.pick([
        `Professionals meeting with ${r.pick(ROLES)} and ${r.pick(ROLES)}. Discussed ${theme} and current supervision at home.`,
        `Strategy meeting attended. Agreed that the service will ${r.pick(ACTIONS)}.`,
        `Core group meeting: progress on ${theme} noted; next review in six weeks.`,
      ]);
    case 'phone_call':
      return r.pick([
        `Phone call with ${r.pick(ROLES)} to arrange the next appointment. They will send the ${r.pick(DOCS)} by ${r.pick(DAYS)}.`,
        `Call from carer: ${name} had a difficult week at school. Advice given on ${theme}.`,
        `Left a voicemail for ${r.pick(ROLES)} asking for an update on the ${r.pick(DOCS)}.`,
      ]);
    case 'email':
      return r.pick([
        `Email received from ${r.pick(ROLES)} with the ${r.pick(DOCS)} attached; filed to the case.`,
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
        `Updated the chronology following information from ${r.pick(ROLES)}.`,
      ]);
  }
}

/** Two to four sentences of note text. */
export function noteText(r: Random, name: string, type: NoteType): string {
  const parts: string[] = [];
  const n = r.int(2, 4);
  for (let i = 0; i < n; i++) parts.push(sentence(r, name, i === 0 ? type : r.chance(0.5) ? type : 'case_note'));
  return parts.join(' ');
}
