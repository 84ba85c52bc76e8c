/**
 * Small built-in word lists for synthetic demo records. Names are common UK names; places are
 * real local authorities (public bodies). No record corresponds to a real person.
 */

/** A word list written as one line of text, split at the spaces. */
function words(text: string): readonly string[] {
  return text.split(' ');
}

/** A list of names that have spaces in them, written as one line of text, split at ", ". */
function listed(text: string): readonly string[] {
  return text.split(', ');
}

/** Given names usually given to boys and men; drawn for male people (and some others). */
export const MALE_GIVEN_NAMES = words(
  'Oliver George Harry Jack Jacob Noah Charlie Muhammad Thomas Oscar William James Leo Alfie Joshua Freddie Archie Ethan Isaac Alexander Joseph Edward Samuel Max Logan Lucas Daniel Theo Arthur Mason Kai Tyler Kian Callum Connor Jayden Reece Liam Aaron Dylan Tomasz Jakub Oluwaseun Kwame Arjun Rohan Yusuf Ibrahim Dev Rhys',
);

/** Given names usually given to girls and women; drawn for female people (and some others). */
export const FEMALE_GIVEN_NAMES = words(
  'Olivia Amelia Isla Ava Emily Sophia Grace Mia Poppy Ella Lily Evie Isabella Jessica Freya Chloe Niamh Aisha Zara Ruby Priya Amara Kayla Leah Megan Siobhan Catherine Hannah Caitlin Bethany',
);

/** Either list: professionals, and young people whose gender is non-binary or not stated. */
export const ANY_GIVEN_NAMES: readonly string[] = [...MALE_GIVEN_NAMES, ...FEMALE_GIVEN_NAMES];

export const FAMILY_NAMES = words(
  "Smith Jones Williams Taylor Brown Davies Evans Wilson Thomas Johnson Roberts Robinson Thompson Wright Walker White Edwards Hughes Green Hall Lewis Harris Clarke Patel Jackson Wood Turner Martin Cooper Hill Ward Morris Moore Clark Lee King Baker Harrison Morgan Allen James Scott Phillips Watson Davis Parker Price Bennett Young Griffiths Mitchell Kelly Cook Carter Richardson Bailey Collins Bell Shaw Murphy Miller Cox Richards Khan Marshall Anderson Simpson Ellis Adams Singh Begum Ali Hussain Ahmed Okafor Mensah Nowak Kowalski O'Brien McDonald",
);

export const LOCAL_AUTHORITIES = listed(
  'Leeds, Manchester, Birmingham, Bristol, Sheffield, Liverpool, Newcastle upon Tyne, Nottingham, Kent, Essex, Hampshire, Surrey, Lancashire, Norfolk, Devon, Cornwall, Cumbria, Durham, Camden, Hackney, Lambeth, Croydon, Barnet, Ealing, Cardiff, Swansea, Wrexham, Bradford, Wakefield, Sunderland',
);

export const ETHNICITIES = [
  'White British',
  'White Irish',
  'White other',
  'Mixed white and Black Caribbean',
  'Mixed white and Asian',
  'Asian or Asian British: Indian',
  'Asian or Asian British: Pakistani',
  'Asian or Asian British: Bangladeshi',
  'Black or Black British: African',
  'Black or Black British: Caribbean',
  'Other ethnic group',
  'Not stated',
];

export const LANGUAGES = [
  'English',
  'English',
  'English',
  'English',
  'Polish',
  'Urdu',
  'Punjabi',
  'Bengali',
  'Welsh',
  'Somali',
  'Arabic',
];

/** A young person's recorded gender (free text in the record; these are the demo's values). */
export type DemoGender = 'Male' | 'Female' | 'Non-binary' | 'Not stated';
export const GENDERS: readonly DemoGender[] = ['Male', 'Male', 'Male', 'Female', 'Non-binary', 'Not stated'];

/** The sex a relationship word implies ('any' for carer, sibling and the like). */
export type Sex = 'male' | 'female' | 'any';

export const SCHOOL_KINDS = [
  'Academy',
  'High School',
  'Primary School',
  'College',
  'Pupil Referral Unit',
  'Special School',
];

export const AGENCIES: Record<string, readonly string[]> = {
  social_worker: ['Children’s Social Care', 'Leaving Care Team', 'Disabled Children’s Team'],
  police: ['Police Public Protection Unit', 'Police Child Abuse Investigation Team'],
  camhs: ['CAMHS', 'Community CAMHS', 'Forensic CAMHS'],
  yot: ['Youth Offending Team', 'Youth Justice Service'],
  school: ['Designated Safeguarding Lead', 'Head of Year', 'SENCo'],
  gp: ['GP Surgery', 'Health Centre'],
  other: ['Independent Fostering Agency', 'Residential Provider', 'Voluntary Sector Project'],
};

/**
 * A parent's or carer's relationship to the young person, the sex it implies, and the word for
 * the young person seen from that adult (by the young person's sex; null: use their name).
 */
export interface CarerRelationship {
  name: string;
  sex: Sex;
  /** Foster carers are not family: they have their own family name. */
  ownFamilyName?: true;
  child: { male: string; female: string; other: string } | null;
}
const SON = { male: 'son', female: 'daughter', other: 'child' };
const STEPSON = { male: 'stepson', female: 'stepdaughter', other: 'stepchild' };
const GRANDSON = { male: 'grandson', female: 'granddaughter', other: 'grandchild' };
export const RELATIONSHIPS: readonly CarerRelationship[] = [
  { name: 'Mother', sex: 'female', child: SON },
  { name: 'Father', sex: 'male', child: SON },
  { name: 'Stepfather', sex: 'male', child: STEPSON },
  { name: 'Stepmother', sex: 'female', child: STEPSON },
  { name: 'Grandmother', sex: 'female', child: GRANDSON },
  { name: 'Grandfather', sex: 'male', child: GRANDSON },
  { name: 'Aunt', sex: 'female', child: null },
  { name: 'Foster carer', sex: 'any', child: null, ownFamilyName: true },
  { name: 'Kinship carer', sex: 'any', child: null },
];

/** A sibling's relationship to the young person; the word is the sibling's own sex. */
export const SIBLING_RELATIONSHIPS: readonly { name: string; sex: Sex }[] = [
  { name: 'Brother', sex: 'male' },
  { name: 'Sister', sex: 'female' },
  { name: 'Half-brother', sex: 'male' },
  { name: 'Half-sister', sex: 'female' },
  { name: 'Stepbrother', sex: 'male' },
  { name: 'Stepsister', sex: 'female' },
];

/** The young person seen from a sibling, by the young person's sex. */
export const SIBLING_WORD = { male: 'brother', female: 'sister', other: 'sibling' } as const;

export const SHARING_BASES = [
  'Consent given by parent with parental responsibility',
  'Consent given by young person (competent)',
  'Duty to share: safeguarding',
  'Statutory function (Children Act 1989)',
];

export const DECLINE_REASONS = [
  'Does not meet referral criteria',
  'Better met by local CAMHS',
  'Referrer withdrew the request',
  'Information requested was not provided',
];

export const CLOSURE_REASONS = [
  'Assessment completed and report shared',
  'Intervention completed',
  'Consultation report sent',
  'Family moved out of area',
  'Young person declined further involvement',
];

export const FLAG_REASONS = [
  'New information from police about the investigation',
  'Placement under strain: review safety plan',
  'Missed three consecutive appointments',
  'Change of social worker: confirm new contact',
  'Court date set: report needed in advance',
  'School exclusion: check education arrangements',
];

export const TASK_TITLES = [
  'Chase outstanding paperwork',
  'Book professionals meeting',
  'Send appointment letter to family',
  'Draft assessment report',
  'Share report with network',
  'Arrange interpreter',
  'Review safety plan with carers',
  'Update chronology after strategy meeting',
];
