import {
  ChangeDetectionStrategy,
  Component,
  computed,
  ElementRef,
  inject,
  input,
  output,
} from '@angular/core';
import type { OrgUnitNode } from '@lodestar/contracts';
import { formatPeople } from '../shared/format';
import { IconComponent } from '../shared/icon.component';
import { ORG_UNIT_TYPE_LABELS } from './org-tree';

interface VisibleUnit {
  node: OrgUnitNode;
  parentId: string | null;
  level: number;
  position: number;
  setSize: number;
  hasChildren: boolean;
  open: boolean;
}

/**
 * The organisation as an ARIA tree (flat markup with aria-level, aria-setsize and aria-posinset): arrow keys move and open or close units, Home and End jump,
 * Enter and Space toggle; only the focused unit is in the tab order, and selection follows focus.
 */
@Component({
  selector: 'ls-org-tree',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [IconComponent],
  templateUrl: './org-tree.component.html',
  styleUrl: './org-tree.component.scss',
})
export class OrgTreeComponent {
  readonly roots = input.required<OrgUnitNode[]>();
  readonly expanded = input.required<ReadonlySet<string>>();
  /** The selected unit; selection follows keyboard focus. */
  readonly selectedId = input<string | null>(null);
  readonly toggled = output<string>();
  readonly selected = output<OrgUnitNode>();

  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  protected readonly typeLabels = ORG_UNIT_TYPE_LABELS;

  /** The units a reader can currently see, top to bottom. */
  protected readonly visible = computed<VisibleUnit[]>(() => {
    const out: VisibleUnit[] = [];
    const open = this.expanded();
    const walk = (nodes: readonly OrgUnitNode[], parentId: string | null, level: number) => {
      nodes.forEach((node, index) => {
        const hasChildren = node.children.length > 0;
        const isOpen = hasChildren && open.has(node.id);
        out.push({
          node,
          parentId,
          level,
          position: index + 1,
          setSize: nodes.length,
          hasChildren,
          open: isOpen,
        });
        if (isOpen) walk(node.children, node.id, level + 1);
      });
    };
    walk(this.roots(), null, 1);
    return out;
  });

  /** The unit in the tab order: the selected one while it is visible, else the first. */
  protected readonly activeId = computed(() => {
    const chosen = this.selectedId();
    const visible = this.visible();
    return visible.some((unit) => unit.node.id === chosen) ? chosen : (visible[0]?.node.id ?? null);
  });

  protected people(count: number): string {
    return formatPeople(count);
  }

  protected onFocus(node: OrgUnitNode, event: FocusEvent): void {
    if (event.target === event.currentTarget && node.id !== this.selectedId()) this.selected.emit(node);
  }

  protected onRowClick(node: OrgUnitNode): void {
    this.focus(node.id);
  }

  protected onTwistyClick(node: OrgUnitNode, event: Event): void {
    event.stopPropagation();
    this.toggled.emit(node.id);
    this.focus(node.id);
  }

  protected onKeydown(event: KeyboardEvent): void {
    const target = event.target as HTMLElement;
    if (target.getAttribute('role') !== 'treeitem') return;
    const id = target.dataset['id'];
    const visible = this.visible();
    const index = visible.findIndex((unit) => unit.node.id === id);
    if (index < 0) return;
    const current = visible[index];
    const { open, hasChildren } = current;
    let next: string | null = null;
    switch (event.key) {
      case 'ArrowDown':
        next = visible[index + 1]?.node.id ?? null;
        break;
      case 'ArrowUp':
        next = visible[index - 1]?.node.id ?? null;
        break;
      case 'Home':
        next = visible[0]?.node.id ?? null;
        break;
      case 'End':
        next = visible[visible.length - 1]?.node.id ?? null;
        break;
      case 'ArrowRight':
        if (hasChildren && !open) this.toggled.emit(current.node.id);
        else if (hasChildren) next = current.node.children[0].id;
        break;
      case 'ArrowLeft':
        if (hasChildren && open) this.toggled.emit(current.node.id);
        else next = current.parentId;
        break;
      case 'Enter':
      case ' ':
        if (hasChildren) this.toggled.emit(current.node.id);
        break;
      default:
        return;
    }
    event.preventDefault();
    if (next) this.focus(next);
  }

  private focus(id: string): void {
    const items = this.host.nativeElement.querySelectorAll<HTMLElement>('[role="treeitem"]');
    Array.from(items)
      .find((item) => item.dataset['id'] === id)
      ?.focus();
  }
}
