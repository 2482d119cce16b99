import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { expect } from 'vitest';

/** The TM Forum v4 specifications, kept unmodified (with their licence) in the repository. */
export const TMF_DIR = fileURLToPath(new URL('../../../conformance/tmf/', import.meta.url));

type Swagger = { definitions: Record<string, unknown> };

const validators = new Map<string, ValidateFunction>();
const specs = new Map<string, Ajv>();

/**
 * Checks a response body against a definition of a TM Forum spec (Swagger 2.0 `definitions`), the
 * way an integrator's generated client would read it: every property present must have the spec's
 * type, format and enum, and required properties must be there. Extra properties are allowed, as
 * the TMF extension pattern allows them.
 */
export function expectToMatchTmfSpec(specFile: string, definition: string, value: unknown): void {
  const validate = validatorFor(specFile, definition);
  const valid = validate(value);
  const problems = (validate.errors ?? []).map((error) => `${error.instancePath || '(root)'} ${error.message ?? ''}`);
  expect(valid ? [] : problems, `${definition} of ${specFile}`).toEqual([]);
}

function validatorFor(specFile: string, definition: string): ValidateFunction {
  const key = `${specFile}#${definition}`;
  let validate = validators.get(key);
  if (!validate) {
    validate = ajvFor(specFile).compile({ $ref: `${specFile}#/definitions/${definition}` });
    validators.set(key, validate);
  }
  return validate;
}

function ajvFor(specFile: string): Ajv {
  let ajv = specs.get(specFile);
  if (!ajv) {
    const spec = JSON.parse(readFileSync(`${TMF_DIR}specs/${specFile}`, 'utf8')) as Swagger;
    // Swagger 2.0 schemas are JSON Schema draft 4 with a few keywords of its own; those are
    // annotations here. `discriminator` is Swagger's, not JSON Schema's: it is ignored.
    ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true });
    addFormats(ajv);
    ajv.addFormat('base64', /^[A-Za-z0-9+/]*={0,2}$/);
    ajv.addSchema({ $id: specFile, definitions: spec.definitions });
    specs.set(specFile, ajv);
  }
  return ajv;
}
