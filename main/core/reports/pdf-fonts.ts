/**
 * The PDF renderer's fonts, read and parsed once per process. pdfkit parses a TrueType file
 * afresh for every document it opens (fontkit decodes the cmap, metrics and the GSUB / GPOS
 * tables again), which was a fixed cost of every report. Here the four Roboto files inside the
 * pdfmake package are read once and parsed once, and each report is handed the same parsed
 * fonts (pdfkit still makes each document its own subset, so what is embedded is unchanged).
 *
 * What is shared is the parsed tables, never the glyph cache. fontkit keeps one glyph object per
 * glyph id, made by whoever asked first, and a glyph remembers the characters it was asked for:
 * the PDF's text layer (copy, search, screen readers) comes from them. A subset asks for the parts
 * of a compound glyph with no characters (Roboto's semicolon is built from its comma), so a shared
 * cache let one report's ";" leave every later report's commas unreadable. Each document is
 * handed its own view of the parsed font, with its own glyph cache and layout engine.
 *
 * How the parsed font reaches pdfkit without patching it: pdfmake reads a font from its virtual
 * file system and pdfkit gives the bytes to `fontkit.create`, which asks each registered format
 * whether it recognises them. The bytes stored here are a short handle, not a font, and a format
 * registered here (fontkit's public `registerFormat`) recognises only those handles and answers
 * with the parsed font. No font file is opened while a report is drawn, so pdfmake's local file
 * policy can refuse every path.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The part of a fontkit font this module needs to know about (it hands the rest on untouched). */
interface ParsedFont {
  postscriptName: string;
}

interface Fontkit {
  create(buffer: Uint8Array, postscriptName?: string): ParsedFont;
  registerFormat(format: unknown): void;
}

const requireHere = createRequire(import.meta.url);
const PDFMAKE_DIR = dirname(requireHere.resolve('pdfmake/package.json'));
/** The fontkit pdfkit itself loads (the same module instance, so the format is seen by it). */
const fontkit = createRequire(requireHere.resolve('pdfkit'))('fontkit') as Fontkit;

const FONT_DIR = join(PDFMAKE_DIR, 'fonts', 'Roboto');
const ROBOTO_FILES = {
  normal: 'Roboto-Regular.ttf',
  bold: 'Roboto-Medium.ttf',
  italics: 'Roboto-Italic.ttf',
  bolditalics: 'Roboto-MediumItalic.ttf',
} as const;
type Style = keyof typeof ROBOTO_FILES;

/** Starts every handle; no TrueType, OpenType, WOFF or collection file starts like this. */
const HANDLE_MAGIC = 'NCATS-parsed-font:';

const parsed = new Map<string, ParsedFont>();

/** The parsed font a handle names, parsed from its file on first use; never handed out itself. */
function parsedFont(file: string): ParsedFont {
  let font = parsed.get(file);
  if (!font) {
    font = fontkit.create(readFileSync(join(FONT_DIR, file)));
    parsed.set(file, font);
  }
  return font;
}

/**
 * A font for one document: it inherits the parsed tables and starts an empty glyph cache. fontkit
 * makes its lazy state (the layout engine, the cmap reader) on the object that first reads it, so
 * the view makes its own and the parsed font, never used directly, keeps none.
 */
function fontFor(file: string): ParsedFont {
  const view = Object.create(parsedFont(file)) as ParsedFont;
  Object.defineProperty(view, '_glyphs', { value: {}, writable: true });
  return view;
}

function handleFile(buffer: Uint8Array): string | null {
  if (buffer.length > 128) return null;
  const text = Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength).toString('latin1');
  if (!text.startsWith(HANDLE_MAGIC)) return null;
  const file = text.slice(HANDLE_MAGIC.length);
  return (Object.values(ROBOTO_FILES) as string[]).includes(file) ? file : null;
}

/**
 * A fontkit "format" whose files are handles. fontkit asks `format.probe(bytes)`, then calls
 * `new format(stream)` and uses what that returns: a function called with `new` that returns an
 * object gives that object, so the parsed font itself is handed over.
 */
const parsedFontHandle = Object.assign(
  function ParsedFontHandle(stream: { buffer: Uint8Array }): ParsedFont {
    const file = handleFile(stream.buffer);
    if (file === null) throw new Error('Not a parsed font handle.');
    return fontFor(file);
  },
  { probe: (buffer: Uint8Array): boolean => handleFile(buffer) !== null },
);

/** The part of pdfmake's virtual file system used here. */
export interface VirtualFs {
  writeFileSync(name: string, content: Buffer): void;
}

let registered = false;

/**
 * Put a handle for each Roboto style into pdfmake's virtual file system and teach fontkit to
 * open them; returns pdfmake's font table naming those handles. Safe to call more than once.
 */
export function robotoFontTable(virtualfs: VirtualFs): { Roboto: Record<Style, string> } {
  if (!registered) {
    fontkit.registerFormat(parsedFontHandle);
    registered = true;
  }
  const names = {} as Record<Style, string>;
  for (const [style, file] of Object.entries(ROBOTO_FILES) as [Style, string][]) {
    const name = `ncats-fonts/${file}`;
    virtualfs.writeFileSync(name, Buffer.from(`${HANDLE_MAGIC}${file}`, 'latin1'));
    names[style] = name;
  }
  return { Roboto: names };
}
