import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import type { MeasurementGrid } from '@lodestar/contracts';
import type { MeasuredMetric } from './measurement-format';
import { CellRef, EditRequest, MeasurementGridComponent } from './measurement-grid.component';

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

const QUOTA_GRID: MeasurementGrid = {
  metric: 'quota_attainment',
  period: 'FY2026',
  aggregation: 'ratio',
  months: ['2025-10', '2025-11', '2025-12'],
  rows: [
    {
      orgUnit: 'company',
      name: 'Helix Lithography Systems',
      depth: 0,
      cells: [null, null, null],
      total: null,
    },
    {
      orgUnit: 'sales',
      name: 'Sales',
      depth: 1,
      cells: [{ value: '104.2', numerator: '2084000', denominator: '2000000', version: 1 }, null, null],
      total: '104.2',
    },
    {
      orgUnit: 'key-accounts',
      name: 'Key Accounts',
      depth: 2,
      cells: [
        { value: '118', numerator: '1180000', denominator: '1000000', version: 1 },
        { value: '125', numerator: '1250000', denominator: '1000000', version: 3 },
        null,
      ],
      // Σ bookings ÷ Σ quota from the API: not the mean of the two months (121.5).
      total: '121.5',
    },
  ],
};

function setUp(grid: MeasurementGrid, metric: MeasuredMetric) {
  TestBed.configureTestingModule({
    imports: [MeasurementGridComponent],
    providers: [provideNoopAnimations()],
  });
  const fixture = TestBed.createComponent(MeasurementGridComponent);
  fixture.componentRef.setInput('grid', grid);
  fixture.componentRef.setInput('metric', metric);
  fixture.detectChanges();
  const element: HTMLElement = fixture.nativeElement;
  document.body.appendChild(element);
  const selections: CellRef[] = [];
  const edits: EditRequest[] = [];
  fixture.componentInstance.selectCell.subscribe((cell) => selections.push(cell));
  fixture.componentInstance.editCell.subscribe((edit) => edits.push(edit));
  const cell = (unit: string, month: string) => {
    const found = element.querySelector<HTMLElement>(`td[data-unit="${unit}"][data-month="${month}"]`);
    if (!found) throw new Error(`no cell ${unit} ${month}`);
    return found;
  };
  const press = (target: HTMLElement, key: string, init: KeyboardEventInit = {}) => {
    target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, ...init }));
    fixture.detectChanges();
  };
  return { fixture, element, selections, edits, cell, press };
}

describe('measurement grid', () => {
  afterEach(() => document.body.replaceChildren());

  it('lists the units in tree order, indented by depth, with the months and the year total', () => {
    const { element } = setUp(QUOTA_GRID, QUOTA);
    const header = Array.from(element.querySelectorAll('thead th')).map((th) => th.textContent?.trim());
    expect(header).toEqual(['Unit', '2025-10', '2025-11', '2025-12', 'FY2026 ratio of sums']);
    const rows = Array.from(element.querySelectorAll('tbody tr')).map((row) =>
      Array.from(row.children).map((cell) => cell.textContent?.replace(/\s+/g, ' ').trim()),
    );
    expect(rows).toEqual([
      ['Helix Lithography Systems', '–', '–', '–', ''],
      ['Sales', '104.2 %', '–', '–', '104.2 %'],
      ['Key Accounts', '118.0 %', '125.0 %, restated (version 3)', '–', '121.5 %'],
    ]);
    const indents = Array.from(element.querySelectorAll<HTMLElement>('tbody th.unit')).map(
      (th) => th.style.paddingLeft,
    );
    expect(indents).toEqual(['8px', '22px', '36px']);
  });

  it('marks a restated month and shows the ratio behind each value on hover', () => {
    const { element, cell } = setUp(QUOTA_GRID, QUOTA);
    expect(element.querySelectorAll('[data-testid="restated"]')).toHaveLength(1);
    expect(cell('key-accounts', '2025-11').querySelector('[data-testid="restated"]')).not.toBeNull();
    expect(cell('key-accounts', '2025-10').querySelector('[data-testid="restated"]')).toBeNull();
    expect(cell('key-accounts', '2025-11').title).toBe(
      'Key Accounts · November 2025: 125.0 % (bookings 1,250,000 ÷ quota 1,000,000), restated (version 3)',
    );
  });

  it('shows money with its currency and no cents', () => {
    const grid: MeasurementGrid = {
      ...QUOTA_GRID,
      metric: 'revenue',
      aggregation: 'sum',
      rows: [
        {
          orgUnit: 'sales',
          name: 'Sales',
          depth: 1,
          cells: [{ value: '1250000.45', numerator: null, denominator: null, version: 1 }, null, null],
          total: '1250000.45',
        },
      ],
    };
    const { cell, element } = setUp(grid, REVENUE);
    expect(cell('sales', '2025-10').textContent?.trim()).toBe('€1,250,000');
    expect(element.querySelector('td.total')?.textContent?.trim()).toBe('€1,250,000');
  });

  it('lets one cell take Tab focus and moves between cells with the arrow keys, selecting as it goes', () => {
    const { element, cell, press, selections } = setUp(QUOTA_GRID, QUOTA);
    const focusable = Array.from(element.querySelectorAll('td[tabindex="0"]'));
    expect(focusable).toHaveLength(1);
    cell('company', '2025-10').focus();
    press(cell('company', '2025-10'), 'ArrowDown');
    expect(document.activeElement).toBe(cell('sales', '2025-10'));
    press(cell('sales', '2025-10'), 'ArrowRight');
    expect(document.activeElement).toBe(cell('sales', '2025-11'));
    press(cell('sales', '2025-11'), 'End');
    expect(document.activeElement).toBe(cell('sales', '2025-12'));
    press(cell('sales', '2025-12'), 'ArrowRight');
    expect(document.activeElement).toBe(cell('sales', '2025-12'));
    expect(cell('sales', '2025-12').getAttribute('tabindex')).toBe('0');
    expect(selections.map((ref) => `${ref.orgUnit} ${ref.period}`)).toEqual([
      'company 2025-10',
      'sales 2025-10',
      'sales 2025-11',
      'sales 2025-12',
    ]);
  });

  it('opens the editor with Enter, a click, or by typing a number on a cell', () => {
    const { cell, press, edits } = setUp(QUOTA_GRID, QUOTA);
    press(cell('key-accounts', '2025-11'), 'Enter');
    cell('sales', '2025-12').click();
    press(cell('company', '2025-10'), '7');
    press(cell('company', '2025-10'), 'a');
    expect(edits).toEqual([
      { orgUnit: 'key-accounts', period: '2025-11', initial: null },
      { orgUnit: 'sales', period: '2025-12', initial: null },
      { orgUnit: 'company', period: '2025-10', initial: '7' },
    ]);
  });
});
