import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter } from '@angular/router';
import type { OrgUnitNode, PlanVersion, Role } from '@lodestar/contracts';
import { AuthService } from '../auth/auth.service';
import { CONFLICT_SENTENCE, PlanVersionPageComponent } from './plan-version-page.component';
import { ANNA, HANNA, PLAN_METRICS, SALES_PLAN, SALES_RULES, VICTOR_FACTS, version } from './plan.fixtures';

const VERSION_URL = '/api/v1/plan-versions/v3';

const TREE: OrgUnitNode[] = [
  {
    id: 'u-company',
    key: 'company',
    name: 'Helix Lithography Systems',
    type: 'COMPANY',
    parentId: null,
    leader: null,
    headcount: 40,
    children: [],
  } as unknown as OrgUnitNode,
];

async function setUp(roles: Role[], userId: string, shown: PlanVersion = version()) {
  TestBed.configureTestingModule({
    imports: [PlanVersionPageComponent],
    providers: [
      provideHttpClient(),
      provideHttpClientTesting(),
      provideNoopAnimations(),
      provideRouter([]),
      {
        provide: AuthService,
        useValue: {
          user: signal({
            id: userId,
            name: 'Someone',
            email: 'someone@example.com',
            roles,
            mustChangePassword: false,
          }),
          roles: signal(roles),
        },
      },
    ],
  });
  const http = TestBed.inject(HttpTestingController);
  const fixture = TestBed.createComponent(PlanVersionPageComponent);
  fixture.componentRef.setInput('versionId', 'v3');
  const element: HTMLElement = fixture.nativeElement;
  document.body.appendChild(element);
  const render = async () => {
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();
  };
  fixture.detectChanges();
  http.expectOne('/api/v1/metrics').flush(PLAN_METRICS);
  http.expectOne('/api/v1/settings/fiscal-calendar').flush({ startMonth: 10, timeZone: 'UTC' });
  if (roles.includes('HR')) http.expectOne('/api/v1/org-units').flush(TREE);
  http.expectOne(VERSION_URL).flush(shown, { headers: { ETag: `"${shown.revision}"` } });
  http.expectOne('/api/v1/plans/p-sales').flush(SALES_PLAN);
  await render();

  const text = (testId: string) =>
    element.querySelector(`[data-testid="${testId}"]`)?.textContent?.replace(/\s+/g, ' ').trim() ?? null;
  const weight = (index: number) =>
    element.querySelector<HTMLInputElement>(`ls-plan-components-editor [data-testid="weight-${index}"]`);
  const type = async (index: number, value: string) => {
    const input = weight(index);
    if (!input) throw new Error(`no weight input ${index}`);
    input.value = value;
    input.dispatchEvent(new Event('input'));
    await render();
  };
  const saveButton = () => element.querySelector<HTMLButtonElement>('[data-testid="save"]');
  const save = async () => {
    saveButton()?.click();
    await render();
  };
  return { fixture, http, element, render, text, weight, type, saveButton, save };
}

describe('plan version page', () => {
  afterEach(() => {
    TestBed.inject(HttpTestingController).verify();
    document.body.replaceChildren();
  });

  it('shows the version with its status as a word and an icon, and its rules for HR to edit', async () => {
    const { element, text, weight, saveButton } = await setUp(['HR'], HANNA.id);
    expect(element.querySelector('h1')?.textContent?.replace(/\s+/g, ' ').trim()).toBe(
      'Sales incentive · version 3 Draft',
    );
    expect(element.querySelector('[data-testid="plan-status"] ls-icon')).not.toBeNull();
    expect(weight(0)?.value).toBe('60');
    expect(text('weights-total')).toBe('100 %');
    // Nothing changed yet: nothing to save.
    expect(saveButton()?.disabled).toBe(true);
    expect(text('read-only')).toBeNull();
  });

  it('disables Save with the sentence while the weights add up to 95 %, and enables it at 100 %', async () => {
    const { type, saveButton, text } = await setUp(['HR'], HANNA.id);
    await type(0, '55');
    expect(text('unsaved')).toBe('Unsaved changes');
    expect(saveButton()?.disabled).toBe(true);
    expect(text('save-blocker')).toBe(
      'The weights add up to 95 %, not 100 %: change them so they add up to exactly 100 % before saving.',
    );
    await type(1, '45');
    expect(text('save-blocker')).toBeNull();
    expect(saveButton()?.disabled).toBe(false);
  });

  it('saves with If-Match of the version as read, and sends the new ETag with the next save', async () => {
    const { http, type, save, text, render } = await setUp(['HR'], HANNA.id);
    await type(0, '50');
    await type(1, '50');
    await save();
    const first = http.expectOne((request) => request.method === 'PATCH' && request.url === VERSION_URL);
    expect(first.request.headers.get('If-Match')).toBe('"7"');
    expect(first.request.body.rules.components.map((c: { weight: string }) => c.weight)).toEqual([
      '50',
      '50',
    ]);
    expect(first.request.body.notes).toBeUndefined();
    const savedRules = { ...SALES_RULES, components: first.request.body.rules.components };
    first.flush(version({ revision: 8, rules: savedRules }), { headers: { ETag: '"8"' } });
    await render();
    expect(text('notice')).toBe('Saved.');
    expect(text('unsaved')).toBeNull();

    await type(0, '40');
    await type(1, '60');
    await save();
    const second = http.expectOne((request) => request.method === 'PATCH' && request.url === VERSION_URL);
    expect(second.request.headers.get('If-Match')).toBe('"8"');
    second.flush(version({ revision: 9 }), { headers: { ETag: '"9"' } });
  });

  it('keeps the edits on screen when someone else changed the version, until Reload is chosen', async () => {
    const { http, type, save, text, weight, saveButton, element, render } = await setUp(['HR'], HANNA.id);
    await type(0, '50');
    await type(1, '50');
    await save();
    http
      .expectOne((request) => request.method === 'PATCH')
      .flush(
        {
          type: 'about:blank',
          title: 'Precondition Failed',
          status: 412,
          detail: 'The version changed since it was read.',
        },
        { status: 412, statusText: 'Precondition Failed' },
      );
    await render();
    expect(text('conflict')).toContain(`${CONFLICT_SENTENCE}.`);
    expect(weight(0)?.value).toBe('50');
    expect(weight(1)?.value).toBe('50');
    expect(text('unsaved')).toBe('Unsaved changes');
    expect(saveButton()?.disabled).toBe(true);

    element.querySelector<HTMLButtonElement>('[data-testid="conflict-reload"]')?.click();
    await render();
    const theirs = {
      ...SALES_RULES,
      components: [
        { ...SALES_RULES.components[0], weight: '70' },
        { ...SALES_RULES.components[1], weight: '30' },
      ],
    };
    http.expectOne(VERSION_URL).flush(version({ revision: 8, rules: theirs }), { headers: { ETag: '"8"' } });
    await render();
    expect(text('conflict')).toBeNull();
    expect(weight(0)?.value).toBe('70');
    expect(text('unsaved')).toBeNull();
  });

  it('previews a participant once fetched and recomputes a weight change in the browser, without another request', async () => {
    const { http, type, text, element, render } = await setUp(['HR'], HANNA.id);
    const participant = element.querySelector<HTMLSelectElement>('[data-testid="preview-participant"]');
    if (!participant) throw new Error('no participant picker');
    participant.value = 'u-victor';
    participant.dispatchEvent(new Event('change'));
    await render();
    const request = http.expectOne((candidate) => candidate.url === `${VERSION_URL}/preview-facts`);
    expect(request.request.params.get('participant')).toBe('u-victor');
    expect(request.request.params.get('period')).toMatch(/^FY\d{4}-Q[1-4]$/);
    request.flush(VICTOR_FACTS);
    await render();
    // 0.6 × 150 % + 0.4 × 120 % = 138 % of 40,000 × 92 ÷ 365.
    expect(text('preview-total')).toBe('138.0 %');
    expect(text('preview-amount')).toBe('€13,913.42');
    expect(text('preview-payout-quota')).toBe('150.0 %');

    await type(0, '50');
    expect(text('preview-problems')).toContain(
      'The weights add up to 90 %; they must add up to exactly 100 %.',
    );
    await type(1, '50');
    expect(text('preview-total')).toBe('135.0 %');
    expect(text('preview-amount')).toBe('€13,610.96');
    expect(text('preview-saved')).toBe('Saved rules: 138.0 %, €13,913.42');
    http.expectNone((candidate) => candidate.url.includes('preview-facts'));
  });

  it('shows a version in review read-only to an approver, with Approve and Reject', async () => {
    const { element, text } = await setUp(['APPROVER'], ANNA.id, version({ status: 'IN_REVIEW' }));
    expect(text('read-only')).toBe('Read only: this version is in review, and only drafts can be edited.');
    expect(element.querySelectorAll('ls-plan-components-editor input').length).toBe(0);
    expect(element.querySelector('[data-testid="save"]')).toBeNull();
    const actions = Array.from(element.querySelectorAll('[data-testid="version-actions"] button')).map(
      (button) => button.textContent?.trim(),
    );
    expect(actions).toEqual(['Approve', 'Reject']);
  });

  it('shows the reason a draft was rejected', async () => {
    const { text } = await setUp(
      ['HR'],
      HANNA.id,
      version({
        rejection: { by: ANNA, at: '2026-11-21T10:00:00.000Z', reason: 'Lower the quota weight to 50 %.' },
      }),
    );
    expect(text('rejection')).toContain('Rejected by Anna Berg');
    expect(text('rejection')).toContain('Lower the quota weight to 50 %.');
  });

  it('sends a participant added to the draft as the whole list with If-Match', async () => {
    const { http, element, render } = await setUp(['HR'], HANNA.id);
    Array.from(element.querySelectorAll<HTMLButtonElement>('ls-participants-table button'))
      .find((button) => button.textContent?.includes('Add a participant'))
      ?.click();
    await render();
    const form = element.querySelector('[data-testid="participant-form"]');
    const set = (selector: string, value: string, event = 'input') => {
      const field = form?.querySelector<HTMLInputElement | HTMLSelectElement>(selector);
      if (!field) throw new Error(`no field ${selector}`);
      field.value = value;
      field.dispatchEvent(new Event(event));
    };
    set('input[type="email"]', 'vp.service@example.com');
    set('select', 'company', 'change');
    set('input[inputmode="decimal"]', '35,000');
    set('input[aria-label="In the plan from"]', '2026-10-01');
    await render();
    Array.from(form?.querySelectorAll<HTMLButtonElement>('button') ?? [])
      .find((button) => button.textContent?.trim() === 'Save')
      ?.click();
    await render();
    const put = http.expectOne(`${VERSION_URL}/participants`);
    expect(put.request.method).toBe('PUT');
    expect(put.request.headers.get('If-Match')).toBe('"7"');
    expect(put.request.body.participants).toEqual([
      {
        user: 'vp.sales@example.com',
        orgUnit: 'sales',
        annualTargetBonus: '40000.00',
        startDate: '2026-10-01',
        endDate: null,
      },
      {
        user: 'vp.service@example.com',
        orgUnit: 'company',
        annualTargetBonus: '35000',
        startDate: '2026-10-01',
        endDate: null,
      },
    ]);
    put.flush(version({ revision: 8 }), { headers: { ETag: '"8"' } });
  });

  it('imports participants from a CSV file with If-Match and shows the version it answers', async () => {
    const { http, element, render, text, type, save } = await setUp(['HR'], HANNA.id);
    const input = element.querySelector<HTMLInputElement>('#participants-import input[type=file]');
    if (!input) throw new Error('no file input');
    const file = new File(
      [
        'email,org_unit,annual_target_bonus,start_date,end_date\nvp.sales@example.com,sales,40000,2026-10-01,\n',
      ],
      'participants.csv',
      { type: 'text/csv' },
    );
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    input.dispatchEvent(new Event('change'));
    await render();
    Array.from(element.querySelectorAll<HTMLButtonElement>('#participants-import button'))
      .find((button) => button.textContent?.trim() === 'Import')
      ?.click();
    await render();
    const post = http.expectOne(`${VERSION_URL}/participants/imports`);
    expect(post.request.method).toBe('POST');
    expect(post.request.headers.get('If-Match')).toBe('"7"');
    expect((post.request.body as FormData).get('file')).toBeInstanceOf(File);
    const imported = version({
      revision: 8,
      participantCount: 2,
      participants: [
        ...version().participants,
        {
          id: 'pp-2',
          user: { id: 'u-olu', name: 'Olu Adeyemi', email: 'vp.operations@example.com' },
          orgUnit: { key: 'operations', name: 'Operations' },
          annualTargetBonus: '35000.00',
          startDate: '2026-10-01',
          endDate: null,
        },
      ],
    });
    post.flush(imported, { headers: { ETag: '"8"' } });
    await render();
    expect(text('import-summary')).toBe(
      'participants.csv imported: 2 participants now take part in this version.',
    );
    expect(text('participants-total')).toBe('€75,000');

    // The next edit goes with the ETag the import answered.
    await type(0, '50');
    await type(1, '50');
    await save();
    const patch = http.expectOne((request) => request.method === 'PATCH');
    expect(patch.request.headers.get('If-Match')).toBe('"8"');
    patch.flush(imported, { headers: { ETag: '"9"' } });
  });

  it('shows the reload banner when an import finds the version changed', async () => {
    const { http, element, render, text } = await setUp(['HR'], HANNA.id);
    const input = element.querySelector<HTMLInputElement>('#participants-import input[type=file]');
    if (!input) throw new Error('no file input');
    const file = new File(['email\n'], 'participants.csv', { type: 'text/csv' });
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    input.dispatchEvent(new Event('change'));
    await render();
    Array.from(element.querySelectorAll<HTMLButtonElement>('#participants-import button'))
      .find((button) => button.textContent?.trim() === 'Import')
      ?.click();
    await render();
    http.expectOne(`${VERSION_URL}/participants/imports`).flush(
      {
        status: 412,
        title: 'Precondition Failed',
        detail: 'The version changed since it was read: reload it.',
      },
      { status: 412, statusText: 'Precondition Failed' },
    );
    await render();
    expect(text('conflict')).toContain(CONFLICT_SENTENCE);
    expect(text('import-refused')).toContain('Nothing was stored.');
  });

  it('approves a version in review once confirmed and shows it approved', async () => {
    const { http, element, render, text } = await setUp(
      ['APPROVER'],
      ANNA.id,
      version({ status: 'IN_REVIEW' }),
    );
    element
      .querySelector<HTMLButtonElement>('[data-testid="version-actions"] button[data-action="approve"]')
      ?.click();
    await render();
    Array.from(document.querySelectorAll<HTMLButtonElement>('mat-dialog-container button'))
      .find((button) => button.textContent?.trim() === 'Approve')
      ?.click();
    await render();
    const approve = http.expectOne(`${VERSION_URL}/approve`);
    expect(approve.request.method).toBe('POST');
    approve.flush(
      version({ status: 'APPROVED', revision: 8, approvedBy: ANNA, approvedAt: '2026-11-22T10:00:00.000Z' }),
      { headers: { ETag: '"8"' } },
    );
    http.expectOne('/api/v1/plans/p-sales').flush(SALES_PLAN);
    await render();
    expect(text('plan-status')).toBe('Approved');
    expect(text('notice')).toBe(
      'Approved: its curves, weights and target bonuses are frozen; HR publishes it.',
    );
    expect(element.querySelectorAll('[data-testid="version-actions"] button').length).toBe(0);
  });

  it('shows an approver’s refusal in the API’s words', async () => {
    const { http, element, render } = await setUp(['APPROVER'], ANNA.id, version({ status: 'IN_REVIEW' }));
    element.querySelector<HTMLButtonElement>('button[data-action="approve"]')?.click();
    await render();
    Array.from(document.querySelectorAll<HTMLButtonElement>('mat-dialog-container button'))
      .find((button) => button.textContent?.trim() === 'Approve')
      ?.click();
    await render();
    http.expectOne(`${VERSION_URL}/approve`).flush(
      {
        status: 403,
        title: 'Forbidden',
        detail: 'You take part in this version, so another approver must decide it.',
      },
      { status: 403, statusText: 'Forbidden' },
    );
    await render();
    expect(element.querySelector('ls-inline-error')?.textContent?.trim()).toBe(
      'You take part in this version, so another approver must decide it.',
    );
  });
});
