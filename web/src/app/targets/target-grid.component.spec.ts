import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { periodColumns, targetGroups, type TargetCellRef } from './target-format';
import { TargetGridComponent } from './target-grid.component';
import { METRICS, target, UNITS } from './target.fixtures';

const COLUMNS = periodColumns('FY2026', 10);
const GROUPS = targetGroups(
  [
    target('sales', 'nps', 'FY2026', ['30', '40', '50']),
    target('service', 'escalations', 'FY2026', ['260', '220', '180']),
    target('service', 'escalations', 'FY2026-Q2', ['55', '45', '35']),
  ],
  [],
  METRICS,
  UNITS,
  COLUMNS,
  10,
  { metric: null, orgUnit: null },
);

function setUp(editable = true) {
  TestBed.configureTestingModule({ imports: [TargetGridComponent], providers: [provideNoopAnimations()] });
  const fixture = TestBed.createComponent(TargetGridComponent);
  fixture.componentRef.setInput('groups', GROUPS);
  fixture.componentRef.setInput('columns', COLUMNS);
  fixture.componentRef.setInput('editable', editable);
  fixture.detectChanges();
  const element: HTMLElement = fixture.nativeElement;
  document.body.appendChild(element);
  const edits: TargetCellRef[] = [];
  const removals: TargetCellRef[] = [];
  fixture.componentInstance.editCell.subscribe((ref) => edits.push(ref));
  fixture.componentInstance.removeTarget.subscribe((ref) => removals.push(ref));
  const cell = (unit: string, metric: string, period: string) => {
    const found = element.querySelector<HTMLElement>(
      `td[data-unit="${unit}"][data-metric="${metric}"][data-period="${period}"]`,
    );
    if (!found) throw new Error(`no cell ${unit} ${metric} ${period}`);
    return found;
  };
  const press = (target: HTMLElement, key: string) => {
    target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
    fixture.detectChanges();
  };
  return { fixture, element, cell, press, edits, removals };
}

describe('targets grid', () => {
  afterEach(() => document.body.replaceChildren());

  it('lets one cell take Tab focus and moves across units and quarters with the arrow keys', () => {
    const { element, cell, press } = setUp();
    expect(element.querySelectorAll('td[tabindex="0"]')).toHaveLength(1);
    cell('sales', 'nps', 'FY2026').focus();
    press(cell('sales', 'nps', 'FY2026'), 'ArrowDown');
    expect(document.activeElement).toBe(cell('service', 'escalations', 'FY2026'));
    press(cell('service', 'escalations', 'FY2026'), 'ArrowRight');
    expect(document.activeElement).toBe(cell('service', 'escalations', 'FY2026-Q1'));
    press(cell('service', 'escalations', 'FY2026-Q1'), 'End');
    expect(document.activeElement).toBe(cell('service', 'escalations', 'FY2026-Q4'));
    press(cell('service', 'escalations', 'FY2026-Q4'), 'ArrowDown');
    expect(document.activeElement).toBe(cell('service', 'escalations', 'FY2026-Q4'));
  });

  it('opens the editor with Enter or a click, and asks to remove only a target set for that period', () => {
    const { cell, press, edits, removals } = setUp();
    press(cell('sales', 'nps', 'FY2026-Q1'), 'Enter');
    cell('service', 'escalations', 'FY2026-Q2').click();
    press(cell('service', 'escalations', 'FY2026-Q1'), 'Delete');
    press(cell('service', 'escalations', 'FY2026-Q2'), 'Delete');
    expect(edits).toEqual([
      { orgUnit: 'sales', metric: 'nps', period: 'FY2026-Q1' },
      { orgUnit: 'service', metric: 'escalations', period: 'FY2026-Q2' },
    ]);
    expect(removals).toEqual([{ orgUnit: 'service', metric: 'escalations', period: 'FY2026-Q2' }]);
  });

  it('reads each cell in full on hover, and tells screen readers what Enter does', () => {
    const { cell } = setUp();
    expect(cell('sales', 'nps', 'FY2026-Q2').title).toBe(
      'Sales · Net Promoter Score · FY2026-Q2: 30 · 40 · 50 (threshold · target · stretch), from FY2026.',
    );
    expect(cell('sales', 'nps', 'FY2026-Q2').querySelector('.ls-visually-hidden')?.textContent).toBe(
      '. Press Enter to set its own.',
    );
    expect(cell('service', 'escalations', 'FY2026-Q2').title).toBe(
      'Service · Escalations · FY2026-Q2: 55 · 45 · 35 (threshold · target · stretch), as set.',
    );
    expect(cell('service', 'escalations', 'FY2026-Q2').textContent).toContain('Press Enter to edit.');
  });

  it('edits nothing for a reader', () => {
    const { cell, press, edits, removals } = setUp(false);
    press(cell('sales', 'nps', 'FY2026'), 'Enter');
    cell('sales', 'nps', 'FY2026').click();
    press(cell('service', 'escalations', 'FY2026-Q2'), 'Delete');
    expect(edits).toEqual([]);
    expect(removals).toEqual([]);
  });
});
