import { describe, expect, it } from 'vitest';
import { can, canCompleteTask, describeRoles } from './permissions';

describe('permissions', () => {
  it('lets only the lifting role and SuperAdmin lift, and says why', () => {
    expect(can('SuperAdmin', 'lift').allowed).toBe(true);
    expect(can('Admin', 'lift')).toEqual({ allowed: false, reason: 'Lifting needs the SuperAdmin role.' });
    expect(can('Admin', 'lift', 'Admin').allowed).toBe(true);
  });

  it('gives thresholds to Finance and SuperAdmin only', () => {
    expect(can('Finance', 'editThresholds').allowed).toBe(true);
    expect(can('Admin', 'editThresholds').reason).toBe('Changing thresholds needs the SuperAdmin or Finance role.');
  });

  it('lets Integration, Admin and SuperAdmin set an exemption, and finance preview a threshold change', () => {
    expect(can('Integration', 'editCustomers').allowed).toBe(true);
    expect(can('Finance', 'editCustomers').reason).toBe('Changing a customer needs the SuperAdmin, Admin or Integration role.');
    expect(can('Finance', 'evaluateRuleSets').allowed).toBe(true);
  });

  it('keeps Integration out of workflows and rule sets', () => {
    expect(can('Integration', 'readWorkflows').allowed).toBe(false);
    expect(can('Viewer', 'readWorkflows').allowed).toBe(true);
    expect(can('Viewer', 'editWorkflows').reason).toBe('Changing workflows needs the SuperAdmin or Admin role.');
  });

  it('lets a task be completed by its role and by SuperAdmin', () => {
    expect(canCompleteTask('Finance', 'Finance').allowed).toBe(true);
    expect(canCompleteTask('SuperAdmin', 'Finance').allowed).toBe(true);
    expect(canCompleteTask('Admin', undefined).reason).toBe('Lifting needs the SuperAdmin role.');
  });

  it('lists roles strongest first', () => {
    expect(describeRoles(['Finance', 'Admin', 'SuperAdmin'])).toBe('the SuperAdmin, Admin or Finance role');
  });
});
