import { ChangeDetectionStrategy, Component, computed, inject, OnInit, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatSnackBar } from '@angular/material/snack-bar';
import type { OrgUnitNode } from '@lodestar/contracts';
import { tap } from 'rxjs';
import { AuthService } from '../auth/auth.service';
import { IconComponent } from '../shared/icon.component';
import { EmptyStateComponent, ErrorStateComponent, LoadingComponent } from '../shared/page-states.component';
import { remoteResource } from '../shared/remote-resource';
import { OrgSummaryComponent } from './org-summary.component';
import { defaultExpanded, flattenUnits, summarise } from './org-tree';
import { OrgTreeComponent } from './org-tree.component';
import { OrgUnitDialogComponent, OrgUnitDialogData, OrgUnitDialogResult } from './org-unit-dialog.component';
import { OrgUnitsService } from './org-units.service';

@Component({
  selector: 'ls-org-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatButtonModule,
    IconComponent,
    LoadingComponent,
    EmptyStateComponent,
    ErrorStateComponent,
    OrgSummaryComponent,
    OrgTreeComponent,
  ],
  template: `
    <section class="ls-page" aria-labelledby="org-title">
      <header class="ls-page-header">
        <div>
          <h1 id="org-title">Organisation</h1>
          <p>The company's functions, teams, product lines and regions, with their leaders and people.</p>
        </div>
        @if (isAdmin()) {
          <button mat-flat-button type="button" (click)="add()" [disabled]="!units()">
            <ls-icon name="add" />
            Add unit
          </button>
        }
      </header>

      @if (summary(); as figures) {
        <ls-org-summary [summary]="figures" />
      }

      <div class="ls-panel">
        @if (tree.loading()) {
          <ls-loading label="Loading the organisation…" />
        }
        @if (tree.problem(); as failure) {
          <div class="pad">
            <ls-error-state
              title="The organisation could not be loaded"
              [detail]="failure.detail"
              [errors]="failure.errors"
              (retry)="load()"
            />
          </div>
        } @else if (units(); as roots) {
          @if (roots.length) {
            <div class="toolbar">
              @if (isAdmin() && selected(); as unit) {
                <button mat-stroked-button type="button" (click)="edit(unit)">
                  <ls-icon name="edit" />Edit selected unit
                </button>
              }
              <span class="ls-muted hint"
                >Arrow keys move through the tree and select a unit; Enter opens or closes it.</span
              >
              <span class="spacer"></span>
              <span class="ls-actions">
                <button mat-button type="button" (click)="expandAll()">Expand all</button>
                <button mat-button type="button" (click)="collapseAll()">Collapse all</button>
              </span>
            </div>
            <ls-org-tree
              [roots]="roots"
              [expanded]="expanded()"
              [selectedId]="selectedId()"
              (toggled)="toggle($event)"
              (selected)="selectedId.set($event.id)"
            />
          } @else {
            <ls-empty-state title="No org units yet" icon="org">
              @if (isAdmin()) {
                Start with the company itself: choose “Add unit” and give it the type Company.
              } @else {
                An administrator has not set up the organisation yet. Ask them to add the company and its
                functions.
              }
            </ls-empty-state>
          }
        }
      </div>
    </section>
  `,
  styles: `
    .pad {
      padding: 16px;
    }
    .toolbar {
      display: flex;
      align-items: center;
      gap: 12px;
      flex-wrap: wrap;
      min-height: 48px;
      padding: 4px 8px 4px 16px;
      border-bottom: 1px solid var(--ls-border);
    }
    .spacer {
      flex: 1;
    }

    .hint {
      font-size: 0.8rem;
    }
    @media (max-width: 760px) {
      .hint {
        display: none;
      }
    }
  `,
})
export class OrgPageComponent implements OnInit {
  private readonly service = inject(OrgUnitsService);
  private readonly auth = inject(AuthService);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);

  protected readonly tree = remoteResource<OrgUnitNode[]>();
  protected readonly units = this.tree.value;
  protected readonly expanded = signal<ReadonlySet<string>>(new Set());
  protected readonly selectedId = signal<string | null>(null);
  protected readonly selected = computed(() => {
    const id = this.selectedId();
    return flattenUnits(this.units() ?? []).find((unit) => unit.node.id === id)?.node ?? null;
  });
  protected readonly isAdmin = computed(() => this.auth.roles().includes('ADMIN'));
  protected readonly summary = computed(() => {
    const roots = this.units();
    return roots ? summarise(roots) : null;
  });

  ngOnInit(): void {
    this.load();
  }

  load(keepExpanded = false): void {
    this.tree.load(
      this.service.tree().pipe(
        tap((roots) => {
          if (!keepExpanded) this.expanded.set(defaultExpanded(roots));
          if (!this.selectedId()) this.selectedId.set(roots[0]?.id ?? null);
        }),
      ),
    );
  }

  protected toggle(id: string): void {
    this.expanded.update((open) => {
      const next = new Set(open);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }

  protected expandAll(): void {
    const roots = this.units() ?? [];
    this.expanded.set(
      new Set(
        flattenUnits(roots)
          .filter((unit) => unit.node.children.length)
          .map((unit) => unit.node.id),
      ),
    );
  }

  protected collapseAll(): void {
    this.expanded.set(new Set());
  }

  protected add(): void {
    this.open({ mode: 'create', roots: this.units() ?? [], parentKey: this.selected()?.key ?? null });
  }

  protected edit(unit: OrgUnitNode): void {
    this.open({ mode: 'edit', roots: this.units() ?? [], unit });
  }

  private open(data: OrgUnitDialogData): void {
    this.dialog
      .open<OrgUnitDialogComponent, OrgUnitDialogData, OrgUnitDialogResult>(OrgUnitDialogComponent, {
        data,
        width: '560px',
        maxWidth: 'calc(100vw - 32px)',
        autoFocus: 'first-tabbable',
      })
      .afterClosed()
      .subscribe((result) => {
        if (!result) return;
        this.snackBar.open(`${result.unit.name} was ${data.mode === 'create' ? 'added' : 'saved'}.`, 'OK', {
          duration: 4000,
        });
        if (result.unit.parentId) {
          const parentId = result.unit.parentId;
          this.expanded.update((open) => new Set([...open, parentId]));
        }
        this.selectedId.set(result.unit.id);
        this.load(true);
      });
  }
}
