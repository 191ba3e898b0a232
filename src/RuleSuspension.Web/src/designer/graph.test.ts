import { describe, expect, it } from 'vitest';
import type { ActivityType } from '../api';
import { fromGraph, metaOf, needsLayout, newActivityId, placeErrors, takenPath, toGraph, type Definition } from './graph';

const catalogue: ActivityType[] = [
  { type: 'EvaluateRuleSet', properties: [], outcomes: ['Suspend', 'Review', 'Warn', 'None'] },
  { type: 'HumanTask', properties: [], outcomes: ['Lift', 'Keep'] },
  { type: 'End', properties: [], outcomes: [] },
];

const definition: Definition = {
  id: 'wf',
  name: 'Workflow',
  start: 'evaluate',
  triggers: [{ event: 'customer.signed-up' }],
  variables: [],
  activities: [
    { id: 'evaluate', type: 'EvaluateRuleSet', properties: { ruleSet: 'signup' }, position: { x: 0, y: 0 } },
    { id: 'review', type: 'HumanTask', properties: { outcomes: ['Lift', 'Keep', 'Escalate'], role: '' }, position: { x: 0, y: 140 } },
    { id: 'end', type: 'End', properties: {}, position: { x: 200, y: 280 } },
  ],
  connections: [
    { from: 'evaluate', outcome: 'Suspend', to: 'review' },
    { from: 'review', outcome: 'Keep', to: 'end' },
  ],
};

describe('graph conversion', () => {
  it('round-trips a definition, dropping empty properties', () => {
    const { nodes, edges } = toGraph(definition, catalogue);
    expect(nodes.map((n) => n.data.outcomes)).toEqual([['Suspend', 'Review', 'Warn', 'None'], ['Lift', 'Keep', 'Escalate'], []]);
    expect(nodes[0].data.isStart).toBe(true);
    const back = fromGraph(metaOf(definition), nodes, edges);
    expect(back.activities[1].properties).toEqual({ outcomes: ['Lift', 'Keep', 'Escalate'] });
    expect(back.connections).toEqual(definition.connections);
    expect(back.start).toBe('evaluate');
  });

  it('picks a start when none is set', () => {
    const { nodes, edges } = toGraph({ ...definition, start: '' }, catalogue);
    expect(fromGraph({ ...metaOf(definition), start: '' }, nodes, edges).start).toBe('evaluate');
  });

  it('makes unique ids', () => {
    expect(newActivityId('SuspendCustomer', [])).toBe('suspend-customer');
    expect(newActivityId('SuspendCustomer', ['suspend-customer'])).toBe('suspend-customer-2');
  });

  it('lays out when positions are missing or all the same', () => {
    expect(needsLayout(definition)).toBe(false);
    expect(needsLayout({ ...definition, activities: definition.activities.map((a) => ({ ...a, position: { x: 0, y: 0 } })) })).toBe(true);
  });
});

describe('validation errors', () => {
  it('go to the activity, the property and the connection they concern', () => {
    const placed = placeErrors(definition, [
      { path: '$.activities[1].properties.role', message: 'role is required', activityId: 'review' },
      { path: '$.activities[0].properties.condition', message: 'unknown member', line: 1, column: 5 },
      { path: '$.connections[1]', message: 'bad', connection: 'review --Keep--> end' },
      { path: '$.name', message: 'name is required' },
    ]);
    expect(placed.byActivity.get('review')).toEqual(['role is required']);
    expect(placed.byActivity.get('evaluate')).toEqual(['unknown member (line 1, column 5)']);
    expect(placed.byProperty.get('review/role')?.[0].message).toBe('role is required');
    expect(placed.byEdge.get('review:Keep->end')).toEqual(['bad']);
    expect(placed.general.map((e) => e.message)).toEqual(['name is required']);
  });
});

describe('the path an instance took', () => {
  it('follows the journal', () => {
    const { steps, edges } = takenPath(definition, [
      { activityId: 'evaluate', outcome: 'Suspend' },
      { activityId: 'review', outcome: 'Keep' },
      { activityId: 'end' },
    ]);
    expect([...edges]).toEqual(['evaluate:Suspend->review', 'review:Keep->end']);
    expect(steps.get('end')).toEqual([3]);
  });
});
