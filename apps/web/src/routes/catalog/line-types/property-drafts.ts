import type { PropertyKind, TPropertyDefinition } from '@linedesk/domain';
import { blankToNull } from '../../../lib/text';
import { readNumber } from '../common/fields';
import { newUid } from '../common/row-uid';

export const PROPERTY_KIND_LABELS: Record<PropertyKind, string> = {
  text: 'Text',
  number: 'Number',
  select: 'Choice from a list',
  boolean: 'Yes / no',
  phone: 'Phone number',
  zip: 'ZIP code',
  date: 'Date',
};

/** Kinds that take a typed string, and so a pattern and length limits. */
export const TEXT_LIKE_KINDS: readonly PropertyKind[] = ['text', 'phone', 'zip'];

export type OptionDraft = { uid: string; value: string; label: string };

/** One property as the editor holds it: numbers as typed, plus a stable `uid` for React keys and focus. */
export type PropertyDraft = {
  uid: string;
  key: string;
  /** False while the key still follows the label (a new property); typing a key stops that. */
  keyEdited: boolean;
  label: string;
  kind: PropertyKind;
  required: boolean;
  options: OptionDraft[];
  pattern: string;
  patternMessage: string;
  minLength: number | string;
  maxLength: number | string;
  min: number | string;
  max: number | string;
  helpText: string;
};

export function emptyProperty(): PropertyDraft {
  return {
    uid: newUid(),
    key: '',
    keyEdited: false,
    label: '',
    kind: 'text',
    required: false,
    options: [],
    pattern: '',
    patternMessage: '',
    minLength: '',
    maxLength: '',
    min: '',
    max: '',
    helpText: '',
  };
}

export function toPropertyDraft(property: TPropertyDefinition): PropertyDraft {
  return {
    uid: newUid(),
    key: property.key,
    keyEdited: true,
    label: property.label,
    kind: property.kind,
    required: property.required,
    options: property.options.map((option) => ({ uid: newUid(), ...option })),
    pattern: property.pattern ?? '',
    patternMessage: property.patternMessage ?? '',
    minLength: property.minLength ?? '',
    maxLength: property.maxLength ?? '',
    min: property.min ?? '',
    max: property.max ?? '',
    helpText: property.helpText ?? '',
  };
}

/** The definition sent to the server: only the settings the kind uses, so hidden leftovers never travel. */
export function fromPropertyDraft(draft: PropertyDraft): TPropertyDefinition {
  const textLike = TEXT_LIKE_KINDS.includes(draft.kind);
  return {
    key: draft.key.trim(),
    label: draft.label,
    kind: draft.kind,
    required: draft.kind === 'boolean' ? false : draft.required,
    options: draft.kind === 'select' ? draft.options.map(({ value, label }) => ({ value, label })) : [],
    pattern: textLike ? blankToNull(draft.pattern) : null,
    patternMessage: textLike ? blankToNull(draft.patternMessage) : null,
    minLength: textLike ? readNumber(draft.minLength, null) : null,
    maxLength: textLike ? readNumber(draft.maxLength, null) : null,
    min: draft.kind === 'number' ? readNumber(draft.min, null) : null,
    max: draft.kind === 'number' ? readNumber(draft.max, null) : null,
    helpText: blankToNull(draft.helpText),
  };
}

/** "Line user name" -> "lineUserName": the key a new property gets until someone types one. */
export function keyFromLabel(label: string): string {
  const words = label
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9 ]+/g, ' ')
    .trim()
    .split(/\s+/)
    .filter(Boolean);
  const key = words
    .map((word, index) => (index === 0 ? word.toLowerCase() : word.charAt(0).toUpperCase() + word.slice(1).toLowerCase()))
    .join('')
    .replace(/^[0-9]+/, '');
  return key.slice(0, 40);
}

/**
 * Messages in the form's words for blanks the schema would only call "too small", keyed like the
 * server's fields (`properties.0.options.1.value`).
 */
export function blankPropertyErrors(properties: PropertyDraft[]): Record<string, string> {
  const errors: Record<string, string> = {};
  properties.forEach((property, index) => {
    if (property.label.trim() === '') errors[`properties.${index}.label`] = 'Enter a label';
    if (property.kind !== 'select') return;
    property.options.forEach((option, position) => {
      if (option.value.trim() === '') errors[`properties.${index}.options.${position}.value`] = 'Enter a value';
      if (option.label.trim() === '') errors[`properties.${index}.options.${position}.label`] = 'Enter a label';
    });
  });
  return errors;
}
