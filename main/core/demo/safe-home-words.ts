/**
 * The words of demo Safe Home records: run titles and venues, group notes (about the group,
 * never a family: they go to every attending family's case), carers' own notes, goals in a
 * carer's words, reasons for apologies and missed sessions, and safety plans. A group note is
 * checked against the families' names (`groupNoteNamesProblem`), and some demo family names are
 * common words ("Young"), so the notes avoid them.
 */
export const SEASONS = ['Winter', 'Spring', 'Summer', 'Autumn'] as const;
export const AREAS = ['north', 'south', 'east', 'west', 'central'] as const;
export const VENUES = [
  'Family centre, Mill Lane',
  'Children’s centre, Park Road',
  'Service base, group room 2',
  'Community hall, Station Street',
] as const;

export const GROUP_NOTES = [
  'The group went over the session plan and agreed its ground rules. Carers spoke about what brought them here and what they hope to take away.',
  'Worked through the continuum of sexual behaviour with the card sort. The group found the middle of the continuum hardest to place and discussed why.',
  'Looked at pathways and risk factors using the timeline exercise. Several carers said the exercise was difficult but useful.',
  'Discussed the emotional impact on families and where carers find support. The group shared ways of looking after themselves.',
  'Went through the signs of sexual abuse and how children may tell. The group practised responses to a disclosure in pairs.',
  'Talked about balancing the needs of all the children at home, including supervision and privacy. The group shared practical ideas.',
  'Looked at recognising patterns early and supporting a child before a difficult time. Carers practised spotting warning signs in examples.',
  'Worked on the safety plan template together: rules at home, supervision, online safety and who to call. Carers took the template home.',
  'Reviewed the safety plans in small groups and what has been hard to keep to. The facilitators answered questions about online safety settings.',
  'A reflective session: the group looked back at the themes so far and what has changed at home.',
  'The last session: the group reviewed the programme, completed the end ratings and talked about support after the group.',
] as const;

export const CARER_NOTES = [
  'Spoke after the session about a difficult week at home; agreed to raise it with the lead clinician.',
  'Said the supervision rules are working well; would like more help with online safety.',
  'Quiet in the group today; checked in by phone the next day and was fine.',
  'Asked for the handout in a larger print.',
] as const;

export const GOALS = [
  'Feel confident talking with my child about what happened.',
  'Know the warning signs and what to do when I see them.',
  'Keep to our safety plan at home, including online.',
  'Look after myself so I can support the whole family.',
  'Help my other children feel safe and listened to.',
] as const;

export const APOLOGIES = [
  'Unwell.',
  'Work shift changed.',
  'No childcare that evening.',
  'Hospital appointment.',
] as const;
export const DNA_REASONS = ['Not known; no answer when called.', 'Forgot, said when phoned.', 'Not known.'] as const;
export const WITHDRAWAL_DETAILS = [
  'Said the group was not for them at the moment; offered individual sessions instead.',
  'New working hours clash with the group.',
  '',
] as const;

export const SAFETY_PLANS = [
  'House rules: bedroom doors open during the day; no young children left alone with him; devices stay downstairs after 9 pm. Who to call: the lead clinician, the social worker, the out-of-hours line.',
  'Updated after the review: devices now checked weekly together; school told of the plan; grandparents agreed to the same rules when he visits. Who to call as before.',
  'Reviewed at the end of the group: the rules are kept, the family will review them monthly with the social worker. Contacts unchanged.',
] as const;
