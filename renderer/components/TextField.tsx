/**
 * Kept for code written before the field set moved to `components/fields` (the psychometrics
 * module on main imports this path). New code imports from `components/fields`.
 */
export { TextField, type TextFieldProps } from './fields';
