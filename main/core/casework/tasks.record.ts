/** A task on a case (`tasks`): the one definition its repo's rows and its bundle module use. */
import { isoDateSchema } from '../../../preload/contract/case-records';
import type { TaskState, TaskView } from '../../../preload/contract/casework';
import { col, defineRecord, registerRecord, type ExpectSameView, type SameView } from '../db/record';

export const taskRecord = registerRecord(
  defineRecord({
    table: 'tasks',
    columns: {
      id: col.uuid(),
      case_id: col.uuid(),
      title: col.text(500, 1),
      owner_id: col.uuid(),
      due_date: col.as(isoDateSchema.nullable()),
      done_at: col.nullableAt(),
      done_by: col.nullableUuid(),
      created_at: col.at(),
      updated_at: col.at(),
      updated_by: col.uuid(),
      version: col.int(1),
    },
  }),
);

/** What the task queries join in: the case's reference, people's names, the young person's name parts. */
interface TaskJoins {
  case_reference: string;
  owner_name: string;
  done_by_name: string | null;
  given_name: string | null;
  family_name: string | null;
  initials: string;
}
export type TaskWithJoins = Parameters<typeof taskRecord.toView>[0] & TaskJoins;

const taskFields = taskRecord.viewWithout(['done_by', 'created_at', 'updated_at', 'updated_by']);
/** The task's fields with the joined names; the service builds the young person's name and the state. */
export function toTaskFields(row: TaskWithJoins) {
  return {
    ...taskFields(row),
    caseReference: row.case_reference,
    ownerName: row.owner_name,
    doneByName: row.done_by_name,
    givenName: row.given_name,
    familyName: row.family_name,
    initials: row.initials,
  };
}

export type TaskViewMatchesRecord = ExpectSameView<
  SameView<
    Omit<ReturnType<typeof toTaskFields>, 'givenName' | 'familyName' | 'initials'> & {
      youngPersonName: string;
      state: TaskState;
    },
    TaskView
  >
>;
