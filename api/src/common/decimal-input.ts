import { ValidateBy, type ValidationArguments } from 'class-validator';

/**
 * A number's type: a JSON number or a string of at most 60 characters. Whether it is a finite
 * plain decimal (not "1e5", "" or "abc") is checked with the row, so the answer can name the row
 * (`targets[3]: …`, `measurements[3]: …`) and say every problem of it at once.
 */
export function IsDecimalInput(example = '42.5'): PropertyDecorator {
  return ValidateBy({
    name: 'isDecimalInput',
    validator: {
      validate: (value: unknown) =>
        value === undefined ||
        value === null ||
        typeof value === 'number' ||
        (typeof value === 'string' && value.length <= 60),
      defaultMessage: (args?: ValidationArguments) =>
        `${args?.property ?? 'value'} must be a decimal number: a JSON number or a string such as "${example}"`,
    },
  });
}

/** Decimals are documented as strings (a JSON number is accepted too). */
export const DECIMAL = { type: String } as const;
