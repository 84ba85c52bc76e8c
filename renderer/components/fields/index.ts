/**
 * The one set of form fields: each is a label, an optional hint and error, and its control,
 * tied together with aria-describedby. Forms build from these rather than writing the frame
 * by hand, so every field reads the same to a screen reader.
 */
export { controlProps, describedBy, FieldFrame, FieldMessages, type FieldProps } from './FieldFrame';
export { TextField, type TextFieldProps } from './TextField';
export { DateField, DATE_HINT } from './DateField';
export { TextAreaField } from './TextAreaField';
export { SelectField, optionsOf, type Option } from './SelectField';
export { CheckboxField } from './CheckboxField';
export { FileField } from './FileField';
export { CheckboxGroup, FieldGroup, type Choice } from './FieldGroup';
