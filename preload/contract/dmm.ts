/**
 * The Dynamic-Maturational Model (DMM) of attachment as data: its procedures with their age
 * ranges, its classification codes with the age they are usually first seen and their risk tier,
 * its modifiers and the CARE-Index scales and bands. Everything a form, a service or a report
 * needs to know about the DMM is read from here, with the pure rules that use it, which the
 * core and the renderer both call.
 *
 * Source: `shared/DOMAIN.md` (DMM sections). Facts that DOMAIN.md marks as uncertain (the
 * CARE-Index bands, the usual ages, the toddler child scales) are data in these files so that a
 * correction is one line. The parts: `dmm-procedures.ts`, `dmm-codes.ts`, `dmm-modifiers.ts`,
 * `dmm-care-index.ts` and `dmm-warnings.ts`; import them through this file. Only names, codes
 * and bands live here, never coding manuals.
 *
 * Ages are whole months throughout: the procedures begin in infancy, where years are too coarse.
 */

export * from './dmm-procedures';
export * from './dmm-codes';
export * from './dmm-modifiers';
export * from './dmm-care-index';
export * from './dmm-warnings';
