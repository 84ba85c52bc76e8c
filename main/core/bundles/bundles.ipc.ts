/** Handlers for key cards, the colleague directory and bundles. Bytes go through bundle-routes.ts. */
import type { bundleChannels, ColleagueView, KeyCardView } from '../../../preload/contract/bundles';
import { AppError } from '../errors';
import type { HandlersFor } from '../ipc/router';
import { addColleague, listColleagues, revokeColleague, verifyColleague, type Colleague } from '../keys/colleagues';
import { KEY_CARD_EXTENSION, parseCard, serialiseCard, type KeyCard } from '../keys/key-card';
import { myKeyCard } from '../keys/user-keys';
import { registerChronologySource } from '../notes/chronology';
import {
  applyUpload,
  bundleContents,
  discardUpload,
  exportToOutbox,
  housekeeping,
  previewUpload,
} from './bundles.service';
import { listConflicts, resolveConflict } from './conflicts';
import { caseFileRegistry } from './modules/index';
import { suggestPassphrase } from './passphrase';
import { bundlePolicy } from './policy';

// Bundles received and sent join the case chronology (with the sender's own reference, which
// differs from ours when the number was already taken here).
registerChronologySource({
  kinds: ['bundle_received', 'bundle_sent'],
  sql: `SELECT imported_at, 'bundle_received', bundle_id,
            'Received in a bundle from ' || sender_name || ' (their reference ' || case_reference || ')',
            (SELECT display_name FROM users u WHERE u.id = imported_by), 0
          FROM bundle_imports WHERE case_id = @caseId
          UNION ALL
          SELECT at, 'bundle_sent', entity_id,
            'Sent in a bundle: ' || coalesce(json_extract(detail, '$.basis'), ''), 
            (SELECT display_name FROM users u WHERE u.id = audit_log.user_id), 0
          FROM audit_log WHERE case_id = @caseId AND action = 'bundle.export'`,
});

/** A key card as the Sharing screen shows it: the card without its file-format markers. */
function cardView({ format: _format, version: _version, ...view }: KeyCard): KeyCardView {
  return view;
}

/**
 * A colleague as the Sharing screen shows it. Their user id and signing key stay in the core:
 * the screen compares fingerprints, and only the bundle code checks signatures.
 */
function colleagueView({ theirUserId: _theirUserId, signingKey: _signingKey, ...view }: Colleague): ColleagueView {
  return view;
}

/** A file name from a person's name: letters, digits and dashes only. */
function cardFileName(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();
  return `${slug || 'key-card'}${KEY_CARD_EXTENSION}`;
}

export const bundleHandlers: HandlersFor<typeof bundleChannels> = {
  'key:myCard': async (_input, { manager }) => {
    const vault = manager.current();
    housekeeping(vault);
    return cardView(await myKeyCard(vault));
  },
  'key:exportCard': async (_input, { manager }) => {
    const card = await myKeyCard(manager.current());
    return { fileName: cardFileName(card.name), text: serialiseCard(card) };
  },
  'colleague:list': (_input, { manager }) => listColleagues(manager.current().db).map(colleagueView),
  'colleague:importCard': (input, { manager }) => {
    const parsed = parseCard(input.cardText);
    if (!parsed.ok) throw new AppError('INVALID_INPUT', parsed.reason);
    return colleagueView(addColleague(manager.current(), parsed.card, { verified: false }));
  },
  'colleague:verify': (input, { manager }) => colleagueView(verifyColleague(manager.current(), input.colleagueId)),
  'colleague:revoke': (input, { manager }) =>
    colleagueView(revokeColleague(manager.current(), input.colleagueId, input.reason)),
  'bundle:preparePassphrase': (_input, { manager }) => ({
    passphrase: suggestPassphrase(),
    allowed: bundlePolicy(manager).allowPassphrase,
  }),
  'bundle:contents': (input, { manager }) => bundleContents(manager.current(), input.caseId),
  'bundle:export': (input, { manager }) => exportToOutbox(manager.current(), bundlePolicy(manager), input),
  'bundle:preview': (input, { manager }) => previewUpload(manager.current(), input.inboxId, input.passphrase),
  'bundle:apply': (input, { manager }) => applyUpload(manager.current(), input),
  'bundle:discard': (input, { manager }) => {
    discardUpload(manager.current(), input.inboxId);
    return null;
  },
  'bundle:conflicts': (input, { manager }) => {
    const vault = manager.current();
    return listConflicts(vault, caseFileRegistry(vault), input.caseId);
  },
  'bundle:resolveConflict': (input, { manager }) => {
    const vault = manager.current();
    return resolveConflict(vault, caseFileRegistry(vault), input.conflictId, input.resolution);
  },
};
