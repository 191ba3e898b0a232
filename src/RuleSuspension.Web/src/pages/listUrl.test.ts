import { describe, expect, it } from 'vitest';
import { filteredListUrl } from './listUrl';

describe('filteredListUrl', () => {
  it('keeps the filters in the list page URL', () => {
    expect(filteredListUrl('/customers', '/customers', { search: 'escalated', status: 'suspended' })).toBe('/customers?search=escalated&status=suspended');
    expect(filteredListUrl('/customers', '/customers', { search: '', status: '' })).toBe('/customers');
  });

  it('leaves a page a followed link opened before the search settled', () => {
    expect(filteredListUrl('/customers', '/customers/c-escalated', { search: 'escalated', status: '' })).toBeNull();
  });
});
