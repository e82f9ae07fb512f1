import { TestBed } from '@angular/core/testing';
import type { OrgUnitNode } from '@lodestar/contracts';
import { defaultExpanded, summarise } from './org-tree';
import { OrgTreeComponent } from './org-tree.component';

const unit = (
  id: string,
  name: string,
  type: OrgUnitNode['type'],
  headcount: number,
  children: OrgUnitNode[] = [],
) =>
  ({
    id,
    key: id,
    name,
    type,
    parentId: null,
    leader: null,
    headcount,
    children,
  }) satisfies OrgUnitNode;

const ROOTS: OrgUnitNode[] = [
  unit('company', 'Helix', 'COMPANY', 5, [
    unit('sales', 'Sales', 'FUNCTION', 3, [unit('key-accounts', 'Key Accounts', 'TEAM', 2)]),
    unit('service', 'Service', 'FUNCTION', 2),
  ]),
];
ROOTS[0].children[0].leader = {
  id: 'u1',
  email: 'vp.sales@example.com',
  name: 'Victor Salas',
  roles: ['EXECUTIVE'],
};

function render(expanded = defaultExpanded(ROOTS)) {
  TestBed.configureTestingModule({ imports: [OrgTreeComponent] });
  const fixture = TestBed.createComponent(OrgTreeComponent);
  fixture.componentRef.setInput('roots', ROOTS);
  fixture.componentRef.setInput('expanded', expanded);
  fixture.detectChanges();
  const toggled: string[] = [];
  fixture.componentInstance.toggled.subscribe((id) => toggled.push(id));
  const element: HTMLElement = fixture.nativeElement;
  const items = () => Array.from(element.querySelectorAll<HTMLElement>('[role="treeitem"]'));
  const press = (item: HTMLElement, key: string) =>
    item.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
  return { fixture, element, items, press, toggled };
}

describe('org tree', () => {
  it('opens at the function level and shows each unit with its leader and headcount', () => {
    const { items } = render();
    expect(items().map((item) => item.querySelector('.text')?.textContent)).toEqual([
      'Helix',
      'Sales',
      'Service',
    ]);
    const sales = items()[1];
    expect(sales.getAttribute('aria-level')).toBe('2');
    expect(sales.getAttribute('aria-expanded')).toBe('false');
    expect(sales.textContent).toContain('Victor Salas');
    expect(sales.textContent).toContain('3 people');
  });

  it('keeps only one unit in the tab order', () => {
    const { items } = render();
    expect(items().map((item) => item.tabIndex)).toEqual([0, -1, -1]);
  });

  it('moves focus with the arrow keys and opens a closed unit with ArrowRight', () => {
    const { items, press, toggled } = render();
    items()[0].focus();
    press(items()[0], 'ArrowDown');
    expect(document.activeElement).toBe(items()[1]);
    press(items()[1], 'ArrowRight');
    expect(toggled).toEqual(['sales']);
    press(items()[1], 'ArrowLeft');
    expect(document.activeElement).toBe(items()[0]);
  });

  it('counts units, functions and people', () => {
    expect(summarise(ROOTS)).toEqual({ units: 4, functions: 2, people: 5 });
  });
});
