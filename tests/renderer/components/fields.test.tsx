import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import {
  CheckboxField,
  CheckboxGroup,
  DATE_HINT,
  DateField,
  FieldGroup,
  FileField,
  SelectField,
  TextAreaField,
  TextField,
} from '../../../renderer/components/fields';

const noop = () => undefined;

/** The attributes of the first element named `tag` in the markup. */
function attributesOf(html: string, tag: string): string {
  const found = new RegExp(`<${tag}\\b([^>]*)>`).exec(html);
  if (!found?.[1]) throw new Error(`no <${tag}> in ${html}`);
  return found[1];
}

describe('the field set: label, hint, error and control tied together', () => {
  it('a text field is described by its hint, then by its error too, and marked invalid while in error', () => {
    const calm = renderToStaticMarkup(
      <TextField id="given" label="Given name" hint="As the young person uses it." value="" onValueChange={noop} />,
    );
    expect(calm).toContain('<label class="field__label" for="given">Given name</label>');
    expect(calm).toContain('<p class="field__hint" id="given-hint">As the young person uses it.</p>');
    expect(attributesOf(calm, 'input')).toContain('aria-describedby="given-hint"');
    expect(attributesOf(calm, 'input')).not.toContain('aria-invalid');

    const wrong = renderToStaticMarkup(
      <TextField id="given" label="Given name" hint="As used." error="Enter a name." value="" onValueChange={noop} />,
    );
    expect(wrong).toMatch(/^<div class="field field--error">/);
    expect(wrong).toContain('id="given-error"><span class="visually-hidden">Error: </span>Enter a name.</p>');
    expect(attributesOf(wrong, 'input')).toContain('aria-describedby="given-hint given-error"');
    expect(attributesOf(wrong, 'input')).toContain('aria-invalid="true"');
  });

  it('a date field says the UK format unless it is told more, and offers no autofill', () => {
    const html = renderToStaticMarkup(<DateField id="due" label="Due date" value="" onValueChange={noop} />);
    expect(html).toContain(DATE_HINT);
    expect(DATE_HINT).toMatch(/^dd\/mm\/yyyy/);
    expect(attributesOf(html, 'input')).toContain('autoComplete="off"');
    const told = renderToStaticMarkup(
      <DateField id="due" label="Due" hint="dd/mm/yyyy" value="" onValueChange={noop} />,
    );
    expect(told).toContain('id="due-hint">dd/mm/yyyy</p>');
  });

  it('a select and a text area are wired the same way', () => {
    const select = renderToStaticMarkup(
      <SelectField
        id="role"
        label="Role"
        hint="What they may do."
        error="Choose a role."
        value="b"
        onValueChange={noop}
        options={[
          { value: 'a', label: 'A' },
          { value: 'b', label: 'B' },
        ]}
      />,
    );
    expect(attributesOf(select, 'select')).toContain('aria-describedby="role-hint role-error"');
    expect(select).toContain('<option value="b" selected="">B</option>');
    const area = renderToStaticMarkup(
      <TextAreaField id="why" label="Why" value="" onValueChange={noop} rows={5} error="Say why." />,
    );
    expect(attributesOf(area, 'textarea')).toContain('aria-describedby="why-error"');
    expect(attributesOf(area, 'textarea')).toContain('rows="5"');
  });

  it('a checkbox shows its error above the box as an alert when asked, and is described by it', () => {
    const html = renderToStaticMarkup(
      <CheckboxField
        id="ok"
        label="I have stored the key"
        checked={false}
        onCheckedChange={noop}
        error="Confirm it."
        announce
      />,
    );
    expect(html.indexOf('id="ok-error"')).toBeLessThan(html.indexOf('<input'));
    expect(html).toContain('role="alert"');
    expect(attributesOf(html, 'input')).toContain('aria-describedby="ok-error"');
  });

  it('a file field and a group are described by their hints', () => {
    const file = renderToStaticMarkup(
      <FileField id="bundle" label="Bundle file" hint="The .ncatsbundle file." accept=".ncatsbundle" onFile={noop} />,
    );
    expect(attributesOf(file, 'input')).toContain('type="file"');
    expect(attributesOf(file, 'input')).toContain('aria-describedby="bundle-hint"');
    const group = renderToStaticMarkup(
      <FieldGroup id="who" legend="Who can open it" error="Choose someone.">
        <span />
      </FieldGroup>,
    );
    expect(attributesOf(group, 'fieldset')).toContain('aria-describedby="who-error"');
    expect(group).toContain('<legend class="field__label">Who can open it</legend>');
  });

  it('a checkbox group gives each box the id <group>-<value> and ticks the chosen ones', () => {
    const html = renderToStaticMarkup(
      <CheckboxGroup
        id="referral-service"
        legend="Services requested"
        look="column"
        choices={[
          { value: 'assessment', label: 'Assessment' },
          { value: 'consultation', label: 'Consultation' },
        ]}
        value={['consultation']}
        onChange={noop}
      />,
    );
    expect(html).toMatch(/^<fieldset class="fieldset-inline field">/);
    expect(html).toContain('id="referral-service-assessment"');
    expect(html).toMatch(/id="referral-service-consultation"[^>]*checked=""/);
    expect(html).toContain('<div class="checkbox-column">');
  });
});
