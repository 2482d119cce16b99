import { describe, expect, it } from 'vitest';
import { ERROR_CODES, ERROR_STATUS, ZApiError } from './errors.js';

describe('error codes', () => {
  it('should give every code a client or server error status', () => {
    for (const code of ERROR_CODES) {
      expect(ERROR_STATUS[code] >= 400 && ERROR_STATUS[code] < 600, code).toBe(true);
    }
  });

  it('should accept the TM Forum Error shape with failing fields', () => {
    const body = {
      '@type': 'Error',
      code: 'VALIDATION_FAILED',
      reason: 'Check these fields: body.email',
      status: '400',
      fields: [{ field: 'body.email', rule: 'invalid_format', message: 'Enter a valid email address' }],
      requestId: 'r1',
    };
    expect(ZApiError.parse(body)).toEqual(body);
    expect(ZApiError.safeParse({ ...body, code: 'MADE_UP' }).success).toBe(false);
  });
});
