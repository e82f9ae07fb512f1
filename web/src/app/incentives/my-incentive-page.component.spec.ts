import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import type { Inquiry, MyIncentive } from '@lodestar/contracts';
import axe from 'axe-core';
import { INQUIRY, MY_INCENTIVE, NO_INCENTIVE, STATEMENT } from './incentive.fixtures';
import { MyIncentivePageComponent } from './my-incentive-page.component';

const ME = '/api/v1/incentives/me';

let controller: HttpTestingController | null = null;

function setUp() {
  TestBed.configureTestingModule({
    imports: [MyIncentivePageComponent],
    providers: [provideHttpClient(), provideHttpClientTesting(), provideNoopAnimations()],
  });
  const fixture = TestBed.createComponent(MyIncentivePageComponent);
  const http = TestBed.inject(HttpTestingController);
  controller = http;
  const element: HTMLElement = fixture.nativeElement;
  document.body.appendChild(element);
  const render = async () => {
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();
  };
  fixture.detectChanges();
  return { fixture, http, element, render };
}

async function loaded(mine: MyIncentive = MY_INCENTIVE) {
  const setup = setUp();
  setup.http.expectOne({ method: 'GET', url: ME }).flush(mine);
  await setup.render();
  return setup;
}

/** The text of an element as a reader sees it: each piece of text apart from the next. */
function text(element: Element | null | undefined): string {
  if (!element) return '';
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  const pieces: string[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) pieces.push(node.textContent ?? '');
  return pieces.join(' ').replace(/\s+/g, ' ').trim();
}

const button = (root: ParentNode, name: RegExp) => {
  const found = [...root.querySelectorAll<HTMLButtonElement>('button')].find((candidate) =>
    name.test(text(candidate)),
  );
  if (!found) throw new Error(`No button ${name}`);
  return found;
};

function type(root: ParentNode, selector: string, value: string) {
  const field = root.querySelector<HTMLInputElement | HTMLTextAreaElement>(selector);
  if (!field) throw new Error(`No field ${selector}`);
  field.value = value;
  field.dispatchEvent(new Event('input'));
  field.dispatchEvent(new Event('blur'));
}

async function openStatement(setup: Awaited<ReturnType<typeof loaded>>, id = STATEMENT.id) {
  const row = setup.element.querySelector(
    `[data-testid="history-row"][data-statement="${id}"]`,
  ) as HTMLElement;
  row.click();
  await setup.render();
  const request = setup.http.expectOne({ method: 'GET', url: `/api/v1/statements/${id}` });
  return request;
}

afterEach(() => {
  // Nothing asked beyond what each test expects: never anyone else's statements.
  controller?.verify();
  controller = null;
  document.body.innerHTML = '';
});

describe('My incentive: acknowledgement', () => {
  it('asks to acknowledge only the published version not yet acknowledged, posts it and shows the date', async () => {
    const { http, element, render } = await loaded();
    const banners = element.querySelectorAll('[data-testid="acknowledgement"]');
    expect(banners).toHaveLength(1);
    expect(banners[0].getAttribute('data-version')).toBe('ver-sales-2');
    expect(text(banners[0])).toContain('Sales leadership incentive, version 2');
    expect(text(banners[0])).toContain('in effect from FY2027-Q1');
    expect(text(banners[0])).toContain('€60,000.00');

    button(banners[0], /Acknowledge/).click();
    await render();
    const sent = http.expectOne({ method: 'POST', url: '/api/v1/plan-versions/ver-sales-2/acknowledge' });
    expect(sent.request.body).toBeNull();
    sent.flush({ acknowledgedAt: '2026-11-23T10:15:00.000Z' });
    await render();

    const banner = element.querySelector('[data-testid="acknowledgement"]') as HTMLElement;
    expect(text(banner.querySelector('[data-testid="acknowledged"]'))).toMatch(
      /^You acknowledged this version on Nov 23, 2026/,
    );
    expect(banner.querySelector('[data-testid="acknowledge"]')).toBeNull();
  });

  it('shows the API’s sentence when the acknowledgement is refused, and keeps the button', async () => {
    const { http, element, render } = await loaded();
    button(element, /Acknowledge/).click();
    http.expectOne({ method: 'POST', url: '/api/v1/plan-versions/ver-sales-2/acknowledge' }).flush(
      {
        type: 'about:blank',
        title: 'Conflict',
        status: 409,
        detail:
          'Version 2 of Sales leadership incentive is not published any more; there is nothing to acknowledge.',
      },
      { status: 409, statusText: 'Conflict' },
    );
    await render();
    expect(text(element.querySelector('[data-testid="acknowledge-problem"]'))).toContain(
      'is not published any more',
    );
    expect(element.querySelector('[data-testid="acknowledge"]')).toBeTruthy();
  });
});

describe('My incentive: the open quarter and the history', () => {
  it('shows the projection, labelled as one, with what it takes and its calculation', async () => {
    const { element } = await loaded();
    const current = element.querySelector('[data-testid="current"]') as HTMLElement;
    expect(text(current.querySelector('h2'))).toBe('This quarter: FY2027-Q1 (projection)');
    expect(text(current.querySelector('[data-testid="statement-status"]'))).toBe('Projection');
    expect(text(current.querySelector('[data-testid="statement-payable"]'))).toBe('€20,231.93');
    const margin = current.querySelector('[data-testid="what-it-takes-row"][data-component="margin"]');
    expect(text(margin)).toContain('39.2 %');
    expect(text(margin)).toContain('Short of target: 80.0 %');
    expect(text(margin)).toContain('at least 40.0 %');
    expect(text(margin)).toContain('200.0 %');
    expect(text(margin)).toContain('An adjusted margin of 40 % pays target');
    expect(current.querySelector('[data-testid="statement-trace"]')).toBeTruthy();
  });

  it('lists past statements, a closed one as in review, and opens one with its trace on click', async () => {
    const setup = await loaded();
    const rows = [...setup.element.querySelectorAll('[data-testid="history-row"]')].map(text);
    expect(rows).toEqual([
      'FY2026-Q4 Closed — in review 91.4 % €13,822.68 0',
      'FY2026-Q3 Released 82.6 % €12,606.05 1',
      'FY2026-Q2 Released 76.2 % €11,273.42 0',
    ]);
    const request = await openStatement(setup);
    request.flush(STATEMENT);
    await setup.render();
    const selected = setup.element.querySelector('[data-testid="selected"]') as HTMLElement;
    expect(text(selected.querySelector('h2'))).toBe('Past statement: FY2026-Q3');
    expect(text(selected.querySelector('[data-testid="statement-payable"]'))).toBe('€12,606.05');
    expect(selected.querySelector('[data-testid="statement-trace"] [data-line="rounding"]')).toBeTruthy();
    expect(text(selected.querySelector('[data-testid="inquiry-status"]'))).toBe('Open');
    // A released statement has nothing left to reach: no "what it takes".
    expect(selected.querySelector('[data-testid="what-it-takes-section"]')).toBeNull();
  });

  it('opens a statement by keyboard from its quarter’s button', async () => {
    const { http, element, render } = await loaded();
    const open = element.querySelector<HTMLButtonElement>(
      '[data-statement="st-fy26-q4"] button[aria-label="Open the statement of FY2026-Q4"]',
    ) as HTMLButtonElement;
    // Enter on a button is a click.
    open.click();
    await render();
    http.expectOne({ method: 'GET', url: '/api/v1/statements/st-fy26-q4' });
    expect(open.getAttribute('aria-pressed')).toBe('true');
  });

  it('says so in a sentence when a statement is refused', async () => {
    const setup = await loaded();
    const request = await openStatement(setup);
    request.flush(null, { status: 403, statusText: 'Forbidden' });
    await setup.render();
    const selected = setup.element.querySelector('[data-testid="selected"]') as HTMLElement;
    expect(text(selected)).toContain('You are not allowed to see this.');
    expect(() => button(selected, /Try again/)).toThrow();
  });
});

describe('My incentive: inquiries', () => {
  it('checks the reason and the text before sending, then posts them and lists the inquiry as open', async () => {
    const setup = await loaded();
    const request = await openStatement(setup);
    request.flush({ ...STATEMENT, inquiries: [], openInquiries: 0 });
    await setup.render();
    const selected = setup.element.querySelector('[data-testid="selected"]') as HTMLElement;
    expect(text(selected.querySelector('[data-testid="no-inquiries"]'))).toBe(
      'No inquiries on this statement.',
    );

    button(selected, /Raise an inquiry/).click();
    await setup.render();
    type(selected, 'textarea[name="text"]', 'too short');
    await setup.render();
    button(selected, /Send the inquiry/).click();
    await setup.render();
    setup.http.expectNone({ method: 'POST', url: `/api/v1/statements/${STATEMENT.id}/inquiries` });
    expect(text(selected.querySelector('[data-testid="inquiry-reason-error"]'))).toBe(
      'Choose what the inquiry is about.',
    );
    expect(text(selected.querySelector('[data-testid="inquiry-text-error"]'))).toBe(
      'Say what looks wrong and why, in at least 10 characters.',
    );

    type(selected, 'textarea[name="text"]', 'x'.repeat(4001));
    await setup.render();
    expect(text(selected.querySelector('[data-testid="inquiry-text-error"]'))).toBe(
      'At most 4,000 characters: shorten it by 1.',
    );
    expect(text(selected.querySelector('[data-testid="inquiry-count"]'))).toBe('4,001 / 4,000');

    (selected.querySelector('[data-reason="DATA_ERROR"] input') as HTMLInputElement).click();
    const words =
      '  The CX index of Sales counts 412 answers, but our survey tool shows 498 for the quarter.  ';
    type(selected, 'textarea[name="text"]', words);
    await setup.render();
    button(selected, /Send the inquiry/).click();
    await setup.render();
    const sent = setup.http.expectOne({
      method: 'POST',
      url: `/api/v1/statements/${STATEMENT.id}/inquiries`,
    });
    expect(sent.request.body).toEqual({ reason: 'DATA_ERROR', text: words.trim() });
    const raised: Inquiry = { ...INQUIRY, id: 'inq-2', reason: 'DATA_ERROR', text: words.trim() };
    sent.flush(raised);
    await setup.render();

    expect(text(selected.querySelector('[data-testid="inquiry-notice"]'))).toContain(
      'Your inquiry on FY2026-Q3 was sent to HR',
    );
    const listed = selected.querySelector('[data-testid="inquiry"]') as HTMLElement;
    expect(text(listed.querySelector('[data-testid="inquiry-status"]'))).toBe('Open');
    expect(text(listed)).toContain('An input value is wrong');
    expect(text(listed)).toContain('Waiting for HR’s answer.');
    expect(selected.querySelector('textarea[name="text"]')).toBeNull();
    const row = setup.element.querySelector(`[data-testid="history-row"][data-statement="${STATEMENT.id}"]`);
    expect(text(row)).toMatch(/ 2$/);
  });

  it('shows HR’s answer and the adjusted amount of an answered inquiry', async () => {
    const setup = await loaded();
    const request = await openStatement(setup);
    request.flush({
      ...STATEMENT,
      inquiries: [
        {
          ...INQUIRY,
          status: 'ADJUSTED',
          adjustment: '310.40',
          response: 'The gate was applied correctly, but the quota figure was restated.',
          answeredBy: { id: 'u-hanna', name: 'Hanna Richter' },
          answeredAt: '2026-07-28T09:00:00.000Z',
        },
      ],
    });
    await setup.render();
    const listed = setup.element.querySelector(
      '[data-testid="selected"] [data-testid="inquiry"]',
    ) as HTMLElement;
    expect(text(listed.querySelector('[data-testid="inquiry-status"]'))).toBe('Adjusted: +€310.40');
    expect(text(listed.querySelector('[data-testid="inquiry-response"]'))).toContain(
      'Hanna Richter, HR answered',
    );
    expect(text(listed.querySelector('[data-testid="inquiry-response"]'))).toContain(
      'the quota figure was restated',
    );
  });
});

describe('My incentive: states', () => {
  it('tells someone in no plan how they get into one', async () => {
    const { element } = await loaded(NO_INCENTIVE);
    expect(text(element.querySelector('[data-testid="not-in-plan"]'))).toContain(
      'You are not in an incentive plan yet — HR adds participants to a plan version.',
    );
    expect(element.querySelector('[data-testid="history"]')).toBeNull();
    expect(element.querySelector('[data-testid="acknowledgement"]')).toBeNull();
  });

  it('shows loading, then a refusal as a sentence without a retry', async () => {
    const { http, element, render } = setUp();
    await render();
    expect(text(element)).toContain('Loading your incentive…');
    http.expectOne(ME).flush(null, { status: 403, statusText: 'Forbidden' });
    await render();
    expect(text(element.querySelector('[role="alert"]'))).toContain('You are not allowed to see this.');
    expect(() => button(element, /Try again/)).toThrow();
  });

  it('offers to try again after a failure, and asks again', async () => {
    const { http, element, render } = setUp();
    http.expectOne(ME).flush(null, { status: 503, statusText: 'Service Unavailable' });
    await render();
    expect(text(element)).toContain('Your incentive could not be loaded');
    button(element, /Try again/).click();
    http.expectOne(ME).flush(MY_INCENTIVE);
    await render();
    expect(element.querySelector('[data-testid="current"]')).toBeTruthy();
  });
});

describe('My incentive: accessibility', () => {
  it('has no serious or critical axe violations with the projection, a statement, its trace and an inquiry form open', async () => {
    const setup = await loaded();
    const request = await openStatement(setup);
    request.flush(STATEMENT);
    await setup.render();
    const selected = setup.element.querySelector('[data-testid="selected"]') as HTMLElement;
    button(selected, /Show the calculation/).click();
    button(selected, /Raise an inquiry/).click();
    await setup.render();

    // axe measures icon ligatures on a canvas, which jsdom does not draw.
    const canvas = jest.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
    const result = await axe.run(setup.element, {
      resultTypes: ['violations'],
      // jsdom lays nothing out and paints nothing: contrast is checked in the browser.
      rules: { 'color-contrast': { enabled: false } },
    });
    const serious = result.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.html).join(' | ')}`);
    canvas.mockRestore();
    expect(serious).toEqual([]);
  }, 60_000);
});
