/**
 * Casework: flags, tasks, notes, the chronology and search. Each has its own contract file
 * (flags.ts, tasks.ts, notes.ts, chronology.ts, search.ts) whose channel group contract.ts
 * joins; this file gathers their schemas and types so that modules importing them from here
 * keep compiling. New code imports from the record's own file.
 */
export * from './flags';
export * from './tasks';
export * from './notes';
export * from './chronology';
export * from './search';
export type { SearchWindowPage } from './paging';
export { searchCursorSchema } from './paging';
