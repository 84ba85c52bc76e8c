/**
 * The procedure's recordings (documents of the case, chosen here and viewed in the document
 * viewer) and who coded it: the coder, reliability, blind coding, and the second coder's check.
 */
import type { DocumentView } from '../../../preload/contract';
import { TRANSCRIPT_STATUS_LABELS, type CoderAgreement } from '../../../preload/contract/attachment';
import {
  CheckboxField,
  CheckboxGroup,
  FieldGroup,
  SelectField,
  TextAreaField,
  TextField,
  optionsOf,
} from '../../components/fields';
import type { DraftErrors, ProcedureDraft, YesNo } from './procedure-draft';
import styles from './ProcedureForm.module.css';

const YES_NO: { value: YesNo; label: string }[] = [
  { value: '', label: 'Not recorded' },
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
];

const AGREEMENT_LABELS: Record<CoderAgreement, string> = {
  agreed: 'Agreed',
  disagreed: 'Disagreed',
};

type Set = <K extends keyof ProcedureDraft>(key: K) => (value: ProcedureDraft[K]) => void;

/** "Video: SAA recording (10/02/2026)". */
function documentLabel(d: DocumentView): string {
  const kind = d.mediaType.startsWith('video/')
    ? 'Video'
    : d.mediaType.startsWith('audio/')
      ? 'Audio'
      : d.mediaType === 'application/pdf'
        ? 'PDF'
        : 'Document';
  return `${kind}: ${d.title}`;
}

export function RecordingFields({
  draft,
  set,
  documents,
}: {
  draft: ProcedureDraft;
  set: Set;
  documents: DocumentView[] | null;
}) {
  return (
    <FieldGroup id="procedure-recordings-section" legend="Recording and transcript" look="section">
      {!documents && <p>Loading the case’s documents…</p>}
      {documents && documents.length === 0 && (
        <p className="muted">
          The case has no documents yet. Attach the recording or transcript on the Documents tab, then choose it here.
        </p>
      )}
      {documents && documents.length > 0 && (
        <CheckboxGroup
          id="procedure-recordings"
          legend="Recordings and transcripts"
          hint="Documents of this case, kept encrypted. Saved recordings open in the document viewer."
          choices={documents.map((d) => ({ value: d.id, label: documentLabel(d) }))}
          value={draft.recordingDocumentIds}
          onChange={set('recordingDocumentIds')}
        />
      )}
      <SelectField
        id="procedure-transcript"
        label="Transcript"
        value={draft.transcriptStatus}
        onValueChange={set('transcriptStatus')}
        options={optionsOf(TRANSCRIPT_STATUS_LABELS)}
      />
    </FieldGroup>
  );
}

export function CoderFields({ draft, set, errors }: { draft: ProcedureDraft; set: Set; errors: DraftErrors }) {
  return (
    <FieldGroup id="procedure-coding" legend="Coding" look="section">
      <div className="form-columns form-columns--three">
        <TextField
          id="procedure-coder"
          label="Coder"
          value={draft.coderName}
          onValueChange={set('coderName')}
          autoComplete="off"
        />
        <SelectField
          id="procedure-reliable"
          label="Coder certified reliable"
          value={draft.coderReliable}
          onValueChange={set('coderReliable')}
          options={YES_NO}
        />
        <SelectField
          id="procedure-blind"
          label="Coded blind"
          value={draft.blindCoded}
          onValueChange={set('blindCoded')}
          options={YES_NO}
        />
      </div>
      <CheckboxField
        id="procedure-second"
        label="A second coder checked the coding"
        checked={draft.secondCoded}
        onCheckedChange={set('secondCoded')}
      />
      {draft.secondCoded && (
        <div className={styles.conditional}>
          <div className="form-columns">
            <TextField
              id="procedure-second-coder"
              label="Second coder"
              value={draft.secondCoderName}
              onValueChange={set('secondCoderName')}
              error={errors.secondCoderName ?? null}
              autoComplete="off"
            />
            <SelectField
              id="procedure-agreement"
              label="Agreement"
              value={draft.agreement}
              onValueChange={set('agreement')}
              options={[{ value: '', label: 'Not yet compared' }, ...optionsOf(AGREEMENT_LABELS)]}
            />
          </div>
          {draft.agreement === 'disagreed' && (
            <TextAreaField
              id="procedure-resolution"
              label="How the disagreement was resolved"
              value={draft.resolution}
              onValueChange={set('resolution')}
              error={errors.resolution ?? null}
              rows={3}
            />
          )}
        </div>
      )}
    </FieldGroup>
  );
}
