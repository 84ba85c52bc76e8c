import { describe, expect, it } from 'vitest';
import { CHANNELS } from '../../../../preload/contract';
import { channelNameProblem } from '../../../../preload/contract/define';

describe('channel naming rule (<record>:<verb>, the record singular)', () => {
  it('holds for every channel in the contract', () => {
    const problems = CHANNELS.map(channelNameProblem).filter((p): p is string => p !== null);
    expect(problems).toEqual([]);
  });

  it('accepts singular records and the names of things that stay', () => {
    for (const name of [
      'person:add',
      'user:create',
      'colleague:list',
      'key:exportCard',
      'caseload:list',
      'chronology:get',
      'paperwork:setReceived',
      'search:all',
      'vault:unlock',
      'session:touch',
      'audit:verify',
      'address:update',
      'status:get',
      'analysis:run',
    ]) {
      expect(channelNameProblem(name), name).toBeNull();
    }
  });

  it('refuses plural records, irregular plurals included, saying why', () => {
    expect(channelNameProblem('users:create')).toMatch(/plural/);
    expect(channelNameProblem('colleagues:list')).toMatch(/plural/);
    expect(channelNameProblem('keys:exportCard')).toMatch(/plural/);
    expect(channelNameProblem('people:add')).toMatch(/plural/);
    expect(channelNameProblem('children:list')).toMatch(/plural/);
    expect(channelNameProblem('instruments:list')).toMatch(/plural/);
  });

  it('takes the name of a field of work that ends in s as singular', () => {
    expect(channelNameProblem('psychometrics:record')).toBeNull();
    expect(channelNameProblem('statistics:export')).toBeNull();
  });

  it('refuses names not of the form record:verb', () => {
    for (const name of [
      'case',
      'case:',
      ':get',
      'case:get:all',
      'Case:get',
      'case:Get',
      'case-file:get',
      'case:get2',
    ]) {
      expect(channelNameProblem(name), name).toMatch(/not of the form/);
    }
  });
});
