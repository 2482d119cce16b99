import { describe, expect, it } from 'vitest';
import { AppError } from '../../../http/app-error.js';
import { TMF_PREFIX, tmfHref } from './tmf-context.js';
import { parseTmfFields, parseTmfListQuery, projectTmfFields, tmfDateTime, tmfEnum, tmfFilterValue, tmfText, tmfUuid } from './tmf-list.js';

/** The error a call throws, for asserting on its code and fields. */
function thrown(call: () => unknown): AppError {
  try {
    call();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected the call to throw');
}

describe('tmfHref', () => {
  it('should build an absolute href under /tmf-api from the base URL, the resource path and the id', () => {
    expect(TMF_PREFIX).toBe('/tmf-api');
    expect(tmfHref('http://127.0.0.1:3000', 'customerManagement/v4/customer', '6a1f0c9e-2a3b-4c5d-8e9f-0a1b2c3d4e5f')).toBe(
      'http://127.0.0.1:3000/tmf-api/customerManagement/v4/customer/6a1f0c9e-2a3b-4c5d-8e9f-0a1b2c3d4e5f',
    );
    // Stray slashes on either side do not double up; an id that is not URL-safe is encoded.
    expect(tmfHref('https://bss.example.com/', '/productInventory/v4/product/', 'a b/c')).toBe(
      'https://bss.example.com/tmf-api/productInventory/v4/product/a%20b%2Fc',
    );
  });
});

describe('parseTmfListQuery', () => {
  it('should default to the first 100 items, the whole resource and no filters', () => {
    expect(parseTmfListQuery({}, ['name'])).toEqual({ offset: 0, limit: 100, fields: null, filters: {} });
    expect(parseTmfListQuery(undefined, [])).toEqual({ offset: 0, limit: 100, fields: null, filters: {} });
  });

  it('should read offset, limit, fields and the attribute equality filters', () => {
    expect(parseTmfListQuery({ offset: '20', limit: '1000', fields: 'name, status,,relatedParty.name', name: 'Acme', status: 'approved' }, ['name', 'status'])).toEqual({
      offset: 20,
      limit: 1000,
      fields: ['name', 'status', 'relatedParty'],
      filters: { name: 'Acme', status: 'approved' },
    });
  });

  it('should name every bad paging parameter and unknown filter under query, with its rule', () => {
    const error = thrown(() => parseTmfListQuery({ offset: '-1', limit: '1001', colour: 'red', fields: ' , ' }, ['name']));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.status).toBe(400);
    expect(error.fields).toEqual([
      { field: 'query.offset', rule: 'integer', message: expect.any(String) },
      { field: 'query.limit', rule: 'max', message: 'limit must be at most 1000' },
      { field: 'query.fields', rule: 'required', message: expect.any(String) },
      { field: 'query.colour', rule: 'unknown_filter', message: expect.stringContaining('filter on name') },
    ]);
    expect(thrown(() => parseTmfListQuery({ limit: '0' }, [])).fields).toEqual([{ field: 'query.limit', rule: 'min', message: 'limit must be at least 1' }]);
    expect(thrown(() => parseTmfListQuery({ offset: '1.5' }, [])).fields?.[0]).toMatchObject({ field: 'query.offset', rule: 'integer' });
    expect(thrown(() => parseTmfListQuery({ limit: 'ten' }, [])).fields?.[0]).toMatchObject({ field: 'query.limit', rule: 'integer' });
  });

  it('should refuse a parameter given twice rather than pick one', () => {
    expect(thrown(() => parseTmfListQuery({ name: ['a', 'b'], limit: ['1', '2'] }, ['name'])).fields).toEqual([
      { field: 'query.limit', rule: 'repeated', message: 'Give limit once' },
      { field: 'query.name', rule: 'repeated', message: 'Give name once' },
    ]);
  });
});

describe('parseTmfFields', () => {
  it('should read only fields= for a single resource', () => {
    expect(parseTmfFields({})).toBeNull();
    expect(parseTmfFields(undefined)).toBeNull();
    expect(parseTmfFields({ fields: 'status,name,status', other: 'x' })).toEqual(['status', 'name']);
    expect(thrown(() => parseTmfFields({ fields: '' })).fields).toEqual([{ field: 'query.fields', rule: 'required', message: expect.any(String) }]);
    expect(thrown(() => parseTmfFields({ fields: ['a', 'b'] })).fields).toEqual([{ field: 'query.fields', rule: 'repeated', message: 'Give fields once' }]);
  });
});

describe('projectTmfFields', () => {
  const resource = { id: '1', href: 'http://h/tmf-api/x/v4/y/1', '@type': 'PhysicalResource', '@baseType': 'Resource', name: 'SIM', serialNumber: '8901', note: [{ text: 'n' }] };

  it('should keep only the listed top-level attributes and what identifies the resource', () => {
    expect(projectTmfFields(resource, ['serialNumber'])).toEqual({ id: '1', href: resource.href, '@type': 'PhysicalResource', '@baseType': 'Resource', serialNumber: '8901' });
    expect(projectTmfFields(resource, ['id'])).toEqual({ id: '1', href: resource.href, '@type': 'PhysicalResource', '@baseType': 'Resource' });
  });

  it('should keep the whole resource without fields=, and skip listed attributes it does not have', () => {
    expect(projectTmfFields(resource, null)).toBe(resource);
    expect(projectTmfFields(resource, ['nothing', 'note'])).toEqual({ id: '1', href: resource.href, '@type': 'PhysicalResource', '@baseType': 'Resource', note: [{ text: 'n' }] });
  });
});

describe('tmfFilterValue', () => {
  it('should give undefined when the list is not filtered on the attribute', () => {
    expect(tmfFilterValue({}, 'id', tmfUuid)).toBeUndefined();
  });

  it('should parse ids, texts and enums, and name query.<name> with the rule for a bad value', () => {
    expect(tmfFilterValue({ id: '6A1F0C9E-2A3B-4C5D-8E9F-0A1B2C3D4E5F' }, 'id', tmfUuid)).toBe('6a1f0c9e-2a3b-4c5d-8e9f-0a1b2c3d4e5f');
    expect(thrown(() => tmfFilterValue({ id: '42' }, 'id', tmfUuid)).fields).toEqual([{ field: 'query.id', rule: 'uuid', message: 'Must be an id (UUID)' }]);
    expect(tmfFilterValue({ name: 'Acme Wireless' }, 'name', tmfText)).toBe('Acme Wireless');
    expect(thrown(() => tmfFilterValue({ name: '' }, 'name', tmfText)).fields?.[0]).toMatchObject({ field: 'query.name', rule: 'required' });
    const states = tmfEnum(['acknowledged', 'inProgress', 'completed'] as const);
    expect(tmfFilterValue({ state: 'inProgress' }, 'state', states)).toBe('inProgress');
    expect(thrown(() => tmfFilterValue({ state: 'InProgress' }, 'state', states)).fields).toEqual([
      { field: 'query.state', rule: 'option', message: 'Must be one of: acknowledged, inProgress, completed' },
    ]);
  });

  it('should read ISO 8601 date-times with a zone at millisecond precision', () => {
    const at = (raw: string) => tmfFilterValue({ orderDate: raw }, 'orderDate', tmfDateTime)?.toISOString();
    expect(at('2026-11-26T18:58:46.123Z')).toBe('2026-11-26T18:58:46.123Z');
    expect(at('2026-11-26T18:58:46Z')).toBe('2026-11-26T18:58:46.000Z');
    expect(at('2026-11-26T18:58Z')).toBe('2026-11-26T18:58:00.000Z');
    expect(at('2026-11-26T20:58:46.1+02:00')).toBe('2026-11-26T18:58:46.100Z');
    expect(at('2026-11-26T13:58:46.123456-0500')).toBe('2026-11-26T18:58:46.123Z');
    expect(at('2024-02-29T00:00:00.000Z')).toBe('2024-02-29T00:00:00.000Z');
    for (const bad of ['2026-11-26', '2026-11-26T18:58:46', '2026-02-30T00:00:00Z', '2026-13-01T00:00:00Z', '2026-11-26T24:00:00Z', 'yesterday', '1764183526123']) {
      expect(thrown(() => at(bad)).fields, bad).toEqual([{ field: 'query.orderDate', rule: 'date_time', message: expect.stringContaining('ISO 8601') }]);
    }
  });
});
