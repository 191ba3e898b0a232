// The HTTP client of the console: every call sends the session's API key and turns problem+json into ApiError.

const KEY_STORAGE = 'rulesuspension.apiKey';

export function storedKey(): string | null {
  return sessionStorage.getItem(KEY_STORAGE);
}

export function storeKey(key: string | null): void {
  if (key) sessionStorage.setItem(KEY_STORAGE, key);
  else sessionStorage.removeItem(KEY_STORAGE);
}

export interface FieldError {
  path?: string;
  message: string;
  line?: number;
  column?: number;
  activityId?: string;
  connection?: unknown;
}

/** An error answer of the server (problem+json), or a network failure (status 0). */
export class ApiError extends Error {
  readonly status: number;
  readonly title: string;
  readonly detail?: string;
  readonly errors: FieldError[];
  readonly body: unknown;

  constructor(status: number, title: string, detail: string | undefined, errors: FieldError[], body: unknown) {
    super(detail ? `${title}: ${detail}` : title);
    this.status = status;
    this.title = title;
    this.detail = detail;
    this.errors = errors;
    this.body = body;
  }
}

/** problem+json `errors` come keyed by field (`{ "role": ["..."] }`) or as a list of objects; both become a flat list. */
export function flattenErrors(errors: unknown): FieldError[] {
  if (!errors) return [];
  if (Array.isArray(errors)) {
    return errors.map((e) => (typeof e === 'string' ? { message: e } : (e as FieldError)));
  }
  if (typeof errors === 'object') {
    const out: FieldError[] = [];
    for (const [path, value] of Object.entries(errors as Record<string, unknown>)) {
      const list = Array.isArray(value) ? value : [value];
      for (const item of list) {
        if (typeof item === 'string') out.push({ path, message: item });
        else if (item && typeof item === 'object') out.push({ path, ...(item as object) } as FieldError);
      }
    }
    return out;
  }
  return [];
}

let onUnauthorized: (() => void) | null = null;
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler;
}

export async function request<T>(method: string, url: string, body?: unknown, key = storedKey()): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (key) headers['X-Api-Key'] = key;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new ApiError(0, 'The server cannot be reached', 'Check that RuleSuspension is running.', [], null);
  }
  const text = await response.text();
  let parsed: unknown = null;
  if (text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = text;
    }
  }
  if (!response.ok) {
    const problem = (parsed && typeof parsed === 'object' ? parsed : {}) as Record<string, unknown>;
    const error = new ApiError(
      response.status,
      String(problem.title ?? response.statusText ?? 'Request failed'),
      problem.detail === undefined ? undefined : String(problem.detail),
      flattenErrors(problem.errors),
      parsed,
    );
    if (response.status === 401 && onUnauthorized && key === storedKey()) onUnauthorized();
    throw error;
  }
  return parsed as T;
}

export const api = {
  get: <T>(url: string) => request<T>('GET', url),
  post: <T>(url: string, body?: unknown) => request<T>('POST', url, body ?? {}),
  put: <T>(url: string, body: unknown) => request<T>('PUT', url, body),
};

export function query(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') search.set(k, String(v));
  const s = search.toString();
  return s ? `?${s}` : '';
}

export function enc(segment: string): string {
  return encodeURIComponent(segment);
}

// ---- Shapes of docs/api.md ----

export type Role = 'SuperAdmin' | 'Admin' | 'Finance' | 'Integration' | 'Viewer';
export const ROLES: Role[] = ['SuperAdmin', 'Admin', 'Finance', 'Integration', 'Viewer'];

export interface Me {
  name: string;
  role: Role;
  liftingRole?: Role;
}

export interface ActiveSuspension {
  id: string;
  kind: 'manual' | 'automatic';
  reasonCode: string;
  reasonText: string;
  suspendedAt: string;
  decidedBy: string;
}

export interface Customer {
  id: string;
  name: string;
  email: string;
  tenantId: string;
  planId?: string | null;
  tags: string[];
  identityVerified: boolean;
  exempt: boolean;
  /** The exemption's last day (yyyy-MM-dd, in the tenant's zone); null for no end. */
  exemptUntil?: string | null;
  accountManagers: string[];
  status: 'active' | 'suspended';
  suspension: ActiveSuspension | null;
  createdAt: string;
  updatedAt: string;
}

export interface Access {
  customerId: string;
  suspended: boolean;
  isActiveUser: boolean;
  invoiced: boolean;
  portal: 'full' | 'pay-invoices-only';
  message?: string | null;
  login?: {
    usersAllowed: boolean;
    userMessage?: string | null;
    accountManagersAllowed: boolean;
    accountManagerMessage?: string | null;
    accountManagers: string[];
  };
  notificationsPaused?: boolean;
  ingestionPaused?: boolean;
}

export interface SuspensionRecord {
  id: string;
  customerId: string;
  kind: string;
  reasonCode: string;
  reasonText: string;
  decidedBy: string;
  workflowInstanceId?: string | null;
  ruleName?: string | null;
  suspendedAt: string;
  active: boolean;
  liftedBy?: string | null;
  liftedAt?: string | null;
  liftReason?: string | null;
}

export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  action: string;
  customerId?: string | null;
  details: unknown;
}

export interface TaskItem {
  id: string;
  customerId: string;
  kind: string;
  title?: string;
  role?: string;
  outcomes?: string[];
  status: string;
  workflowInstanceId?: string | null;
  suspensionId?: string | null;
  reasonCode?: string | null;
  createdAt: string;
  completedAt?: string | null;
  completedBy?: string | null;
  outcome?: string | null;
  reason?: string | null;
}

/** `data`: a document in the rule language; `nrules`: code-defined in C# (rules read-only, thresholds editable). */
export type RuleSetKind = 'data' | 'nrules';

export interface RuleSetSummary {
  name: string;
  kind?: RuleSetKind;
  source?: string | null;
  description?: string;
  version: number;
  createdAt?: string;
  createdBy?: string;
}

export interface ParameterInfo {
  name: string;
  type: string;
  default?: unknown;
  min?: number | null;
  max?: number | null;
  description?: string;
  value?: unknown;
}

/** What-if before a threshold change: POST /api/rulesets/{name}/parameters/preview. */
export interface ParameterPreview {
  ruleSet: string;
  version: number;
  asOf?: string | null;
  customers: number;
  current: Record<string, number>;
  proposed: Record<string, number>;
  changed: number;
  page: number;
  pageSize: number;
  changes: Array<{ customerId: string; name: string; from: string; to: string; reasonCode?: string | null; message?: string | null }>;
  seconds: number;
}

export interface RuleAction {
  type: string;
  reasonCode?: string;
  message?: string;
  fact?: string;
  value?: string;
}

export interface RuleDoc {
  name: string;
  description?: string;
  priority: number;
  when: string;
  then: RuleAction[];
}

export interface RuleSetDocument {
  name: string;
  description?: string;
  version?: number;
  parameters: Array<Omit<ParameterInfo, 'value'>>;
  rules: RuleDoc[];
}

export interface RuleSetDetail {
  name: string;
  kind?: RuleSetKind;
  /** A code-defined set's assembly identity and content hash. */
  source?: string | null;
  description?: string | null;
  version: number;
  document: RuleSetDocument;
  parameters: ParameterInfo[];
  createdAt?: string;
  createdBy?: string;
}

export interface FiredRule {
  rule: string;
  priority: number;
  actions: Array<{ type: string; reasonCode?: string | null; message?: string | null; fact?: string | null }>;
}

export interface DecisionSummary {
  id: string;
  customerId: string;
  decidedAt: string;
  origin: string;
  ruleSetKind: RuleSetKind;
  ruleSetName: string;
  ruleSetVersion: number;
  outcome: string;
  reasonCode?: string | null;
  message?: string | null;
}

export interface DecisionResult {
  outcome: string;
  reasonCode?: string | null;
  message?: string | null;
  firedRules: FiredRule[];
}

export interface ReplayResult {
  decisionId: string;
  answer: 'same' | 'different';
  recorded: DecisionResult;
  replayed: DecisionResult;
}

export interface RuleSetVersion {
  version: number;
  change?: string;
  createdAt: string;
  createdBy?: string;
  parameterValues?: Record<string, unknown>;
}

export interface ExpressionCheck {
  valid: boolean;
  type?: string;
  errors: Array<{ line?: number; column?: number; message: string }>;
}

export interface WorkflowSummary {
  id: string;
  name: string;
  description?: string;
  latestVersion?: number;
  publishedVersion?: number | null;
  status?: string;
}

export interface WorkflowVersion {
  version: number;
  status: string;
  createdAt?: string;
  publishedAt?: string | null;
}

export interface ActivityProperty {
  name: string;
  type: string;
  required?: boolean;
  default?: unknown;
  description?: string;
  options?: unknown[] | null;
}

export interface ActivityType {
  type: string;
  displayName?: string;
  category?: string;
  description?: string;
  properties: ActivityProperty[];
  outcomes: string[];
}

export interface WorkflowValidationError {
  path?: string;
  activityId?: string | null;
  connection?: unknown;
  message: string;
  line?: number | null;
  column?: number | null;
}

export interface WorkflowInstance {
  id: string;
  definitionId: string;
  definitionVersion: number;
  customerId?: string;
  status: string;
  currentActivityId?: string | null;
  variables?: Record<string, unknown>;
  journal: Array<{ activityId: string; activityType?: string; outcome?: string | null; at?: string; summary?: unknown }>;
  createdAt?: string;
  updatedAt?: string;
  fault?: string | null;
  /** Set when the instance is faulted. */
  incident?: Incident | null;
}

export interface Incident {
  activityId?: string | null;
  activityType?: string | null;
  error?: string | null;
  at: string;
  customerId: string;
  customerName?: string | null;
}
