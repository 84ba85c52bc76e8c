/**
 * The other agencies' care alongside the intervention, chosen from the case's professional
 * network (People tab): a box per professional, and once ticked, what care they give.
 */
import type { PersonView } from '../../../preload/contract';
import { FieldGroup, TextAreaField } from '../../components/fields';
import { careField, type PlanDraft, type PlanErrors } from './plan-draft';
import styles from './Interventions.module.css';

/** The professionals of a case who can be named as giving care or as informed: the network. */
export function networkOf(people: readonly PersonView[]): PersonView[] {
  return people.filter((p) => p.kind === 'professional' || p.kind === 'referrer');
}

export const personWords = (p: Pick<PersonView, 'name' | 'agency'>): string =>
  p.agency ? `${p.name}, ${p.agency}` : p.name;

export function NetworkCareFields(props: {
  idPrefix: string;
  network: readonly PersonView[];
  value: PlanDraft['networkCare'];
  onChange: (value: PlanDraft['networkCare']) => void;
  errors: PlanErrors;
}) {
  const { idPrefix, network, value, onChange, errors } = props;
  const id = `${idPrefix}-care`;
  return (
    <FieldGroup
      id={id}
      legend="Other agencies’ care alongside the intervention"
      hint={
        network.length === 0
          ? 'No professionals are on the People tab yet. Add them there to list them here.'
          : 'Professionals on the People tab. Tick each agency whose care goes alongside, and say what it is.'
      }
      error={errors.networkCare}
    >
      {network.map((person) => {
        const entry = value.find((c) => c.personId === person.id);
        const boxId = `${id}-${person.id}`;
        return (
          <div key={person.id} className={styles.careEntry}>
            <div className="checkbox checkbox--compact">
              <input
                id={boxId}
                type="checkbox"
                checked={entry !== undefined}
                onChange={(e) =>
                  onChange(
                    e.target.checked
                      ? [...value, { personId: person.id, care: '' }]
                      : value.filter((c) => c.personId !== person.id),
                  )
                }
              />
              <label htmlFor={boxId}>{personWords(person)}</label>
            </div>
            {entry && (
              <TextAreaField
                id={`${boxId}-care`}
                label={`Care from ${person.name}`}
                value={entry.care}
                onValueChange={(care) => onChange(value.map((c) => (c.personId === person.id ? { ...c, care } : c)))}
                error={errors[careField(person.id)]}
                rows={2}
              />
            )}
          </div>
        );
      })}
    </FieldGroup>
  );
}
