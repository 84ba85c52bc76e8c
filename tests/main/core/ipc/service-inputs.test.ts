/**
 * Services take the contract's parsed input types, so a changed schema is a compile error in the
 * service rather than a silent mismatch. These assertions are checked by the typecheck
 * (`tsc -p tsconfig.json`, which includes the tests); at run time they only record the pairing.
 */
import { describe, expectTypeOf, it } from 'vitest';
import type { Channel, ChannelParsedInput } from '../../../../preload/contract';
import { applyUpload, exportToOutbox } from '../../../../main/core/bundles/bundles.service';
import { checkDuplicates, listCaseload } from '../../../../main/core/cases/caseload.service';
import { setCaseStatus } from '../../../../main/core/cases/case-status.service';
import { createCase, updateCaseFields } from '../../../../main/core/cases/cases.service';
import { savePaperworkType, setPaperworkReceived } from '../../../../main/core/cases/paperwork.service';
import { createTask, listTasks, raiseFlag } from '../../../../main/core/casework/work.service';
import { listCaseDocuments, updateDocument } from '../../../../main/core/documents/documents.service';
import { saveDraft } from '../../../../main/core/drafts/drafts.service';
import { createNote, updateNote } from '../../../../main/core/notes/notes.service';
import { searchEverything } from '../../../../main/core/search/search-all';
import { computeStatistics, exportStatistics } from '../../../../main/core/stats/stats.service';

type In<C extends Channel> = ChannelParsedInput<C>;

describe('service inputs are the contract’s parsed types', () => {
  it('whole inputs', () => {
    expectTypeOf(setCaseStatus).parameter(1).toEqualTypeOf<In<'case:setStatus'>>();
    expectTypeOf(createCase).parameter(1).toEqualTypeOf<In<'case:create'>>();
    expectTypeOf(listCaseload).parameter(1).toEqualTypeOf<In<'caseload:list'>>();
    expectTypeOf(checkDuplicates).parameter(1).toEqualTypeOf<In<'case:checkDuplicates'>>();
    expectTypeOf(setPaperworkReceived).parameter(1).toEqualTypeOf<In<'paperwork:setReceived'>>();
    expectTypeOf(savePaperworkType).parameter(1).toEqualTypeOf<In<'paperwork:saveType'>>();
    expectTypeOf(listTasks).parameter(1).toEqualTypeOf<In<'task:listMine'>>();
    expectTypeOf(saveDraft).parameter(1).toEqualTypeOf<In<'draft:save'>>();
    expectTypeOf(searchEverything).parameter(1).toEqualTypeOf<In<'search:all'>>();
    expectTypeOf(exportToOutbox).parameter(2).toEqualTypeOf<In<'bundle:export'>>();
    expectTypeOf(applyUpload).parameter(1).toEqualTypeOf<In<'bundle:apply'>>();
    expectTypeOf(computeStatistics).parameter(1).toEqualTypeOf<In<'statistics:compute'>>();
    expectTypeOf(exportStatistics).parameter(1).toEqualTypeOf<In<'statistics:export'>>();
  });

  it('parts of inputs', () => {
    expectTypeOf(updateCaseFields).parameter(3).toEqualTypeOf<In<'case:update'>['patch']>();
    expectTypeOf(raiseFlag).parameter(2).toEqualTypeOf<In<'flag:raise'>['flag']>();
    expectTypeOf(createTask).parameter(2).toEqualTypeOf<In<'task:create'>['task']>();
    expectTypeOf(createNote).parameter(2).toEqualTypeOf<In<'note:create'>['note']>();
    expectTypeOf(updateNote).parameter(3).toEqualTypeOf<In<'note:update'>['note']>();
    expectTypeOf(updateDocument).parameter(3).toEqualTypeOf<Pick<In<'document:update'>, 'title' | 'description' | 'thirdParty'>>();
    expectTypeOf(listCaseDocuments)
      .parameter(2)
      .toEqualTypeOf<Pick<In<'document:list'>, 'ownerType' | 'ownerId'> | undefined>();
  });
});
