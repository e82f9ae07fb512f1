import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import type { MeasurementGridCell } from '@lodestar/contracts';
import { MeasurementDraft, MeasurementEditorComponent } from './measurement-editor.component';
import type { MeasuredMetric } from './measurement-format';

const QUOTA: MeasuredMetric = {
  key: 'quota_attainment',
  name: 'Quota attainment',
  unit: 'percent',
  aggregation: 'ratio',
  direction: 'higher',
};
const REVENUE: MeasuredMetric = {
  key: 'revenue',
  name: 'Revenue',
  unit: 'currency',
  aggregation: 'sum',
  direction: 'higher',
};

function setUp(
  metric: MeasuredMetric,
  cell: MeasurementGridCell | null = null,
  initial: string | null = null,
) {
  TestBed.configureTestingModule({
    imports: [MeasurementEditorComponent],
    providers: [provideNoopAnimations()],
  });
  const fixture = TestBed.createComponent(MeasurementEditorComponent);
  fixture.componentRef.setInput('metric', metric);
  fixture.componentRef.setInput('unitName', 'Key Accounts');
  fixture.componentRef.setInput('month', '2025-11');
  fixture.componentRef.setInput('cell', cell);
  fixture.componentRef.setInput('initial', initial);
  fixture.detectChanges();
  const element: HTMLElement = fixture.nativeElement;
  const drafts: MeasurementDraft[] = [];
  let cancelled = 0;
  fixture.componentInstance.saveDraft.subscribe((draft) => drafts.push(draft));
  fixture.componentInstance.cancelEdit.subscribe(() => cancelled++);
  const labels = () =>
    Array.from(element.querySelectorAll('mat-form-field mat-label')).map((label) =>
      label.textContent?.trim(),
    );
  const input = (label: string) => {
    const field = Array.from(element.querySelectorAll('mat-form-field')).find(
      (candidate) => candidate.querySelector('mat-label')?.textContent?.trim() === label,
    );
    const control = field?.querySelector('input');
    if (!control) throw new Error(`no input labelled ${label}`);
    return control;
  };
  const type = (label: string, text: string) => {
    const control = input(label);
    control.value = text;
    control.dispatchEvent(new Event('input'));
    fixture.detectChanges();
  };
  const submit = () => {
    element.querySelector('form')?.dispatchEvent(new Event('submit'));
    fixture.detectChanges();
  };
  const errors = () =>
    Array.from(element.querySelectorAll('mat-error')).map((error) => error.textContent?.trim());
  return { fixture, element, drafts, labels, input, type, submit, errors, cancelled: () => cancelled };
}

describe('measurement editor', () => {
  it('asks a new month of a sum metric for one value and no reason, and sends it as a decimal string', () => {
    const { element, labels, type, submit, drafts } = setUp(REVENUE);
    expect(element.querySelector('h3')?.textContent?.trim()).toBe('Enter Key Accounts · November 2025');
    expect(element.textContent).toContain('No value yet.');
    expect(labels()).toEqual(['Value']);
    type('Value', '1,250,000');
    submit();
    expect(drafts).toEqual([{ value: '1250000' }]);
  });

  it('asks a ratio metric for both its numerator and its denominator, and previews the ratio', () => {
    const { element, labels, type, submit, drafts, errors } = setUp(QUOTA);
    expect(labels()).toEqual(['Bookings', 'Quota']);
    type('Bookings', '1250000');
    submit();
    expect(drafts).toEqual([]);
    expect(errors()).toContain('Type the quota.');

    type('Quota', '0');
    submit();
    expect(drafts).toEqual([]);
    expect(errors()).toContain('The quota cannot be 0.');

    type('Quota', '1000000');
    expect(element.querySelector('.preview')?.textContent).toBe('= 125.0 %');
    submit();
    expect(drafts).toEqual([{ numerator: '1250000', denominator: '1000000' }]);
  });

  it('refuses what is not a number', () => {
    const { type, submit, drafts, errors } = setUp(REVENUE);
    type('Value', 'twelve');
    submit();
    expect(drafts).toEqual([]);
    expect(errors()).toEqual(['Type a number, such as 1250000 or 37.5.']);
  });

  it('requires a reason only when the month already holds a value, and sends it with the restatement', () => {
    const cell = { value: '118', numerator: '1180000', denominator: '1000000', version: 1 };
    const { element, labels, input, type, submit, drafts, errors } = setUp(QUOTA, cell);
    expect(element.querySelector('h3')?.textContent?.trim()).toBe('Restate Key Accounts · November 2025');
    expect(element.textContent).toContain('Now 118.0 % (1,180,000 ÷ 1,000,000), version 1.');
    expect(labels()).toEqual(['Bookings', 'Quota', 'Reason for the restatement']);
    expect(input('Bookings').value).toBe('1180000');
    expect(input('Quota').value).toBe('1000000');

    type('Bookings', '1250000');
    submit();
    expect(drafts).toEqual([]);
    expect(errors()).toEqual(['Say why the value changes: the reason stays in the history.']);

    type('Reason for the restatement', '  Late booking from the Samsung order  ');
    submit();
    expect(drafts).toEqual([
      { numerator: '1250000', denominator: '1000000', reason: 'Late booking from the Samsung order' },
    ]);
  });

  it('starts with the character typed on the cell', () => {
    const { input } = setUp(REVENUE, null, '7');
    expect(input('Value').value).toBe('7');
  });

  it('cancels on Escape and shows the API’s reason for refusing a save', () => {
    const { fixture, element, cancelled } = setUp(REVENUE);
    element
      .querySelector('form')
      ?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(cancelled()).toBe(1);
    fixture.componentRef.setInput('problem', 'The month 2027-05 has not begun yet.');
    fixture.detectChanges();
    expect(element.querySelector('[role="alert"]')?.textContent).toContain(
      'The month 2027-05 has not begun yet.',
    );
  });
});
