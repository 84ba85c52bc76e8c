/**
 * Keeping a heading with what it heads in the PDF. pdfmake lays the document out, then asks
 * `pageBreakBefore` about each node and lays it out again when a break is added. Headings and
 * table captions carry a `headlineLevel`; one that would sit in the last few lines of a page,
 * with its text carried over to the next, starts the next page instead, so a reader never finds
 * a heading alone at a page foot.
 *
 * A heading the model marks `newPage` (a subject access request's redaction log, which the
 * reviewer reads apart from the copy) is given pdfmake's own `pageBreak: 'before'` in pdf.ts
 * instead: it always starts a page, wherever the section before it ended, so nothing here needs
 * to decide about it.
 */
import type { Node, NodeQueries } from 'pdfmake/interfaces';

/** `headlineLevel` of section headings (level 1 and 2 of the model) and of table captions. */
export const HEADLINE = { h1: 1, h2: 2, caption: 3 } as const;

/**
 * The room (points) a headline needs below its top edge for itself and the start of what follows:
 * a heading, a table caption, a header row and a row (or three lines of text); a caption, itself,
 * the header row and a row. A heading's need covers its caption's, because pdfmake asks about
 * each node once: a caption moved after its heading had stayed would strand the heading.
 */
export const KEEP_ROOM: Readonly<Record<number, number>> = { 1: 110, 2: 100, 3: 64 };

/** Whether a node draws something a reader sees (pdfmake also lists the containers of columns). */
function holdsContent(node: Node): boolean {
  return [node.text, node.table, node.ul, node.ol, node.image, node.columns].some((part) => part !== undefined);
}

/** pdfmake's question for one node: start a new page before it? */
export function keepHeadlineWithNext(node: Node, queries: NodeQueries): boolean {
  const level = node.headlineLevel;
  if (level === undefined) return false;
  const page = node.pageNumbers[0];
  // A headline already split over two pages is far too big to be kept with anything.
  if (page === undefined || node.pageNumbers.length > 1) return false;
  const { verticalRatio, pageInnerHeight, top } = node.startPosition;
  const room = (1 - verticalRatio) * pageInnerHeight;
  // The end of the report: whatever follows fits on this page.
  if (queries.getNodesOnNextPage().length === 0) return false;
  // pdfmake lists each page's header and footer too: only what lies below the headline and
  // above the bottom margin is the page's content after it.
  const contentBottom = top + room;
  const below = (n: Node) => n.startPosition.top > top && n.startPosition.top < contentBottom;
  // What it heads: the first block after it that is not itself a headline (a heading's caption).
  const first = queries
    .getFollowingNodesOnPage()
    .find((n) => below(n) && n.headlineLevel === undefined && holdsContent(n));
  // Alone at the foot (or with only a caption): nothing of what it heads is on its page.
  if (!first) return true;
  // A whole paragraph is with it: not stranded. (A table's node records only the page it starts
  // on, so whether a table runs over is not known here: it is kept by room alone.)
  if (first.table === undefined && first.pageNumbers.length === 1) return false;
  // What it heads runs over: the headline stays only with room for a few lines or rows of it.
  return room < (KEEP_ROOM[level] ?? 0);
}
